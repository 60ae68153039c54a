/// Problems the importer reports as diagnostics (codes SKK0xx), so that a document with a
/// bad row still imports and the row is named by file and line.
public struct ImportIssue: Sendable {
    public let identifier: String
    public let name: String
    public let severity: Severity
    public let summary: String

    public static let unreadableDocument = ImportIssue(
        identifier: "SKK000", name: "unreadable-document", severity: .error,
        summary: "Dokumen tidak dapat dibaca atau tidak dikenali sebagai KEPMEN jenjang KKNI maupun skema sertifikasi.")
    public static let unreadableRow = ImportIssue(
        identifier: "SKK001", name: "unreadable-row", severity: .warning,
        summary: "Baris di dalam tabel unit tidak dapat dibaca sebagai baris unit; baris ini dilewati.")
    public static let missingPrerequisiteColumn = ImportIssue(
        identifier: "SKK002", name: "missing-prerequisite-column", severity: .warning,
        summary: "Baris unit tanpa kolom persyaratan kompetensi; dianggap tidak ada persyaratan.")
    public static let missingField = ImportIssue(
        identifier: "SKK003", name: "missing-field", severity: .note,
        summary:
            "Keterangan yang diharapkan (aturan pengemasan, kodifikasi, tanggal, nomor dokumen) tidak ditemukan atau rusak."
    )
    public static let emptyTable = ImportIssue(
        identifier: "SKK004", name: "empty-unit-table", severity: .error,
        summary: "Kualifikasi atau skema tanpa satu pun baris unit.")
    public static let stateMismatch = ImportIssue(
        identifier: "SKK005", name: "row-outside-table", severity: .warning,
        summary: "Baris unit di luar bagian KOMPETENSI INTI/PILIHAN; perannya tidak diketahui dan baris dilewati.")

    public static let duplicateQualification = ImportIssue(
        identifier: "SKK006", name: "duplicate-qualification", severity: .error,
        summary:
            "Huruf kualifikasi yang sama muncul dua kali dalam satu keputusan; yang kedua diberi id bersufiks agar tidak hilang."
    )

    public static let pageWithoutText = ImportIssue(
        identifier: "SKK007", name: "page-without-text", severity: .note,
        summary:
            "Halaman PDF tanpa lapisan teks (gambar hasil pindai, misalnya halaman bertanda tangan); isinya tidak terbaca."
    )
    public static let typeFromTitle = ImportIssue(
        identifier: "SKK008", name: "type-from-title", severity: .note,
        summary:
            "Jenis kemasan skema tidak dinyatakan atau masih berisi pilihan templat (KKNI/Okupasi/Klaster); jenisnya diambil dari judul skema."
    )
    public static let detailMismatch = ImportIssue(
        identifier: "SKK009", name: "detail-block-mismatch", severity: .warning,
        summary:
            "Blok rincian unit (Kode Unit : … Judul Unit : …) tidak sesuai dengan daftar unit dokumen yang sama: kodenya, versinya atau judulnya berbeda, atau unitnya tidak ada di daftar."
    )

    public static let all: [ImportIssue] = [
        unreadableDocument, unreadableRow, missingPrerequisiteColumn, missingField, emptyTable, stateMismatch,
        duplicateQualification, pageWithoutText, typeFromTitle, detailMismatch,
    ]

    public func diagnostic(_ message: String, file: String, line: Int, subject: String) -> Diagnostic {
        Diagnostic(
            rule: identifier, name: name, severity: severity, message: message,
            location: SourceLocation(file: file, line: line), subject: subject)
    }
}

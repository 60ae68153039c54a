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

    public static let all: [ImportIssue] = [
        unreadableDocument, unreadableRow, missingPrerequisiteColumn, missingField, emptyTable, stateMismatch,
        duplicateQualification,
    ]

    public func diagnostic(_ message: String, file: String, line: Int, subject: String) -> Diagnostic {
        Diagnostic(
            rule: identifier, name: name, severity: severity, message: message,
            location: SourceLocation(file: file, line: line), subject: subject)
    }
}

import SKKNICore

/// A code in an SKKNI decree (a Daftar row, a `KODE UNIT :` block, a prerequisite) in
/// neither format, with the code it most likely means.
public struct StandardMalformedCodeRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK503", name: "standard-malformed-code", severity: .error,
        summary: "Kode unit di keputusan SKKNI (daftar, uraian atau persyaratan) tidak sesuai format kode unit SKKNI.",
        rationale: """
            Keputusan SKKNI adalah sumber kode unit: kode yang salah tulis di sana disalin ke skema dan \
            kualifikasi. Saran perbaikan diambil dari kode di keputusan yang sama yang huruf dan angkanya sama \
            (misalnya titik setelah huruf kategori yang hilang: `M74DKV13.015.3` untuk `M.74DKV13.015.3`), lalu \
            dari menyisipkan titik itu, lalu dari menukar huruf dan angka yang mirip (O/0, I/1, l/1, S/5, B/8).
            """,
        triggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO.   KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    M.74DKV13.015.3    Membuat Materi Siap Produksi/Tayang

                C. Uraian Unit Kompetensi
                ↓KODE UNIT       : M74DKV13.015.3
                JUDUL UNIT      : Membuat Materi Siap Produksi/Tayang
                """)
        ],
        nonTriggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO.   KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    M.74DKV13.015.3    Membuat Materi Siap Produksi/Tayang

                C. Uraian Unit Kompetensi
                KODE UNIT       : M.74DKV13.015.3
                JUDUL UNIT      : Membuat Materi Siap Produksi/Tayang
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for standard in context.checkedStandards {
            // Nearly every decree writes every code well: the spelling index is built only for
            // one that does not.
            let malformed =
                standard.listedUnits.contains { !$0.code.isValid }
                || standard.definitions.contains { d in !d.code.isValid || d.prerequisites.contains { !$0.code.isValid }
                }
            guard malformed else { continue }
            var bySpelling: [String: (UnitCode, Int)] = [:]
            for row in standard.listedUnits where row.code.isValid {
                let key = StandardPairing.compact(row.code.raw)
                bySpelling[key] = bySpelling[key] ?? (row.code, row.line)
            }
            for definition in standard.definitions where definition.code.isValid {
                let key = StandardPairing.compact(definition.code.raw)
                bySpelling[key] = bySpelling[key] ?? (definition.code, definition.line)
            }
            func report(_ code: UnitCode, line: Int, what: String) {
                guard !code.isValid else { return }
                var message = "kode \(what) \(code) di \(standard.label) tidak sesuai format kode unit SKKNI"
                var related: [RelatedLocation] = []
                if let (same, at) = bySpelling[StandardPairing.compact(code.raw)] {
                    message += "; mungkin maksudnya \(same), kode yang ditulis di tempat lain dalam keputusan ini"
                    related.append(
                        RelatedLocation(SourceLocation(file: standard.source, line: at), "ditulis \(same) di sini"))
                } else if let fixed = Self.withCategoryDot(code) {
                    message += "; mungkin maksudnya \(fixed) (titik setelah huruf kategori hilang)"
                } else if let best = code.confusableCorrections().first {
                    message += "; mungkin maksudnya \(best) (huruf dan angka yang mirip tertukar)"
                }
                found.append(
                    finding(
                        message, at: SourceLocation(file: standard.source, line: line), subject: code.raw,
                        related: related))
            }
            for row in standard.listedUnits { report(row.code, line: row.line, what: "unit") }
            for definition in standard.definitions {
                report(definition.code, line: definition.line, what: "unit")
                for p in definition.prerequisites { report(p.code, line: p.line, what: "persyaratan") }
            }
        }
        return found
    }

    /// `M74DKV13.015.3` -> `M.74DKV13.015.3` when that is a valid code.
    static func withCategoryDot(_ code: UnitCode) -> UnitCode? {
        guard let first = code.raw.first, first.isLetter, code.raw.dropFirst().first != "." else { return nil }
        let fixed = UnitCode("\(first)." + code.raw.dropFirst())
        return fixed.isValid ? fixed : nil
    }
}

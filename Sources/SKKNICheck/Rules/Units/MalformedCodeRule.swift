import SKKNICore

/// A code in neither format, with a suggestion when swapping look-alike characters fixes it.
public struct MalformedCodeRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK104", name: "malformed-code", severity: .error,
        summary: "Kode unit tidak sesuai format SKKNI lama (`C.282210.007.01`) maupun baru (`C.28LOG09.002.2`).",
        rationale: """
            Format lama: huruf kategori, enam angka, nomor unit tiga angka, versi dua angka. Format baru: huruf \
            kategori, dua angka golongan, singkatan bidang dua sampai empat huruf, dua angka subbidang, nomor \
            unit tiga angka, versi satu angka. OCR dan pengetikan sering menukar huruf dan angka yang mirip \
            (O/0, I/1, l/1, S/5, B/8). Bila menukar satu atau dua karakter itu menghasilkan kode yang sah, \
            kode itu disarankan; yang sudah ada di katalog diutamakan.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER PENGELOLAAN PRODUKSI
                5.1. Jenis Kemasan : Klaster
                No\tKode Unit\tJudul Unit Kompetensi
                ↓1\tC.290MM01.014.1\tMembuat Prosedur Proses Produksi
                """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER PENGELOLAAN PRODUKSI
                5.1. Jenis Kemasan : Klaster
                No\tKode Unit\tJudul Unit Kompetensi
                1\tC.29OMM01.014.1\tMembuat Prosedur Proses Produksi
                2\tC.281930.002.01\tMembuat Perencanaan dan Penjadwalan Produksi
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ code: UnitCode, _ location: SourceLocation, _ role: String) {
            guard !code.isValid else { return }
            let suggestions = code.confusableCorrections()
            let known = suggestions.filter { !context.rows(code: $0).isEmpty }
            var message = "kode \(role) \(code) tidak sesuai format kode unit SKKNI"
            if let best = (known.isEmpty ? suggestions : known).first {
                message += "; mungkin maksudnya \(best) (huruf dan angka yang mirip tertukar)"
                if !known.isEmpty { message += ", yang ada di katalog" }
            } else if let hint = Self.hint(code) {
                message += "; \(hint)"
            }
            found.append(finding(message, at: location, subject: code.raw))
        }
        for row in context.checkedDecreeRows {
            report(row.unit.code, row.location, "unit")
            for p in row.unit.prerequisites { report(p, row.location, "persyaratan") }
        }
        for scheme in context.schemes {
            for unit in scheme.units { report(unit.code, context.location(scheme, line: unit.line), "unit") }
        }
        return found
    }

    /// Why a code without a look-alike correction is wrong, when its shape says so: no dots at
    /// all (`SIRXICT303`, a unit of another country's standard), no version (`G.46RIT00.065`),
    /// or a newer-format code with an older-format two-digit version (`G.46RIT00.049.01`).
    static func hint(_ code: UnitCode) -> String? {
        let raw = code.raw
        if !raw.contains(".") {
            return "tanpa titik pemisah, bentuknya bukan kode SKKNI sama sekali; mungkin unit dari standar lain, misalnya standar kompetensi luar negeri"
        }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, UnitCode("\(raw).1").isValid || UnitCode("\(raw).01").isValid {
            return "nomor versinya tidak ada"
        }
        guard parts.count == 4, parts[3].count == 2, parts[3].hasPrefix("0") else { return nil }
        let oneDigit = "\(parts[0...2].joined(separator: ".")).\(parts[3].dropFirst())"
        guard UnitCode(oneDigit).isValid else { return nil }
        return "versinya ditulis dua angka seperti format lama; dalam format baru \(oneDigit)"
    }
}

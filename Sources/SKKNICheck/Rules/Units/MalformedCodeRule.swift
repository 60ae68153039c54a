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
            (O/0, I/1, l/1, S/5, B/8), melewatkan atau menggandakan satu huruf, angka atau titik, atau menulis \
            versi dua angka pada format baru. Usulan perbaikan diambil dari katalog: kode yang ada di katalog \
            dan berbeda satu kekeliruan seperti itu, yang judulnya sama dengan judul baris lebih dahulu. Bila \
            tidak ada, kode sah hasil menukar karakter yang mirip disebut dengan keterangan bahwa kode itu \
            tidak ada di katalog.
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
        func report(_ code: UnitCode, _ location: SourceLocation, _ role: String, title: String?) {
            guard !code.isValid else { return }
            var message = "kode \(role) \(code) tidak sesuai format kode unit SKKNI"
            var related: [RelatedLocation] = []
            // Codes the catalogue holds come first: a well-formed code that exists nowhere is no fix.
            let candidates = CodeCorrection.candidates(for: code.raw, title: title, context: context)
            if let text = CodeCorrection.describe(candidates) {
                message += "; \(text)"
                let best = candidates[0].code
                related = context.rows(code: best).prefix(2).map {
                    RelatedLocation($0.location, "\(best) \"\($0.unit.cleanTitle)\" ditetapkan di sini")
                }
            } else if let best = code.confusableCorrections().first {
                message +=
                    "; mungkin maksudnya \(best) (huruf dan angka yang mirip tertukar; kode itu tidak ada di katalog)"
            } else if let hint = Self.hint(code) {
                message += "; \(hint)"
            }
            found.append(finding(message, at: location, subject: code.raw, related: related))
        }
        for row in context.checkedDecreeRows {
            report(row.unit.code, row.location, "unit", title: row.unit.title)
            for p in row.unit.prerequisites { report(p, row.location, "persyaratan", title: nil) }
        }
        for scheme in context.schemes {
            for unit in scheme.units {
                report(unit.code, context.location(scheme, line: unit.line), "unit", title: unit.title)
            }
        }
        return found
    }

    /// Why a code without a look-alike correction is wrong, when its shape says so: no dots at
    /// all (`SIRXICT303`, a unit of another country's standard), no version (`G.46RIT00.065`),
    /// or a newer-format code with an older-format two-digit version (`G.46RIT00.049.01`).
    static func hint(_ code: UnitCode) -> String? {
        let raw = code.raw
        if !raw.contains(".") {
            return
                "tanpa titik pemisah, bentuknya bukan kode SKKNI sama sekali; mungkin unit dari standar lain, misalnya standar kompetensi luar negeri"
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

import SKKNICore

/// One code written with different titles.
public struct TitleDriftRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachUnitCode

    public static let description = RuleDescription(
        identifier: "SKK103", name: "title-drift", severity: .warning,
        summary: "Satu kode unit tertulis dengan judul yang berbeda.",
        rationale: """
            Kode yang sama harus selalu berjudul sama. Judul dibandingkan setelah huruf besar/kecil, tag \
            `<i>`, tanda `**`, pemenggalan kata (`Pengorganisasi-an`) dan spasi di sekitar tanda baca \
            (`Mutu/ Jaminan`) diseragamkan, sehingga yang tersisa adalah perbedaan kata yang sebenarnya: \
            salah ketik (`Surveilan`/`Surveilans`), kata yang hilang, atau kode yang tertukar. Setiap varian \
            dan tempatnya disebutkan; samakan judulnya dengan SKKNI yang menetapkan unit itu.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS02.039.2\tMengelola Bahan Pelatihan Kerja\tTidak ada
                KOMPETENSI PILIHAN
                ↓1.\tN.78SPS02.039.2\tMengelola Bahan Kerja\tTidak ada
                """)
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 5 KELOMPOK PENGELOLA LEMBAGA SERTIFIKASI
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tM.74SPS03.115.1\tMelakukan Kaji Ulang Manajemen Mutu/ Jaminan Mutu\tTidak ada
                2.\tN.78SPS02.031.2 Melakukan Pengorganisasi-an SDM Pelatihan Kerja\tTidak ada
                KOMPETENSI PILIHAN
                1.\tM.74SPS03.115.1\tMelakukan Kaji Ulang Manajemen mutu/Jaminan Mutu\tTidak ada
                2.\tN.78SPS02.031.2\tMelakukan <i>Pengorganisasian</i> SDM Pelatihan Kerja\tTidak ada
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The decrees' own drift: decided by plain comparisons, so only drifting codes gather
        // their occurrences. Schemes do not take part: a scheme's title is its own finding,
        // located at the scheme's row, so adding a scheme never changes a decree's finding.
        func checkDecreeRows(_ code: String, _ rowIndices: [Int]) {
            guard rowIndices.count > 1 else { return }
            let first = context.decreeRows[rowIndices[0]].unit.cleanTitle
            guard rowIndices.contains(where: { context.decreeRows[$0].unit.cleanTitle != first }) else { return }
            let variants = Self.variants(of: rowIndices.map { context.decreeRows[$0] })
            guard variants.count > 1 else { return }
            let list = variants.map { "\"\($0.title)\" (\($0.places.count)×)" }.joined(separator: " / ")
            found.append(
                finding(
                    "\(code) tertulis dengan \(variants.count) judul berbeda: \(list)", at: variants[1].places[0],
                    subject: code,
                    related: variants.flatMap { v in v.places.map { RelatedLocation($0, "judul \"\(v.title)\"") } }))
        }
        switch context.focus {
        case .everything:
            for (code, rowIndices) in context.rowsByCode { checkDecreeRows(code, rowIndices) }
        case .schemes(let codes):
            // Dropped by an incremental check with the schemes' codes: found again.
            for code in codes { context.rowsByCode[code].map { checkDecreeRows(code, $0) } }
        }
        // A scheme that copies a decree unit under a title no decree row gives it.
        for scheme in context.schemes {
            for unit in scheme.units {
                guard let rowIndices = context.rowsByCode[unit.code.raw] else { continue }
                let rows = rowIndices.map { context.decreeRows[$0] }
                if rows.contains(where: { $0.unit.cleanTitle == unit.cleanTitle }) { continue }
                let folded = TitleText.fold(unit.cleanTitle)
                if rows.contains(where: { TitleText.fold($0.unit.cleanTitle) == folded }) { continue }
                let variants = Self.variants(of: rows)
                let titles = variants.map { "\"\($0.title)\"" }.joined(separator: " atau ")
                found.append(
                    finding(
                        "judul \(unit.code.raw) \"\(unit.cleanTitle)\" berbeda dari judul di keputusan: \(titles)",
                        at: context.location(scheme, line: unit.line), subject: unit.code.raw,
                        related: variants.flatMap { v in v.places.map { RelatedLocation($0, "judul \"\(v.title)\"") } }
                    ))
            }
        }
        return found
    }

    /// The distinct titles (folded) of decree rows, in source order, each with its places.
    static func variants(of rows: [DecreeRow]) -> [(title: String, places: [SourceLocation])] {
        var variants: [(key: String, title: String, places: [SourceLocation])] = []
        for row in rows.sorted(by: { $0.location < $1.location }) {
            let key = TitleText.fold(row.unit.cleanTitle)
            if let i = variants.firstIndex(where: { $0.key == key }) {
                variants[i].places.append(row.location)
            } else {
                variants.append((key, row.unit.cleanTitle, [row.location]))
            }
        }
        return variants.map { ($0.title, $0.places) }
    }
}

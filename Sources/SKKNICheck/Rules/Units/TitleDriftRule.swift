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

    struct Occurrence {
        var title: String
        var location: SourceLocation
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        // Which codes have any title other than their first decree row's: decided by plain
        // comparisons, so only those codes gather their occurrences.
        func firstTitle(_ code: String) -> String? {
            context.rowsByCode[code].map { context.decreeRows[$0[0]].unit.cleanTitle }
        }
        var drifting = Set<String>()
        func checkDecreeRows(_ code: String, _ rowIndices: [Int]) {
            guard rowIndices.count > 1 else { return }
            let first = context.decreeRows[rowIndices[0]].unit.cleanTitle
            if rowIndices.contains(where: { context.decreeRows[$0].unit.cleanTitle != first }) { drifting.insert(code) }
        }
        switch context.focus {
        case .everything:
            for (code, rowIndices) in context.rowsByCode { checkDecreeRows(code, rowIndices) }
        case .schemes(let codes):
            for code in codes { context.rowsByCode[code].map { checkDecreeRows(code, $0) } }
        }
        // A scheme that copies a decree unit under another title drifts too.
        for scheme in context.schemes {
            for unit in scheme.units {
                if let first = firstTitle(unit.code.raw), first != unit.cleanTitle { drifting.insert(unit.code.raw) }
            }
        }
        var copies: [String: [Occurrence]] = [:]
        for scheme in context.schemes {
            for unit in scheme.units where drifting.contains(unit.code.raw) {
                copies[unit.code.raw, default: []].append(
                    Occurrence(title: unit.cleanTitle, location: context.location(scheme, line: unit.line)))
            }
        }
        var found: [Diagnostic] = []
        for code in drifting {
            let occurrences =
                context.rowsByCode[code]!.map {
                    Occurrence(title: context.decreeRows[$0].unit.cleanTitle, location: context.decreeRows[$0].location)
                } + (copies[code] ?? [])
            let sorted = occurrences.sorted { $0.location < $1.location }
            var variants: [(key: String, title: String, places: [SourceLocation])] = []
            for o in sorted {
                let key = TitleText.fold(o.title)
                if let i = variants.firstIndex(where: { $0.key == key }) {
                    variants[i].places.append(o.location)
                } else {
                    variants.append((key, o.title, [o.location]))
                }
            }
            guard variants.count > 1 else { continue }
            let list = variants.map { "\"\($0.title)\" (\($0.places.count)×)" }.joined(separator: " / ")
            found.append(
                finding(
                    "\(code) tertulis dengan \(variants.count) judul berbeda: \(list)", at: variants[1].places[0],
                    subject: code,
                    related: variants.flatMap { v in v.places.map { RelatedLocation($0, "judul \"\(v.title)\"") } }))
        }
        return found
    }
}

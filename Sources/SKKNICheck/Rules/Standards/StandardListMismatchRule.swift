import SKKNICore

/// An SKKNI decree whose `Daftar Unit Kompetensi` and `Uraian Unit Kompetensi` disagree on a
/// unit: another version, another code, or another title.
public struct StandardListMismatchRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK501", name: "standard-list-mismatch", severity: .warning,
        summary:
            "Daftar Unit Kompetensi dan Uraian Unit Kompetensi satu keputusan SKKNI berbeda tentang satu unit: versinya, kodenya, atau judulnya.",
        rationale: """
            Keputusan SKKNI mencantumkan setiap unit dua kali: sebagai baris di Daftar Unit Kompetensi dan \
            sebagai blok uraian (`KODE UNIT :`, `JUDUL UNIT :`, elemen dan kriteria unjuk kerja). Bila keduanya \
            berbeda, skema dan kualifikasi yang mengutip unit itu tidak tahu versi atau judul mana yang berlaku. \
            Temuan ditempatkan di blok uraian, dengan baris daftar sebagai tempat terkait. Perbedaan huruf \
            besar-kecil, spasi dan tanda baca pada judul tidak dihitung. Kode uraian yang salah format \
            dilaporkan oleh SKK503.
            """,
        triggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.611000.015.01    Memonitor Keamanan Jaringan
                2.    J.611000.016.02    Mengatasi Serangan pada Jaringan

                C. Uraian Unit Kompetensi
                ↓KODE UNIT       : J.611000.015.02
                JUDUL UNIT      : Memonitor Keamanan Jaringan
                KODE UNIT       : J.611000.016.02
                JUDUL UNIT      : Mengatasi Serangan pada Jaringan
                """),
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    Kode Unit          Judul Unit Kompetensi
                1.    J.62DMI00.021.1    Melakukan Laporan Akhir Proyek Data Science

                C. Uraian Unit Kompetensi
                ↓KODE UNIT       : J.62DMI00.021.1
                JUDUL UNIT      : Membuat Laporan Akhir Proyek Data science
                """),
        ],
        nonTriggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    Kode Unit          Judul Unit Kompetensi
                1.    J.62DMI00.002.1    Menentukan Tujuan Teknis Data Science
                2.    J.63OPR00.006.2    Menggunakan Perangkat Lunak Presentasi Tingkat Dasar

                C. Uraian Unit Kompetensi
                KODE UNIT       : J.62DMI00.002.1
                JUDUL UNIT      : Menentukan Tujuan Teknis Data science
                KODE UNIT       : J.63OPR00.006.2
                JUDUL UNIT      : Menggunakan Perangkat Lunak Presentasi – Tingkat Dasar
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for standard in context.checkedStandards {
            let pairing = StandardPairing(standard)
            for pair in pairing.pairs {
                let definition = standard.definitions[pair.definition]
                let row = standard.listedUnits[pair.listed]
                var differences: [String] = []
                switch pair.match {
                case .code: break
                case .identity:
                    differences.append(
                        "versinya .\(definition.code.version) di uraian tetapi .\(row.code.version) di daftar (\(row.code))"
                    )
                case .spelling:
                    // One of the two codes is malformed: SKK503 says so.
                    if definition.code.isValid && row.code.isValid {
                        differences.append("kodenya ditulis \(row.code) di daftar")
                    }
                case .position:
                    differences.append("kodenya \(row.code) di daftar (baris ke-\(pair.listed + 1), judul sama)")
                }
                if definition.title != row.title,
                    StandardPairing.titleKey(definition.title) != StandardPairing.titleKey(row.title)
                {
                    differences.append("judulnya '\(definition.title)' di uraian tetapi '\(row.title)' di daftar")
                }
                guard !differences.isEmpty else { continue }
                found.append(
                    finding(
                        "\(definition.code) di \(standard.label): Daftar Unit Kompetensi dan Uraian Unit Kompetensi berbeda: "
                            + differences.joined(separator: "; "),
                        at: pairing.location(definition.line), subject: definition.code.raw,
                        related: [
                            RelatedLocation(
                                pairing.location(row.line),
                                "tercantum di Daftar Unit Kompetensi sebagai \(row.code) \(row.title)")
                        ]))
            }
        }
        return found
    }
}

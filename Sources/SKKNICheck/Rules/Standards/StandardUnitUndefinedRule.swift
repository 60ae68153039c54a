import SKKNICore

/// A row of an SKKNI decree's `Daftar Unit Kompetensi` without an `Uraian Unit Kompetensi`
/// block, or a block without a row.
public struct StandardUnitUndefinedRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK502", name: "standard-unit-undefined", severity: .warning,
        summary:
            "Unit di Daftar Unit Kompetensi keputusan SKKNI tanpa uraiannya, atau uraian unit yang tidak tercantum di daftar.",
        rationale: """
            Setiap unit yang ditetapkan keputusan SKKNI tercantum di Daftar Unit Kompetensi dan diuraikan dalam \
            satu blok `KODE UNIT :`. Unit tanpa uraian tidak punya elemen dan kriteria unjuk kerja untuk diuji; \
            uraian tanpa baris daftar mungkin unit yang terlupa dicantumkan. Baris dan blok dipasangkan menurut \
            kode, lalu menurut unit (versi lain, dilaporkan oleh SKK501), lalu menurut kode yang sama tanpa \
            tanda baca. Dokumen yang hanya memuat daftar atau hanya memuat uraian tidak diperiksa di sini.
            """,
        triggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.611000.001.01    Mengumpulkan Kebutuhan Teknis Pengguna
                ↓2.    J.611000.002.01    Mengumpulkan Data Peralatan Jaringan

                C. Uraian Unit Kompetensi
                KODE UNIT       : J.611000.001.01
                JUDUL UNIT      : Mengumpulkan Kebutuhan Teknis Pengguna
                ↓KODE UNIT       : J.611000.003.02
                JUDUL UNIT      : Merancang Topologi Jaringan
                """)
        ],
        nonTriggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.611000.001.01    Mengumpulkan Kebutuhan Teknis Pengguna
                2.    J.611000.015.01    Memonitor Keamanan Jaringan

                C. Uraian Unit Kompetensi
                KODE UNIT       : J.611000.001.01
                JUDUL UNIT      : Mengumpulkan Kebutuhan Teknis Pengguna
                KODE UNIT       : J.611000.015.02
                JUDUL UNIT      : Memonitor Keamanan Jaringan
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for standard in context.checkedStandards
        where !standard.listedUnits.isEmpty && !standard.definitions.isEmpty {
            let pairing = StandardPairing(standard)
            // A code listed or defined twice is SKK504's; its second row is not undefined.
            let pairedCodes = Set(
                pairing.pairs.flatMap {
                    [standard.listedUnits[$0.listed].code.raw, standard.definitions[$0.definition].code.raw]
                })
            for i in pairing.undefined where !pairedCodes.contains(standard.listedUnits[i].code.raw) {
                let row = standard.listedUnits[i]
                found.append(
                    finding(
                        "\(row.code) \(row.title) tercantum di Daftar Unit Kompetensi \(standard.label) tetapi tidak diuraikan: tidak ada blok 'KODE UNIT : \(row.code)'",
                        at: pairing.location(row.line), subject: row.code.raw))
            }
            for d in pairing.unlisted where !pairedCodes.contains(standard.definitions[d].code.raw) {
                let definition = standard.definitions[d]
                found.append(
                    finding(
                        "\(definition.code) \(definition.title) diuraikan di \(standard.label) tetapi tidak tercantum di Daftar Unit Kompetensi",
                        at: pairing.location(definition.line), subject: definition.code.raw))
            }
        }
        return found
    }
}

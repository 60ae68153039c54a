import SKKNICore

public struct PrerequisiteUnknownRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK203", name: "prerequisite-unknown", severity: .error,
        summary: "Persyaratan menyebut unit yang tidak ada di mana pun dalam katalog.",
        rationale: """
            Unit persyaratan tidak tercantum di kualifikasi mana pun, pada versi apa pun. Bisa jadi kodenya \
            salah ketik, atau unit itu berasal dari SKKNI yang belum dimuat ke katalog. Periksa kodenya; bila \
            benar, tambahkan keputusan yang menetapkannya ke `catalog/sources/`.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI PILIHAN
                1.\tN.78SPS01.004.2 Melakukan Pengemasan Unit- unit Kompetensi\tTidak ada
                ↓2.\tN.78SPS01.007.2 Melakukan Kaji Ulang Standar Kompetensi Kerja\tN.78SPS01.004.2 N.78SPS01.005.1
                """)
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI PILIHAN
                1.\tN.78SPS01.004.2 Melakukan Pengemasan Unit- unit Kompetensi\tTidak ada
                2.\tN.78SPS01.007.2 Melakukan Kaji Ulang Standar Kompetensi Kerja\tN.78SPS01.004.2
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for row in context.decreeRows {
            for p in row.unit.prerequisites where p.isValid {
                guard case .unknown = PrerequisiteAnalysis.status(of: p, in: row.qualification, context: context)
                else { continue }
                found.append(
                    finding(
                        "\(row.unit.code) mensyaratkan \(p), yang tidak ada di kualifikasi mana pun dalam katalog (\(CheckContext.describe(row.qualification, in: row.decree)))",
                        at: row.location, subject: p.raw,
                        severity: PrerequisiteAnalysis.severity(for: row.unit.role, default: Self.description.severity))
                )
            }
        }
        return found
    }
}

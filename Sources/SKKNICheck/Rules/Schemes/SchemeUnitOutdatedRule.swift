import SKKNICore

public struct SchemeUnitOutdatedRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK403", name: "scheme-unit-outdated", severity: .warning,
        summary: "Unit skema memakai versi yang lebih lama daripada versi terbaru di katalog.",
        rationale: """
            Skema sebaiknya memakai versi unit yang berlaku. Bila katalog memuat versi yang lebih baru, \
            perbarui kode unit di skema (dan periksa apakah judul atau persyaratannya ikut berubah).
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tN.78SPS02.075.1\tMenilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.075.2\tMenilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu\tTidak ada
                    """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tN.78SPS02.075.2\tMenilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.075.2\tMenilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu\tTidak ada
                    """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (s, scheme) in context.schemes.enumerated() {
            for (u, unit) in scheme.units.enumerated() {
                guard case .outdated(let latest) = context.resolutions[s][u] else {
                    continue
                }
                let places = context.rows(code: latest).map(\.location)
                found.append(
                    finding(
                        "skema \(scheme.occupation) memakai \(unit.code), padahal katalog memuat versi lebih baru \(latest)",
                        at: context.location(scheme, line: unit.line), subject: unit.code.raw,
                        related: places.prefix(3).map { RelatedLocation($0, "\(latest) tercantum di sini") }))
            }
        }
        return found
    }
}

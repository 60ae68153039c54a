import SKKNICore

public struct SchemeUnitOutdatedRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK403", name: "scheme-unit-outdated", severity: .warning,
        summary: "Unit skema memakai versi yang lebih lama daripada versi terbaru di katalog.",
        rationale: """
            Skema sebaiknya memakai versi unit yang berlaku. Bila katalog memuat versi yang lebih baru, \
            perbarui kode unit di skema (dan periksa apakah judul atau persyaratannya ikut berubah). Bila \
            keputusan itu sendiri mencantumkan versi lama dan versi baru, temuannya hanya catatan yang \
            menyebut kedua tempat: mungkin versi lama memang dimaksud.
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
                    """),
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tN.78SPS02.049.1\tMengelola Peserta Pelatihan Kerja
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.049.1\tMengelola Peserta Pelatihan Kerja\tTidak ada
                    KOMPETENSI PILIHAN
                    1.\tN.78SPS02.049.2\tMengelola Peserta Pelatihan Kerja\tTidak ada
                    """),
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
                let location = context.location(scheme, line: unit.line)
                switch context.resolutions[s][u] {
                case .outdated(let latest):
                    let places = context.rows(code: latest).map(\.location)
                    found.append(
                        finding(
                            "skema \(scheme.occupation) memakai \(unit.code), padahal katalog memuat versi lebih baru \(latest); tulis \(latest)",
                            at: location, subject: unit.code.raw,
                            related: places.prefix(3).map { RelatedLocation($0, "\(latest) tercantum di sini") }))
                case .exact:
                    // The decrees list this version and a newer one too: a note naming both places.
                    guard let latest = context.latestVersion(of: unit.code.identity),
                        latest.versionNumber > unit.code.versionNumber
                    else { continue }
                    let older = context.rows(code: unit.code).map(\.location)
                    let newer = context.rows(code: latest).map(\.location)
                    found.append(
                        finding(
                            "skema \(scheme.occupation) memakai \(unit.code); keputusan memuat versi itu dan juga versi lebih baru \(latest): periksa apakah \(latest) yang dimaksud",
                            at: location, subject: unit.code.raw,
                            related: newer.prefix(2).map { RelatedLocation($0, "\(latest) tercantum di sini") }
                                + older.prefix(2).map { RelatedLocation($0, "\(unit.code) tercantum di sini") },
                            severity: .note))
                default:
                    continue
                }
            }
        }
        return found
    }
}

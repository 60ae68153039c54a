import SKKNICore

public struct SchemeUnitUnknownRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK402", name: "scheme-unit-unknown", severity: .warning,
        summary: "Unit skema tidak ada di katalog.",
        rationale: """
            Setiap unit skema harus berasal dari SKKNI yang ditetapkan. Bila kodenya tidak ditemukan di \
            katalog, mungkin kodenya salah, atau katalog belum memuat keputusan asalnya. \
            Temuan ini hanya catatan bila skema mengutip keputusan yang belum ada di katalog (unit itu \
            kemungkinan berasal dari sana): tambahkan keputusan itu ke `catalog/sources/`. Versi yang tidak \
            ditetapkan keputusan mana pun (`.2` padahal hanya `.1` yang ada) juga dilaporkan, dengan \
            menyebut versi yang ada.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tN.78SPS02.999.1\tUnit yang Tidak Pernah Ditetapkan
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                    """),
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tN.78SPS02.011.2\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                    """),
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                    """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (s, scheme) in context.schemes.enumerated() {
            let missing = scheme.citations.filter { !context.decreeIDs.contains($0.decreeID) }
            for (u, unit) in scheme.units.enumerated() {
                var message: String
                var related: [RelatedLocation] = []
                switch context.resolutions[s][u] {
                case .unknown:
                    message = "unit \(unit.code) (\(unit.cleanTitle)) tidak ada di katalog"
                case .newerThanCatalog:
                    // A version no decree sets: name the versions that exist.
                    let versions = Set(context.rows(identity: unit.code.identity).map(\.unit.code)).sorted()
                    message =
                        "unit \(unit.code) (\(unit.cleanTitle)) tidak ada di katalog: versi \(unit.code.version) tidak ditetapkan; yang ada: \(versions.map(\.raw).joined(separator: ", ")); tulis \(versions.last!)"
                    related = versions.suffix(2).compactMap { code in
                        context.rows(code: code).first.map { RelatedLocation($0.location, "\(code) tercantum di sini") }
                    }
                default:
                    continue
                }
                var severity = Self.description.severity
                if !missing.isEmpty {
                    severity = .note
                    message +=
                        "; katalog belum memuat keputusan yang dikutip skema ini (KEPMEN \(missing.map(\.label).joined(separator: ", ")))"
                }
                found.append(
                    finding(
                        message, at: context.location(scheme, line: unit.line), subject: unit.code.raw,
                        related: related, severity: severity))
            }
        }
        return found
    }
}

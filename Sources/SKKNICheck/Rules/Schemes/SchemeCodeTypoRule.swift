import SKKNICore

/// A well-formed code the catalogue does not know, one character away from codes it does.
public struct SchemeCodeTypoRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK409", name: "scheme-code-typo", severity: .error,
        summary: "Kode unit skema tidak ada di katalog, tetapi kode yang berbeda satu karakter ada.",
        rationale: """
            Kode seperti `N.78SP02.035.1` sah bentuknya (singkatan bidang dua huruf), tetapi tidak ditetapkan \
            di keputusan mana pun, sedangkan `N.78SPS02.035.1` ada: satu huruf hilang saat diketik. Kode yang \
            salah membuat unit itu tidak dapat ditelusuri ke standarnya. Calon perbaikan diambil dari katalog: \
            kode yang berbeda satu karakter (huruf atau angka hilang, berlebih atau tertukar), yang judulnya \
            sama dengan judul baris skema lebih dahulu, lalu yang versinya sama.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI PENYELENGGARA PELATIHAN
                5.1. Jenis Kemasan : Okupasi
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tN.78SP02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                    """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI PENYELENGGARA PELATIHAN
                5.1. Jenis Kemasan : Okupasi
                NO\tKODE UNIT\tJUDUL UNIT
                1\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja
                2\tN.78SPS02.999.1\tUnit yang Tidak Pernah Ditetapkan
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
            for (u, unit) in scheme.units.enumerated() {
                guard case .mistyped(let candidates) = context.resolutions[s][u], let best = candidates.first else {
                    continue
                }
                let bestRows = context.rows(code: best)
                let sameTitle = bestRows.contains { TitleText.fold($0.unit.title) == TitleText.fold(unit.title) }
                var message =
                    "kode unit \(unit.code) tidak ada di katalog; mungkin maksudnya \(best) (berbeda satu karakter)"
                if sameTitle { message += ", yang berjudul sama" }
                if candidates.count > 1 {
                    message += "; kode lain yang mirip: \(candidates.dropFirst().map(\.raw).joined(separator: ", "))"
                }
                let related = bestRows.prefix(2).map {
                    RelatedLocation($0.location, "\(best) \"\($0.unit.cleanTitle)\" ditetapkan di sini")
                }
                found.append(
                    finding(
                        message, at: context.location(scheme, line: unit.line), subject: unit.code.raw,
                        related: Array(related)))
            }
        }
        return found
    }
}

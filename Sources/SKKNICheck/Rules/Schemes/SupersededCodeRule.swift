import SKKNICore

public struct SupersededCodeRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK404", name: "superseded-code", severity: .warning,
        summary: "Kode unit skema tidak dikenal, tetapi judulnya sama dengan unit katalog berkode lain.",
        rationale: """
            Saat SKKNI direvisi, unit sering pindah ke kode baru dengan judul yang sama (misalnya \
            `P.85ASM00.001.2` BNSP menjadi `M.74SPS03.088.2` di KEPMEN 3/2021). Kode lama di skema \
            kemungkinan sudah digantikan. Judul dicocokkan lewat kunci yang diseragamkan (tanpa \
            membandingkan semua pasangan), jadi pemeriksaan ini tetap cepat di katalog nasional.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI NASIONAL ASESOR KOMPETENSI
                5.1 Jenis Skema : Okupasi Nasional
                NO\tKODE UNIT\tJUDUL UNIT KOMPETENSI
                ↓1\tP.85ASM00.001.2\tMerencanakan Aktivitas dan Proses Asesmen
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 4 KELOMPOK ASESOR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tM.74SPS03.088.2 Merencanakan Aktivitas dan Proses Asesmen\tTidak ada
                    """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI NASIONAL ASESOR KOMPETENSI
                5.1 Jenis Skema : Okupasi Nasional
                NO\tKODE UNIT\tJUDUL UNIT KOMPETENSI
                1\tM.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 4 KELOMPOK ASESOR
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tM.74SPS03.088.2 Merencanakan Aktivitas dan Proses Asesmen\tTidak ada
                    """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (s, scheme) in context.schemes.enumerated() {
            for (u, unit) in scheme.units.enumerated() {
                guard case .superseded(let codes) = context.resolutions[s][u] else {
                    continue
                }
                let related = codes.flatMap { code in
                    context.rows(code: code).prefix(2).map {
                        RelatedLocation($0.location, "\(code) berjudul \"\($0.unit.cleanTitle)\"")
                    }
                }
                found.append(
                    finding(
                        "unit \(unit.code) \"\(unit.cleanTitle)\" tidak ada di katalog, tetapi judulnya sama dengan \(codes.map(\.raw).joined(separator: ", ")): kemungkinan kode lama yang sudah digantikan",
                        at: context.location(scheme, line: unit.line), subject: unit.code.raw, related: related))
            }
        }
        return found
    }
}

import SKKNICore

public struct SchemeTypeUnspecifiedRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK401", name: "scheme-type-unspecified", severity: .warning,
        summary: "Jenis kemasan skema tidak dipilih (teks templat `KKNI/Okupasi/Klaster` dibiarkan).",
        rationale: """
            Jenis kemasan menentukan aturan yang berlaku: skema KKNI harus mengikuti kemasan jenjang \
            kualifikasinya, skema okupasi mengacu ke jabatan, skema klaster bebas memilih unit. Bila templat \
            dibiarkan, pemeriksa tidak dapat tahu aturan mana yang berlaku. Pilih satu jenis.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI SUPERVISOR SALES TECHNICAL SUPPORT
                5. KEMASAN / PAKET KOMPETENSI
                ↓5.1. Jenis Kemasan : KKNI-/ Okupasi /Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tC.282210.007.01\tMengkomunikasikan Informasi
                """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI NASIONAL ASESOR KOMPETENSI
                5.1 Jenis Skema : Okupasi Nasional
                NO\tKODE UNIT\tJUDUL UNIT KOMPETENSI
                1\tM.74SPS03.090.1\tMelaksanakan Asesmen
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.schemes.filter { $0.packagingType == .unspecified }.map { scheme in
            var message = "jenis kemasan skema \(scheme.occupation) tidak dipilih"
            if let text = scheme.packagingTypeText {
                message += " (tertulis \"\(text)\")"
            } else {
                message += " (baris 'Jenis Kemasan' tidak ditemukan)"
            }
            let title = scheme.title.uppercased()
            for (word, type) in [("OKUPASI", "Okupasi"), ("KLASTER", "Klaster"), ("KKNI", "KKNI")]
            where title.contains(word) {
                message += "; judulnya menyebut \(type)"
                break
            }
            return finding(
                message, at: context.location(scheme, line: scheme.packagingTypeLine ?? scheme.line), subject: scheme.id
            )
        }
    }
}

import SKKNICore

public struct RevokedDecreeRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK405", name: "revoked-decree", severity: .error,
        summary: "Skema mengutip keputusan yang sudah dicabut oleh keputusan di katalog.",
        rationale: """
            Keputusan yang dicabut tidak berlaku lagi; unit dan kemasan yang diambil darinya harus dialihkan \
            ke keputusan penggantinya. Ganti acuan normatif skema dan periksa ulang unitnya.
            """,
        triggeringExamples: [
            Example(
                documents: [
                    ExampleDocument(
                        kind: .decree,
                        text: Example.decreeText(
                            """
                            A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                            DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                            KOMPETENSI INTI
                            1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                            """,
                            extra:
                                "KELIMA : Keputusan Menteri Ketenagakerjaan Nomor 233 Tahun 2016 tentang Penetapan Jenjang KKNI Bidang Pelatihan, dicabut dan dinyatakan tidak berlaku.\n"
                        ), isDraft: false),
                    ExampleDocument(
                        kind: .scheme,
                        text: """
                            SKEMA SERTIFIKASI KLASTER CONTOH
                            4. ACUAN NORMATIF
                            ↓- 4.1. Keputusan Menteri Ketenagakerjaan Nomor 233 Tahun 2016 tentang Penetapan Jenjang KKNI Bidang Pelatihan.
                            5. KEMASAN
                            5.1. Jenis Kemasan : Klaster
                            NO\tKODE UNIT\tJUDUL UNIT
                            1\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja
                            """, isDraft: true),
                ], file: #filePath, line: #line)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                4. ACUAN NORMATIF
                - 4.1. Keputusan Menteri Ketenagakerjaan Nomor 1 Tahun 2024 tentang Penetapan Jenjang KKNI Bidang Contoh.
                5. KEMASAN
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
        for scheme in context.schemes {
            for citation in scheme.citations {
                guard let (decree, reference) = context.revokedBy[citation.decreeID] else { continue }
                found.append(
                    finding(
                        "skema \(scheme.occupation) mengutip KEPMEN \(citation.label), yang dicabut oleh \(decree.label)",
                        at: context.location(scheme, line: citation.line), subject: scheme.id,
                        related: [
                            RelatedLocation(
                                SourceLocation(file: decree.source, line: reference.line),
                                "pencabutan KEPMEN \(citation.label)")
                        ]))
            }
        }
        return found
    }
}

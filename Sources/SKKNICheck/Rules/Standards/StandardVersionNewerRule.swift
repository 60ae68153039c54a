import SKKNICore

/// A qualification or scheme row at a version older than the one an SKKNI decree defines.
public struct StandardVersionNewerRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK506", name: "standard-version-newer", severity: .warning,
        summary:
            "Baris kualifikasi atau skema memakai versi unit yang lebih lama daripada versi yang diuraikan keputusan SKKNI.",
        rationale: """
            Bagian kode sebelum titik terakhir mengenali unit, bagian terakhir versinya. Bila keputusan SKKNI di \
            katalog menguraikan unit itu dengan versi lebih baru, baris yang memakai versi lama mengacu ke \
            elemen dan kriteria unjuk kerja yang sudah diganti. Periksa apakah versi lama memang dimaksud; bila \
            tidak, pakai kode versi baru.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER TEKNISI JARINGAN
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tJ.611000.015.01\tMemonitor Keamanan Jaringan
                2\tJ.611000.016.02\tMengatasi Serangan pada Jaringan
                """,
                standard: """
                    C. Uraian Unit Kompetensi
                    KODE UNIT       : J.611000.015.02
                    JUDUL UNIT      : Memonitor Keamanan Jaringan
                    KODE UNIT       : J.611000.016.02
                    JUDUL UNIT      : Mengatasi Serangan pada Jaringan
                    """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER TEKNISI JARINGAN
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tJ.611000.015.02\tMemonitor Keamanan Jaringan
                2\tJ.611000.017.01\tMengidentifikasi Sumber Kerusakan
                """,
                standard: """
                    C. Uraian Unit Kompetensi
                    KODE UNIT       : J.611000.015.02
                    JUDUL UNIT      : Memonitor Keamanan Jaringan
                    """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let index = context.standardDefinitions
        guard !index.isEmpty else { return [] }
        var found: [Diagnostic] = []
        StandardDefinitionIndex.forEachRow(context) { row in
            guard row.code.isValid else { return }
            guard let entry = index.latestByIdentity[row.code.identity],
                entry.definition.code.versionNumber > row.code.versionNumber
            else { return }
            found.append(
                finding(
                    "\(row.code) di \(row.container) memakai versi .\(row.code.version), sedangkan \(entry.standard.label) menguraikan \(entry.definition.code)",
                    at: row.location, subject: row.code.raw,
                    related: [
                        RelatedLocation(entry.location, "versi \(entry.definition.code.version) diuraikan di sini")
                    ]))
        }
        return found
    }
}

import SKKNICore

/// A qualification or scheme row whose title is not the title its SKKNI decree defines the
/// unit under.
public struct StandardTitleDiffersRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK505", name: "standard-title-differs", severity: .warning,
        summary:
            "Baris kualifikasi atau skema menulis judul unit yang berbeda dengan judul uraiannya di keputusan SKKNI.",
        rationale: """
            Keputusan SKKNI menetapkan judul setiap unit di blok uraiannya (`JUDUL UNIT :`). Skema dan \
            kualifikasi yang menulis judul lain untuk kode yang sama membuat asesi dan asesor ragu unit mana \
            yang diujikan, dan sering menandakan kode yang salah ketik. Perbedaan huruf besar-kecil, spasi dan \
            tanda baca tidak dihitung. Salin judul dari uraian, atau perbaiki kodenya.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER ANALIS DATA
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tJ.62DMI00.001.1\tMenentukan objektif bisnis
                ↓2\tJ.62DMI00.004.1\tMengolah Data
                """,
                standard: """
                    C. Uraian Unit Kompetensi
                    KODE UNIT       : J.62DMI00.001.1
                    JUDUL UNIT      : Menentukan Objektif Bisnis
                    KODE UNIT       : J.62DMI00.004.1
                    JUDUL UNIT      : Mengumpulkan Data
                    """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER ANALIS DATA
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tJ.62DMI00.001.1\tMenentukan objektif bisnis
                2\tJ.62DMI00.004.1\tMengumpulkan  Data
                """,
                standard: """
                    C. Uraian Unit Kompetensi
                    KODE UNIT       : J.62DMI00.001.1
                    JUDUL UNIT      : Menentukan Objektif Bisnis
                    KODE UNIT       : J.62DMI00.004.1
                    JUDUL UNIT      : Mengumpulkan Data
                    """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let index = context.standardDefinitions
        guard !index.isEmpty else { return [] }
        var found: [Diagnostic] = []
        StandardDefinitionIndex.forEachRow(context) { row in
            // Most rows copy the definition's title exactly: no key needed.
            guard let entry = index.byCode[row.code.raw], row.title != entry.definition.title,
                StandardPairing.titleKey(row.title) != StandardPairing.titleKey(entry.definition.title)
            else { return }
            found.append(
                finding(
                    "\(row.code) berjudul '\(row.title)' di \(row.container), tetapi \(entry.standard.label) menguraikannya sebagai '\(entry.definition.title)'",
                    at: row.location, subject: row.code.raw,
                    related: [RelatedLocation(entry.location, "diuraikan di sini")]))
        }
        return found
    }
}

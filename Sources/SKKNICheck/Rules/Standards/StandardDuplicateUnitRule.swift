import SKKNICore

/// A code listed twice in one SKKNI decree's `Daftar Unit Kompetensi`, or defined twice in
/// its `Uraian Unit Kompetensi`.
public struct StandardDuplicateUnitRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK504", name: "standard-duplicate-unit", severity: .error,
        summary:
            "Kode unit yang sama tercantum dua kali di Daftar Unit Kompetensi satu keputusan SKKNI, atau diuraikan dua kali.",
        rationale: """
            Satu keputusan SKKNI menetapkan setiap unit sekali. Kode yang muncul dua kali di daftar (bukan daftar \
            yang dicetak ulang utuh, yang dibaca sebagai satu daftar) biasanya salah ketik kode unit lain; dua \
            blok uraian dengan kode yang sama membuat elemen dan kriteria unjuk kerja unit itu tidak jelas.
            """,
        triggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.63OPR00.001.2    Menggunakan Perangkat Komputer
                2.    J.63OPR00.002.2    Menggunakan Sistem Operasi
                ↓3.    J.63OPR00.002.2    Menggunakan Peralatan Peripheral
                """)
        ],
        nonTriggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.63OPR00.001.2    Menggunakan Perangkat Komputer
                2.    J.63OPR00.002.2    Menggunakan Sistem Operasi
                3.    J.63OPR00.003.2    Menggunakan Peralatan Peripheral
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for standard in context.checkedStandards {
            func location(_ line: Int) -> SourceLocation { SourceLocation(file: standard.source, line: line) }
            for (first, again) in DuplicateUnitRule.repeats(standard.listedUnits, by: \.code.raw) {
                found.append(
                    finding(
                        "\(again.code) tercantum dua kali di Daftar Unit Kompetensi \(standard.label)",
                        at: location(again.line), subject: again.code.raw,
                        related: [
                            RelatedLocation(location(first.line), "pertama kali tercantum di sini: \(first.title)")
                        ]))
            }
            for (first, again) in DuplicateUnitRule.repeats(standard.definitions, by: \.code.raw) {
                found.append(
                    finding(
                        "\(again.code) diuraikan dua kali di \(standard.label)", at: location(again.line),
                        subject: again.code.raw,
                        related: [
                            RelatedLocation(location(first.line), "pertama kali diuraikan di sini: \(first.title)")
                        ]))
            }
        }
        return found
    }
}

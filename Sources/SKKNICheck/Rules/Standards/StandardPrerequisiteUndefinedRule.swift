import SKKNICore

/// A prerequisite named in an SKKNI decree's Uraian that the decree does not define, or
/// defines at another version.
public struct StandardPrerequisiteUndefinedRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK507", name: "standard-prerequisite-undefined", severity: .warning,
        summary:
            "Persyaratan kompetensi di uraian unit keputusan SKKNI menyebut unit yang tidak ditetapkan keputusan itu (atau versi lain darinya).",
        rationale: """
            `PANDUAN PENILAIAN` menyebut unit yang harus dikuasai lebih dahulu. Unit itu harus dapat ditemukan: \
            ditetapkan keputusan yang sama pada versi yang disebut, atau keputusan lain di katalog. Versi yang \
            berbeda dengan daftar keputusan yang sama, atau kode yang tidak ditetapkan di mana pun dalam katalog, \
            membuat persyaratan itu tidak dapat dipenuhi apa adanya. Persyaratan yang ditetapkan keputusan SKKNI \
            atau KKNI lain di katalog tidak dilaporkan.
            """,
        triggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.611000.007.02    Memasang Kabel Jaringan
                2.    J.611000.016.02    Memasang Jaringan Nirkabel
                C. Uraian Unit Kompetensi
                KODE UNIT       : J.611000.007.02
                JUDUL UNIT      : Memasang Kabel Jaringan
                KODE UNIT       : J.611000.016.02
                JUDUL UNIT      : Memasang Jaringan Nirkabel
                PANDUAN PENILAIAN
                2.   Persyaratan kompetensi
                ↓     2.1 J.611000.007.01: Memasang Kabel Jaringan
                """)
        ],
        nonTriggeringExamples: [
            .standard(
                """
                B. Daftar Unit Kompetensi
                NO    KODE UNIT          JUDUL UNIT KOMPETENSI
                1.    J.611000.007.02    Memasang Kabel Jaringan
                2.    J.611000.016.02    Memasang Jaringan Nirkabel
                C. Uraian Unit Kompetensi
                KODE UNIT       : J.611000.007.02
                JUDUL UNIT      : Memasang Kabel Jaringan
                KODE UNIT       : J.611000.016.02
                JUDUL UNIT      : Memasang Jaringan Nirkabel
                PANDUAN PENILAIAN
                2.   Persyaratan kompetensi
                     2.1 J.611000.007.02: Memasang Kabel Jaringan
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for standard in context.checkedStandards {
            var own: [String: UnitCode] = [:]  // identity -> a code this decree lists or defines
            var ownCodes = Set<String>()
            for code in standard.listedUnits.map(\.code) + standard.definitions.map(\.code) where code.isValid {
                ownCodes.insert(code.raw)
                own[code.identity] = own[code.identity] ?? code
            }
            for definition in standard.definitions {
                for prerequisite in definition.prerequisites where prerequisite.code.isValid {
                    let code = prerequisite.code
                    guard !ownCodes.contains(code.raw) else { continue }
                    let location = SourceLocation(file: standard.source, line: prerequisite.line)
                    if let other = own[code.identity] {
                        found.append(
                            finding(
                                "\(definition.code) mensyaratkan \(code), tetapi \(standard.label) menetapkan unit itu sebagai \(other); tulis \(other) atau jelaskan versi yang dimaksud",
                                at: location, subject: code.raw))
                    } else if !context.standardCodes.contains(code.raw), !context.hasRows(code: code) {
                        found.append(
                            finding(
                                "\(definition.code) mensyaratkan \(code), yang tidak ditetapkan \(standard.label) maupun keputusan lain di katalog",
                                at: location, subject: code.raw))
                    }
                }
            }
        }
        return found
    }
}

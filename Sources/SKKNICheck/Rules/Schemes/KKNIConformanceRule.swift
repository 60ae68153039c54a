import SKKNICore

public struct KKNIConformanceRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    static let catalog = """
        A. JENJANG KUALIFIKASI 4 KELOMPOK ASESOR
        6. Aturan Pengemasan
        3 (tiga) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:
        - a. 2 (dua) unit kompetensi inti
        - b. 1 (satu) unit kompetensi pilihan
        DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
        KOMPETENSI INTI
        1.\tM.74SPS03.088.2 Merencanakan Aktivitas dan Proses Asesmen\tTidak ada
        2.\tM.74SPS03.090.1 Melaksanakan Asesmen\tTidak ada
        KOMPETENSI PILIHAN
        1.\tM.74SPS03.089.1\tMengembangkan Perangkat Asesmen\tTidak ada
        2.\tM.74SPS03.095.1\tMemberikan Kontribusi Dalam Validasi Asesmen\tTidak ada
        """

    public static let description = RuleDescription(
        identifier: "SKK406", name: "kkni-conformance", severity: .error,
        summary: "Skema KKNI tidak memenuhi kemasan jenjang kualifikasi yang disebutnya.",
        rationale: """
            Skema berjenis KKNI yang menyebut jenjang (level) dan kelompok harus memuat semua unit inti \
            kualifikasi itu, cukup unit pilihan dari daftar pilihannya, dan tidak memuat unit di luar \
            kemasan. Persyaratan unit yang dimuat diperiksa oleh SKK407 (scheme-prerequisite-missing).
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KKNI LEVEL 4 ASESOR
                5.1. Jenis Kemasan : KKNI
                5.2. Nama Skema : Asesor Jenjang 4
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tM.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen
                """, catalog: catalog)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KKNI LEVEL 4 ASESOR
                5.1. Jenis Kemasan : KKNI
                5.2. Nama Skema : Asesor Jenjang 4
                NO\tKODE UNIT\tJUDUL UNIT
                1\tM.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen
                2\tM.74SPS03.090.1\tMelaksanakan Asesmen
                3\tM.74SPS03.095.1\tMemberikan Kontribusi Dalam Validasi Asesmen
                """, catalog: catalog)
        ])

    /// The qualification a KKNI scheme names by level and group, newest decree first.
    static func qualification(for scheme: Scheme, in context: CheckContext) -> (Decree, Qualification)? {
        guard let level = scheme.level else { return nil }
        let text = (scheme.title + " " + (scheme.name ?? "")).lowercased()
        let candidates = context.catalog.qualifications.filter { pair in
            pair.qualification.level == level && text.contains(pair.qualification.group.lowercased())
        }
        // An enacted decree before a draft; then the newest.
        func order(_ d: Decree) -> (Int, Int, Int) { (d.isDraft ? 0 : 1, d.year, d.number ?? 0) }
        return candidates.max { order($0.decree) < order($1.decree) }
            .map { ($0.decree, $0.qualification) }
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (s, scheme) in context.schemes.enumerated() where scheme.packagingType == .kkni {
            let at = context.location(scheme, line: scheme.packagingTypeLine ?? scheme.line)
            guard scheme.level != nil else {
                found.append(
                    finding(
                        "skema KKNI \(scheme.occupation) tidak menyebut jenjang (level)", at: at, subject: scheme.id,
                        severity: .warning))
                continue
            }
            guard let (decree, q) = Self.qualification(for: scheme, in: context) else {
                found.append(
                    finding(
                        "skema KKNI \(scheme.occupation) menyebut jenjang \(scheme.level!), tetapi tidak ada kualifikasi jenjang itu dengan kelompok yang disebut judulnya di katalog",
                        at: at, subject: scheme.id, severity: .note))
                continue
            }
            let who = CheckContext.describe(q, in: decree)
            // What the unit table lacks is reported at the table (its first row), where it is
            // fixed; the packaging type line is related.
            let table = scheme.units.first.map { context.location(scheme, line: $0.line) } ?? at
            let declared = RelatedLocation(at, "jenis kemasan KKNI dinyatakan di sini")
            let catalogCodes = context.catalogCodes(ofScheme: s)
            let codes = Set(catalogCodes.compactMap { $0 })
            let identities = Set(scheme.units.map(\.code.identity))
            for unit in q.units(.inti) where !codes.contains(unit.code) {
                let detail = identities.contains(unit.code.identity) ? " (skema memuat versi lain)" : ""
                found.append(
                    finding(
                        "skema KKNI \(scheme.occupation) tidak memuat unit inti \(unit.code) \(unit.cleanTitle) dari \(who)\(detail)",
                        at: table, subject: unit.code.raw,
                        related: [
                            declared,
                            RelatedLocation(
                                SourceLocation(file: decree.source, line: unit.line), "unit inti \(q.letter)"),
                        ]))
            }
            let intiCodes = Set(q.units(.inti).map(\.code))
            let pilihanCodes = Set(q.units(.pilihan).map(\.code)).subtracting(intiCodes)
            let chosen = codes.intersection(pilihanCodes).count
            if let needed = q.packaging?.pilihan, chosen < needed {
                found.append(
                    finding(
                        "skema KKNI \(scheme.occupation) memuat \(chosen) unit pilihan dari \(who), padahal aturan pengemasan meminta \(needed)",
                        at: table, subject: scheme.id, related: [declared]))
            }
            let packaged = intiCodes.union(pilihanCodes)
            for (unit, catalogCode) in zip(scheme.units, catalogCodes) {
                guard
                    let code = catalogCode ?? (unit.code.isValid ? unit.code : nil),
                    !packaged.contains(code)
                else { continue }
                found.append(
                    finding(
                        "unit \(unit.code) tidak termasuk kemasan \(who)",
                        at: context.location(scheme, line: unit.line),
                        subject: unit.code.raw, severity: .warning))
            }
        }
        return found
    }
}

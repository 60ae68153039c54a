import SKKNICore

/// Every checker rule, in identifier order. Adding a rule is adding its file and one line here.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        DuplicateUnitRule.self,
        VersionMismatchRule.self,
        TitleDriftRule.self,
        MalformedCodeRule.self,
        PrerequisiteNotPackagedRule.self,
        PrerequisiteOtherVersionRule.self,
        PrerequisiteUnknownRule.self,
        PrerequisiteCycleRule.self,
        PackagingCountRule.self,
        SchemeTypeUnspecifiedRule.self,
        SchemeUnitUnknownRule.self,
        SchemeUnitOutdatedRule.self,
        SupersededCodeRule.self,
        SchemeCodeTypoRule.self,
        RevokedDecreeRule.self,
        KKNIConformanceRule.self,
        SchemePrerequisiteMissingRule.self,
        OccupationMatchRule.self,
        StandardListMismatchRule.self,
        StandardUnitUndefinedRule.self,
        StandardMalformedCodeRule.self,
        StandardDuplicateUnitRule.self,
        StandardTitleDiffersRule.self,
        StandardVersionNewerRule.self,
    ]

    public static var descriptions: [RuleDescription] { rules.map { $0.description } }

    /// Every rule a finding can carry: checker rules, importer issues and the baseline's own,
    /// sorted by identifier. Listings, SARIF metadata and the site's rule pages use this one list.
    public static var allRules: [RuleInfo] {
        let checker = descriptions.map {
            RuleInfo(
                identifier: $0.identifier, name: $0.name, severity: $0.severity, summary: $0.summary,
                rationale: $0.rationale)
        }
        return (checker + ImportIssue.all.map(\.info) + [Baseline.staleRule]).sorted { $0.identifier < $1.identifier }
    }

    public static func rule(named nameOrIdentifier: String) -> (any Rule.Type)? {
        rules.first { $0.description.identifier == nameOrIdentifier || $0.description.name == nameOrIdentifier }
    }
}

/// Runs rules over a catalogue and returns their findings, sorted.
public enum Checker {
    public static func run(
        catalog: Catalog, drafts: [Scheme] = [], rules: [any Rule.Type] = RuleRegistry.rules
    ) -> [Diagnostic] {
        timed(catalog: catalog, drafts: drafts, rules: rules).diagnostics
    }

    /// `run`, with the time spent building the shared indexes and in each rule (for
    /// `check --benchmark`, as SwiftLint's).
    public static func timed(
        catalog: Catalog, drafts: [Scheme] = [], rules: [any Rule.Type] = RuleRegistry.rules
    ) -> (diagnostics: [Diagnostic], steps: [(name: String, time: Duration)]) {
        let clock = ContinuousClock()
        let start = clock.now
        let context = CheckContext(catalog: catalog, drafts: drafts)
        let indexed = clock.now - start
        let perRule = ConcurrentMap.map(rules.map { RuleBox(type: $0) }) { box in
            let began = clock.now
            let found = box.type.init().check(context)
            return (box.type.description.identifier, found, clock.now - began)
        }
        let sortStart = clock.now
        let diagnostics = perRule.flatMap { $0.1 }.sorted(by: Diagnostic.ordered)
        let steps = [("indeks", indexed)] + perRule.map { ($0.0, $0.2) } + [("urut", clock.now - sortStart)]
        return (diagnostics, steps)
    }
}

struct RuleBox: @unchecked Sendable {
    let type: any Rule.Type
}

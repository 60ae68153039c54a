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
        StandardPrerequisiteUndefinedRule.self,
    ]

    public static var descriptions: [RuleDescription] { rules.map { $0.description } }

    /// Every rule a finding can carry: checker rules, importer issues and the baseline's own,
    /// sorted by identifier. Listings, SARIF metadata and the site's rule pages use this one list.
    public static var allRules: [RuleInfo] {
        let checker = descriptions.map {
            var info = RuleInfo(
                identifier: $0.identifier, name: $0.name, severity: $0.severity, summary: $0.summary,
                rationale: $0.rationale)
            info.triggeringExamples = $0.triggeringExamples.flatMap(\.documents).map(RuleDocumentation.exampleBody)
            info.nonTriggeringExamples = $0.nonTriggeringExamples.flatMap(\.documents).map(
                RuleDocumentation.exampleBody)
            return info
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
    ///
    /// The catalogue is checked on its own, so drafts never add, remove or change a finding
    /// about it. Each draft is then checked alone against the catalogue, and only the
    /// findings located in the draft are kept: a draft's finding is about the draft.
    public static func timed(
        catalog: Catalog, drafts: [Scheme] = [], rules: [any Rule.Type] = RuleRegistry.rules
    ) -> (diagnostics: [Diagnostic], steps: [(name: String, time: Duration)]) {
        let clock = ContinuousClock()
        let start = clock.now
        let context = CheckContext(catalog: catalog)
        let indexed = clock.now - start
        var perRule = ConcurrentMap.map(rules.map { RuleBox(type: $0) }) { box in
            let began = clock.now
            let found = box.type.init().check(context)
            return (box.type.description.identifier, found, clock.now - began)
        }
        var steps = [("indeks", indexed)]
        if !drafts.isEmpty {
            let draftStart = clock.now
            let draftFindings = drafts.flatMap {
                check(draft: $0, catalog: catalog, index: context.decreeIndex, rules: rules)
            }
            perRule.append(("draf", draftFindings, clock.now - draftStart))
        }
        let sortStart = clock.now
        let diagnostics = perRule.flatMap { $0.1 }.sorted(by: Diagnostic.ordered)
        steps += perRule.map { ($0.0, $0.2) } + [("urut", clock.now - sortStart)]
        return (diagnostics, steps)
    }

    /// The findings about one draft: checked against the decrees and the catalogue schemes
    /// that share a unit code with it, as `IncrementalCheck` rechecks a changed scheme; only
    /// the findings located in the draft itself are kept.
    static func check(draft: Scheme, catalog: Catalog, index: DecreeIndex, rules: [any Rule.Type]) -> [Diagnostic] {
        let codes = Set(draft.units.map(\.code.raw))
        let relevant = catalog.schemes.filter { scheme in
            scheme.source != draft.source && scheme.units.contains { codes.contains($0.code.raw) }
        }
        let context = CheckContext(
            catalog: Catalog(decrees: catalog.decrees, schemes: relevant, standards: catalog.standards),
            drafts: [draft],
            decreeIndex: index,
            focus: .schemes(codes: codes))
        let found = ConcurrentMap.map(rules.filter { $0.scope != .decrees }.map { RuleBox(type: $0) }) { box in
            box.type.init().check(context).filter { $0.location.file == draft.source }
        }
        return found.flatMap { $0 }
    }
}

struct RuleBox: @unchecked Sendable {
    let type: any Rule.Type
}

import SKKNICore
import SKKNITemplates

/// `aturan/<identifier>.html`.
enum RulePage: PageKind {
    static let identifier = "rule"
    static let description = """
        A rule: its summary, rationale and examples, and every finding it gave.
        """
    static let reads: Set<SiteRead> = [.decrees, .unitIdentities, .ruleFindings]

    static func pages(_ site: PageFactory) -> [PageKey] { site.input.rules.indices.map(PageKey.index) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.rule(site.input.rules[key.index]) }

    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects {
        PageSubjects(rule: site.input.rules[key.index].identifier)
    }
}

extension PageFactory {
    func rule(_ r: RuleInfo) -> Page {
        let context: TemplateObject = [
            "identifier": .text(r.identifier), "name": .text(r.name), "severity": .text(r.severity.label),
            "summary": .text(r.summary), "rationale": .text(r.rationale),
            "triggering": .texts(r.triggeringExamples), "nonTriggering": .texts(r.nonTriggeringExamples),
            "hasExamples": .flag(!r.triggeringExamples.isEmpty || !r.nonTriggeringExamples.isEmpty),
            "findings": .list(input.diagnostics.filter { $0.rule == r.identifier }.map { findingContext($0) }),
        ]
        return Page(
            path: SitePaths.rule(r.identifier), template: "rule", title: "\(r.identifier) \(r.name)", context: context)
    }
}

import SKKNICore
import SKKNITemplates

/// `aturan/index.html`.
enum RulesIndexPage: PageKind {
    static let identifier = "rules-index"
    static let description = """
        Every rule with its severity, summary and number of findings.
        """
    static let reads: Set<SiteRead> = [.findingCounts]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.rulesIndex() }
}

extension PageFactory {
    func rulesIndex() -> Page {
        let counts = Dictionary(grouping: input.diagnostics, by: \.rule).mapValues(\.count)
        let context: TemplateObject = [
            "rules": .list(
                input.rules.map {
                    [
                        "identifier": .text($0.identifier), "name": .text($0.name),
                        "severity": .text($0.severity.label),
                        "summary": .text($0.summary), "href": .text(SitePaths.rule($0.identifier)),
                        "count": .number(counts[$0.identifier] ?? 0),
                    ]
                })
        ]
        return Page(path: "aturan/index.html", template: "rules", title: "Aturan pemeriksa", context: context)
    }
}

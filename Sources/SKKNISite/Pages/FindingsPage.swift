import SKKNICore
import SKKNITemplates

/// `temuan.html`: every finding, filterable by rule, severity, document and status (new or
/// accepted by the baseline), the filters kept in the URL; and the home page's counts, new
/// and accepted apart as `skkni check` counts them.
enum FindingsPage: PageKind {
    static let identifier = "findings"
    static let description = """
        Every finding, with filters by rule, severity, document and status kept in the URL.
        """
    static let reads: Set<SiteRead> = [.decrees, .unitIdentities, .findings]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.findingsPage() }
}

extension PageFactory {
    func findingsPage() -> Page {
        let files = Array(Set(input.diagnostics.map(\.location.file))).sorted()
        var perRule: [String: Int] = [:]
        for d in input.diagnostics { perRule[d.rule, default: 0] += 1 }
        let accepted = input.diagnostics.count { $0.suppressed }
        let context: TemplateObject = [
            "findings": findingList(input.diagnostics),
            // Only the rules that have findings: a filter that can only empty the list is noise.
            "rules": .list(
                input.rules.filter { perRule[$0.identifier] != nil }.map {
                    [
                        "identifier": .text($0.identifier), "summary": .text($0.summary),
                        "count": .number(perRule[$0.identifier]!),
                    ]
                }),
            "files": .list(files.map { ["file": .text($0), "short": .text(Self.fileName($0))] }),
            "count": .number(input.diagnostics.count), "newCount": .number(input.diagnostics.count - accepted),
            "acceptedCount": .number(accepted),
        ]
        return Page(path: "temuan.html", template: "findings", title: "Temuan", context: context)
    }

    /// Findings in order, a source line shown once per run of findings about the same line
    /// (a qualification's SKK201 findings often quote one table row several times).
    func findingList(_ list: [Diagnostic]) -> TemplateValue {
        var previous: SourceLocation?
        return .list(
            list.map { d in
                let repeated = previous.map { $0.file == d.location.file && $0.line == d.location.line } ?? false
                previous = d.location
                return findingContext(d, showingLine: !repeated)
            })
    }

    /// The last path component: what a narrow filter shows of a document's path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Counts for the home page: new findings by severity, accepted ones, and the bar chart of
    /// findings by rule (widths in percent of the largest rule's count).
    func findingCounts() -> TemplateObject {
        var bySeverity: [String: Int] = [:]
        var accepted = 0
        for d in input.diagnostics {
            if d.suppressed { accepted += 1 } else { bySeverity[d.severity.rawValue, default: 0] += 1 }
        }
        return [
            "newCount": .number(input.diagnostics.count - accepted), "acceptedCount": .number(accepted),
            "newErrors": .number(bySeverity["error"] ?? 0), "newWarnings": .number(bySeverity["warning"] ?? 0),
            "newNotes": .number(bySeverity["note"] ?? 0),
        ]
    }

    /// A rule's Indonesian summary by identifier (the site's label for it; the kebab-case name
    /// stays as the identifier).
    func ruleSummary(_ identifier: String) -> String {
        Self.siteWording(input.rules.first { $0.identifier == identifier }?.summary ?? identifier)
    }

    /// The checker's "not in the catalogue" means "set by no decree": a unit only a scheme uses
    /// still has a page of its own here, which must not call it missing.
    static func siteWording(_ text: String) -> String {
        text.replacingOccurrences(of: "tidak ada di katalog", with: "tidak ditetapkan oleh keputusan dalam katalog")
    }
}

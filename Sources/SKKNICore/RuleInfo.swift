/// Kept in the core so that the site, which depends only on the core, can show rules.
/// What any rule (checker, importer or baseline) says about itself, for listings, SARIF and the site.
public struct RuleInfo: Sendable {
    public var identifier: String
    public var name: String
    public var severity: Severity
    public var summary: String
    public var rationale: String
    /// Document text that triggers the rule and text that does not (a `↓` marks the line a
    /// finding points at), for the rule's page.
    public var triggeringExamples: [String] = []
    public var nonTriggeringExamples: [String] = []

    public init(identifier: String, name: String, severity: Severity, summary: String, rationale: String) {
        self.identifier = identifier
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
    }
}

extension ImportIssue {
    public var info: RuleInfo {
        RuleInfo(identifier: identifier, name: name, severity: severity, summary: summary, rationale: summary)
    }
}

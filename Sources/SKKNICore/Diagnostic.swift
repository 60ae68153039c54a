public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
    case error
    case warning
    case note

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The word users read (Bahasa Indonesia).
    public var label: String {
        switch self {
        case .error: "galat"
        case .warning: "peringatan"
        case .note: "catatan"
        }
    }
}

/// Another place a finding concerns, shown below it as a compiler shows `note:` lines.
public struct RelatedLocation: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// A finding of the importer or the checker, always at a source line.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var rule: String
    public var name: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// The unit code, qualification or scheme the finding is about.
    public var subject: String
    public var related: [RelatedLocation]
    public var suppressed: Bool
    /// Why the baseline accepts this finding (its entry's `reason`), when it does.
    public var reason: String?

    public init(
        rule: String, name: String, severity: Severity, message: String, location: SourceLocation,
        subject: String, related: [RelatedLocation] = [], suppressed: Bool = false
    ) {
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.related = related
        self.suppressed = suppressed
    }

    /// What identifies the finding apart from its place: the message without the counts
    /// (`"…" (3×)`) that other documents change. Baseline entries and SARIF fingerprints match on it.
    public var identity: String { Diagnostic.identity(of: message) }

    /// `message` without ` (N×)` counts.
    public static func identity(of message: String) -> String {
        guard message.contains("×)") else { return message }
        var result = ""
        var rest = Substring(message)
        while let open = rest.range(of: " (") {
            let after = rest[open.upperBound...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, after.dropFirst(digits.count).hasPrefix("×)") {
                result += rest[..<open.lowerBound]
                rest = after.dropFirst(digits.count + 2)
            } else {
                result += rest[..<open.upperBound]
                rest = after
            }
        }
        return result + rest
    }

    /// Sorted by place, then rule, subject and message, so output is deterministic.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.subject != b.subject { return a.subject < b.subject }
        return a.message < b.message
    }
}

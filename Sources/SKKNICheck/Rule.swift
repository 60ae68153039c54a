import SKKNICore

/// A document in a rule example: the text of a decree or a scheme in the seeds' format.
/// A `↓` at the start of a line marks where a triggering example must be reported.
public struct ExampleDocument: Sendable {
    public enum Kind: Sendable { case decree, scheme }
    public var kind: Kind
    public var text: String
    /// True for a draft checked against the catalogue rather than part of it.
    public var isDraft: Bool
}

/// One example of a rule: documents that must (or must not) trigger it.
public struct Example: Sendable {
    public var documents: [ExampleDocument]
    public var file: String
    public var line: UInt

    /// A decree; `qualifications` is its attachment from the first `A. JENJANG …` heading
    /// on: a standard header is put before it.
    public static func decree(_ qualifications: String, file: String = #filePath, line: UInt = #line) -> Example {
        Example(
            documents: [ExampleDocument(kind: .decree, text: decreeText(qualifications), isDraft: false)], file: file,
            line: line)
    }

    /// A scheme checked as a draft against a catalogue made of `catalog` (decree attachment text).
    public static func scheme(
        _ scheme: String, catalog: String? = nil, file: String = #filePath, line: UInt = #line
    ) -> Example {
        var documents: [ExampleDocument] = []
        if let catalog { documents.append(ExampleDocument(kind: .decree, text: decreeText(catalog), isDraft: false)) }
        documents.append(ExampleDocument(kind: .scheme, text: scheme, isDraft: true))
        return Example(documents: documents, file: file, line: line)
    }

    /// The header lines every example decree starts with.
    public static func decreeText(_ attachment: String, number: Int = 1, year: Int = 2024, extra: String = "") -> String
    {
        """
        KEPUTUSAN MENTERI KETENAGAKERJAAN
        REPUBLIK INDONESIA
        NOMOR \(number) TAHUN \(year)
        TENTANG

        PENETAPAN JENJANG KUALIFIKASI NASIONAL INDONESIA BIDANG CONTOH
        \(extra)
        LAMPIRAN

        \(attachment)
        """
    }
}

/// What a rule declares about itself: at once its documentation and its test suite.
public struct RuleDescription: Sendable {
    /// Stable identifier, `SKK` and three digits, never reused.
    public var identifier: String
    /// Stable kebab-case name used in JSON and SARIF.
    public var name: String
    public var severity: Severity
    /// One line (Bahasa Indonesia).
    public var summary: String
    /// Why it matters and how to fix it (Bahasa Indonesia).
    public var rationale: String
    public var triggeringExamples: [Example]
    public var nonTriggeringExamples: [Example]

    public init(
        identifier: String, name: String, severity: Severity, summary: String, rationale: String,
        triggeringExamples: [Example], nonTriggeringExamples: [Example]
    ) {
        self.identifier = identifier
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// What a rule's findings depend on. An incremental check (`IncrementalCheck`, for
/// `build --watch`) reruns after scheme documents change only what this says could change;
/// the test suite checks each rule's declaration on the seeds and a synthetic catalogue.
public enum RuleScope: Sendable {
    /// The decrees alone.
    case decrees
    /// A finding located in a scheme's file depends on the decrees and that scheme alone; one
    /// located in a decree on the decrees alone.
    case eachScheme
    /// Each finding's subject is a unit code; it depends on the decrees and on every scheme
    /// unit with that code.
    case eachUnitCode
}

public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Declared by every rule, without a default: a wrong guess would make incremental
    /// checks silently differ from full ones.
    static var scope: RuleScope { get }
    init()
    func check(_ context: CheckContext) -> [Diagnostic]
}

extension Rule {
    /// A finding of this rule, at its default severity unless told otherwise.
    func finding(
        _ message: String, at location: SourceLocation, subject: String, related: [RelatedLocation] = [],
        severity: Severity? = nil
    ) -> Diagnostic {
        let d = Self.description
        return Diagnostic(
            rule: d.identifier, name: d.name, severity: severity ?? d.severity, message: message, location: location,
            subject: subject, related: related)
    }
}

import Foundation
import SKKNICore

/// SARIF 2.1.0, the format GitHub code scanning reads.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable { var driver: Driver }

    /// No `informationUri`: the tool has no public home page to name (SARIF makes it optional).
    struct Driver: Encodable {
        var name = "skkni"
        var semanticVersion = "0.1.0"
        var rules: [ReportingDescriptor]
    }

    struct Message: Encodable { var text: String }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        /// The rule's documentation: its summary, rationale and how to fix (text and Markdown).
        var help: MultiformatMessage
        /// The rule's page on the published site, when `--site-url` is given.
        var helpUri: String?
        struct Configuration: Encodable { var level: String }
    }

    struct MultiformatMessage: Encodable {
        var text: String
        var markdown: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
        /// `{"place": "halaman 3 baris 12"}` for a PDF or .docx, whose line numbers are the importer's.
        var properties: [String: String]?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var snippet: Message?
    }

    struct Suppression: Encodable {
        var kind = "external"
        var justification: String?
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// Descriptors of every rule that can appear: checker rules, importer issues, baseline.
    static func descriptors(ruleURL: ((String) -> String)? = nil) -> [ReportingDescriptor] {
        RuleRegistry.allRules.map { r in
            let body = r.rationale == r.summary ? "" : "\n\n\(r.rationale)"
            return ReportingDescriptor(
                id: r.identifier, name: r.name, shortDescription: Message(text: r.summary),
                fullDescription: Message(text: r.rationale), defaultConfiguration: .init(level: level(r.severity)),
                help: MultiformatMessage(
                    text: r.summary + body, markdown: "**\(r.identifier) \(r.name)**: \(r.summary)\(body)"),
                helpUri: ruleURL?(r.identifier))
        }
    }

    /// A repository-relative path as a relative URI; an absolute path (a document outside the
    /// repository) as a `file://` URI, never cut.
    static func uri(_ path: String) -> String {
        let encoded = path.split(separator: "/").map {
            String($0).addingPercentEncoding(
                withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? String($0)
        }.joined(separator: "/")
        return path.hasPrefix("/") ? "file:///" + encoded : encoded
    }

    static func document(
        _ diagnostics: [Diagnostic], sourceLine: (String, Int) -> String?,
        place: (String, Int) -> String? = { _, _ in nil }, ruleURL: ((String) -> String)? = nil
    ) -> String {
        func properties(_ location: SourceLocation) -> [String: String]? {
            place(location.file, location.line).map { ["place": $0] }
        }
        let rules = descriptors(ruleURL: ruleURL)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results = diagnostics.map { d in
            Result(
                ruleId: d.rule, ruleIndex: index[d.rule], level: level(d.severity), message: Message(text: d.message),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: uri(d.location.file)),
                            region: Region(
                                startLine: max(1, d.location.line),
                                snippet: sourceLine(d.location.file, d.location.line).map(Message.init)),
                            properties: properties(d.location)))
                ],
                relatedLocations: d.related.isEmpty
                    ? nil
                    : d.related.enumerated().map { i, r in
                        Location(
                            id: i,
                            physicalLocation: PhysicalLocation(
                                artifactLocation: ArtifactLocation(uri: uri(r.location.file)),
                                region: Region(startLine: max(1, r.location.line)),
                                properties: properties(r.location)),
                            message: Message(text: r.message))
                    },
                partialFingerprints: ["skkniFinding/v1": fingerprint(d)],
                suppressions: d.suppressed
                    ? [Suppression(justification: d.reason ?? "diterima oleh baseline (tanpa alasan tertulis)")] : nil)
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(log)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// Stable across line moves and counts other documents change: rule, file, subject and
    /// identity (FNV-1a, hex).
    static func fingerprint(_ d: Diagnostic) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in [d.rule, d.location.file, d.subject, d.identity].joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

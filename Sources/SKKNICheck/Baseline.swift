import Foundation
import SKKNICore

/// Accepted findings: those nobody here can fix (errors in an official decree). A finding
/// matches an entry by rule, file, subject and identity (its message without the counts other
/// documents change, see `Diagnostic.identity`), never by line, so edits elsewhere in a
/// document, or another document using the same unit, do not invalidate the baseline.
public struct Baseline: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var rule: String
        public var name: String
        public var file: String
        public var subject: String
        /// The finding's identity (`Diagnostic.identity`); an older entry's message with counts
        /// matches too.
        public var message: String
        /// Why the finding is accepted; to be filled by a person.
        public var reason: String

        var key: String { [rule, file, subject, Diagnostic.identity(of: message)].joined(separator: "\u{1F}") }
    }

    public static let staleIdentifier = "SKK900"
    public static let staleName = "baseline-stale"
    public static let staleRule = RuleInfo(
        identifier: staleIdentifier, name: staleName, severity: .warning,
        summary: "Entri baseline tidak cocok lagi dengan temuan mana pun.",
        rationale: "Entri baseline tidak cocok lagi dengan temuan mana pun; hapus entri atau tulis ulang baseline.")

    public var entries: [Entry]
    public var path: String

    public init(entries: [Entry], path: String) {
        self.entries = entries
        self.path = path
    }

    public static func load(from url: URL, displayPath: String) throws -> Baseline {
        let data = try Data(contentsOf: url)
        let entries = try JSONDecoder().decode([Entry].self, from: data)
        return Baseline(entries: entries, path: displayPath)
    }

    /// Marks accepted findings as suppressed and reports entries that match nothing.
    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        var byKey: [String: Int] = [:]
        for (i, entry) in entries.enumerated() where byKey[entry.key] == nil { byKey[entry.key] = i }
        var used = Set<Int>()
        var result = diagnostics.map { d -> Diagnostic in
            var d = d
            if let i = byKey[Entry(d).key] {
                d.suppressed = true
                let reason = entries[i].reason.trimmingCharacters(in: .whitespacesAndNewlines)
                d.reason = reason.isEmpty ? nil : reason
                used.insert(i)
            }
            return d
        }
        for (i, entry) in entries.enumerated() where !used.contains(i) && byKey[entry.key] == i {
            result.append(
                Diagnostic(
                    rule: Baseline.staleIdentifier, name: Baseline.staleName, severity: .warning,
                    message:
                        "entri baseline tidak cocok lagi dengan temuan mana pun ([\(entry.rule)] \(entry.subject) di \(entry.file)); hapus entri ini atau tulis ulang baseline",
                    location: SourceLocation(file: path, line: i + 2), subject: entry.subject))
        }
        return result.sorted(by: Diagnostic.ordered)
    }

    /// A baseline accepting `diagnostics`, keeping the reasons already written for findings
    /// that are still there.
    public static func accepting(_ diagnostics: [Diagnostic], previous: Baseline?, path: String) -> Baseline {
        var reasons: [String: String] = [:]
        for entry in previous?.entries ?? [] { reasons[entry.key] = entry.reason }
        var seen = Set<String>()
        var entries: [Entry] = []
        for d in diagnostics where d.rule != staleIdentifier {
            var entry = Entry(d)
            guard seen.insert(entry.key).inserted else { continue }
            entry.reason = reasons[entry.key] ?? ""
            entries.append(entry)
        }
        entries.sort { ($0.file, $0.rule, $0.subject, $0.message) < ($1.file, $1.rule, $1.subject, $1.message) }
        return Baseline(entries: entries, path: path)
    }

    /// One entry per line, so that a stale entry's line can be named and diffs stay small.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = "[\n"
        for (i, entry) in entries.enumerated() {
            text += "  " + String(decoding: try encoder.encode(entry), as: UTF8.self)
            text += i + 1 < entries.count ? ",\n" : "\n"
        }
        text += "]\n"
        return Data(text.utf8)
    }
}

extension Baseline.Entry {
    init(_ d: Diagnostic) {
        self.init(
            rule: d.rule, name: d.name, file: d.location.file, subject: d.subject, message: d.identity, reason: "")
    }
}

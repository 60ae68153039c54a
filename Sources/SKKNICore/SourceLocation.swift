/// Where a fact came from: a document path (relative to the project root) and a 1-based line.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}

/// How a document given on the command line is named in findings: the same whichever way the
/// path was written. A path inside `base` (the working directory) is relative to it, without
/// `./` or `..`; one outside stays absolute, cleaned the same way.
public enum SourcePath {
    public static func display(_ path: String, base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        let cleaned = "/" + parts.joined(separator: "/")
        let root = base.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        let prefix = "/" + root + (root.isEmpty ? "" : "/")
        if cleaned.hasPrefix(prefix), cleaned.count > prefix.count { return String(cleaned.dropFirst(prefix.count)) }
        return cleaned
    }
}

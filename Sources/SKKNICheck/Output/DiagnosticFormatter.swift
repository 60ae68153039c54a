import Foundation
import SKKNICore

/// Output formats of `skkni check`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Turns findings into text for people, JSON for scripts, SARIF for code scanning, or
/// GitHub workflow annotations.
public struct DiagnosticFormatter {
    /// Returns the text of a source line, for showing it under a finding.
    public var sourceLine: (String, Int) -> String?
    /// Where a line is in a document whose line numbers mean nothing to its reader: a PDF's
    /// `halaman 3 baris 12`, a .docx's `tabel 1 baris 5`; nil for text files.
    public var place: (String, Int) -> String?
    public var color: Bool
    public var showSuppressed: Bool
    /// The address of a rule's page on the published site (`--site-url`), for SARIF's `helpUri`.
    public var ruleURL: ((String) -> String)?

    public init(
        sourceLine: @escaping (String, Int) -> String?, place: @escaping (String, Int) -> String? = { _, _ in nil },
        color: Bool = false, showSuppressed: Bool = false, ruleURL: ((String) -> String)? = nil
    ) {
        self.sourceLine = sourceLine
        self.place = place
        self.color = color
        self.showSuppressed = showSuppressed
        self.ruleURL = ruleURL
    }

    /// ` (halaman 3 baris 12)` after a location that has a place, else nothing.
    func placeSuffix(_ location: SourceLocation) -> String {
        place(location.file, location.line).map { " (\($0))" } ?? ""
    }

    public func format(_ diagnostics: [Diagnostic], as format: OutputFormat) -> String {
        switch format {
        case .text: text(diagnostics)
        case .json: json(diagnostics)
        case .sarif: SARIF.document(diagnostics, sourceLine: sourceLine, place: place, ruleURL: ruleURL)
        case .github: github(diagnostics)
        }
    }

    // MARK: text

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    private func severityWord(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .note: paint("note", "1;36")
        }
    }

    /// `file:line: severity: [RULE] message`, the offending line, then related places; then
    /// the counts, unless `summary` is false.
    public func text(_ diagnostics: [Diagnostic], summary withSummary: Bool = true) -> String {
        var out = ""
        for d in diagnostics where showSuppressed || !d.suppressed {
            let suppressed = d.suppressed ? " (diterima baseline)" : ""
            out +=
                "\(paint(d.location.description, "1")): \(severityWord(d.severity)): [\(d.rule)] \(d.message)\(suppressed)\n"
            if let line = sourceLine(d.location.file, d.location.line) {
                out += String(format: "%7d | ", d.location.line) + TextSanitizer.terminalSafe(line) + "\n"
            }
            for r in d.related.prefix(12) where r.location != d.location {
                out += "\(r.location): \(paint("note", "36")): \(r.message)\(placeSuffix(r.location))\n"
            }
            if d.related.count > 12 { out += "    … dan \(d.related.count - 12) tempat lain\n" }
        }
        if withSummary { out += summary(diagnostics) + "\n" }
        return out
    }

    public func summary(_ diagnostics: [Diagnostic]) -> String {
        let active = diagnostics.filter { !$0.suppressed }
        let count = { (s: Severity) in active.filter { $0.severity == s }.count }
        var line = "\(count(.error)) galat, \(count(.warning)) peringatan, \(count(.note)) catatan"
        let suppressed = diagnostics.count - active.count
        if suppressed > 0 { line += " (\(suppressed) temuan diterima oleh baseline)" }
        return line
    }

    // MARK: json

    struct JSONFinding: Encodable {
        var rule: String
        var name: String
        var severity: String
        var message: String
        var file: String
        var line: Int
        /// The page and line of a PDF (the table and row of a .docx); absent for text files.
        var place: String?
        var subject: String
        var suppressed: Bool
        /// The baseline entry's reason for accepting the finding.
        var reason: String?
        var related: [Related]
        struct Related: Encodable {
            var file: String
            var line: Int
            var place: String?
            var message: String
        }
    }

    public func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            JSONFinding(
                rule: d.rule, name: d.name, severity: d.severity.rawValue, message: d.message, file: d.location.file,
                line: d.location.line, place: place(d.location.file, d.location.line), subject: d.subject,
                suppressed: d.suppressed, reason: d.reason,
                related: d.related.map {
                    .init(
                        file: $0.location.file, line: $0.location.line,
                        place: place($0.location.file, $0.location.line), message: $0.message)
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    // MARK: github

    /// `::error file=…,line=…,title=…::message`; suppressed findings are left out.
    public func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics where !d.suppressed {
            let level = d.severity == .note ? "notice" : d.severity.rawValue
            let properties =
                "file=\(escapeProperty(d.location.file)),line=\(d.location.line),title=\(escapeProperty("[\(d.rule)] \(d.name)"))"
            out += "::\(level) \(properties)::\(escapeData(d.message + placeSuffix(d.location)))\n"
        }
        return out
    }

    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

public enum TextSanitizer {
    /// Replaces control characters (escape sequences included) so a document cannot drive the terminal.
    public static func terminalSafe(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { scalar in
                    if scalar == "\t" { return " " }
                    return scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
                }))
    }
}

import Foundation
import SKKNICore
import SKKNITemplates

/// Everything a site is built from.
public struct SiteInput: Sendable {
    public var catalog: Catalog
    public var diagnostics: [Diagnostic]
    public var rules: [RuleInfo]
    public var sourceLine: @Sendable (String, Int) -> String?
    /// With `build --since REV`: what changed since that revision, for the page perubahan.html.
    public var changes: (revision: String, diff: CatalogDiff)?
    /// A source document's lines (and a PDF's bytes), for the pages under `sumber/`; without
    /// it no source page is written and `file:line` is shown unlinked.
    public var sourceDocument: (@Sendable (String) -> SourceDocument?)?

    public init(
        catalog: Catalog, diagnostics: [Diagnostic], rules: [RuleInfo],
        sourceLine: @escaping @Sendable (String, Int) -> String?, changes: (revision: String, diff: CatalogDiff)? = nil,
        sourceDocument: (@Sendable (String) -> SourceDocument?)? = nil
    ) {
        self.sourceDocument = sourceDocument
        self.catalog = catalog
        self.diagnostics = diagnostics
        self.rules = rules
        self.sourceLine = sourceLine
        self.changes = changes
    }
}

/// One output page: where it goes, which template renders it, and what it shows.
public struct Page: Sendable {
    public var path: String
    public var template: String
    public var title: String
    public var context: TemplateObject
}

/// URLs derived from codes and ids, never containing anything that could leave the output
/// directory: letters, digits, `.`, `-` and `_` only, no leading dot, bounded length.
public enum SitePaths {
    public static func slug(_ text: String) -> String {
        // Nearly every id is already a slug (`N.78SPS02.001.1`): it comes back as it is, found
        // on bytes without building a new string (every link on every page asks for one).
        if isSlug(text) { return text }
        return slugGeneral(text)
    }

    /// What `slugGeneral` leaves unchanged: 1 to 100 ASCII letters, digits, `-`, `_`, `.`, not
    /// starting with `.` or `-`, without `..`.
    static func isSlug(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard (1...100).contains(utf8.count) else { return false }
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "_"): break
            case UInt8(ascii: "-"): if previous == 0 { return false }
            case UInt8(ascii: "."): if previous == 0 || previous == UInt8(ascii: ".") { return false }
            default: return false
            }
            previous = byte
        }
        return true
    }

    static func slugGeneral(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let c = Character(scalar)
            if scalar.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." {
                out.append(c)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        out = out.replacingOccurrences(of: "..", with: "-")
        if out.count > 100 {
            // Keep long ids distinct: a prefix plus a hash of the whole text.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in text.utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x100_0000_01b3
            }
            out = String(out.prefix(80)) + "-" + String(hash, radix: 16)
        }
        return out.isEmpty ? "_" : out
    }

    public static func decree(_ id: String) -> String { "kepmen/\(slug(id)).html" }
    public static func qualification(_ id: String) -> String { "kualifikasi/\(slug(id)).html" }
    public static func unit(_ identity: String) -> String { "unit/\(slug(identity)).html" }
    public static func scheme(_ id: String) -> String { "skema/\(slug(id)).html" }
    public static func rule(_ identifier: String) -> String { "aturan/\(slug(identifier)).html" }
}

import Foundation
import Mustache
import SKKNICore

public struct SiteError: Error, CustomStringConvertible {
    public var description: String
}

/// Builds the static site: load templates -> declare pages -> render -> write, in one pass,
/// into a staging directory that replaces the previous output only when all succeeded.
public enum SiteGenerator {
    public struct Summary: Sendable {
        public var pages: Int
        public var files: Int
        public var bytes: Int
    }

    /// Renders every page, the search index, the CSV downloads and `site/static/*` in memory.
    public static func render(_ input: SiteInput, siteDirectory: URL) throws -> (pages: Int, files: [(String, Data)]) {
        let library = try loadTemplates(siteDirectory.appendingPathComponent("templates"))
        let pages = PageFactory(input: input).all()
        let rendered = ConcurrentMap.map(pages.map { PageBox(page: $0) }) { box -> Result<(String, Data), SiteError> in
            let page = box.page
            var context = page.context
            let depth = page.path.split(separator: "/").count - 1
            context["root"] = String(repeating: "../", count: depth)
            context["pageTitle"] = page.title
            guard let html = library.render(context, withTemplate: page.template) else {
                return .failure(SiteError(description: "templat '\(page.template)' tidak ada (halaman \(page.path))"))
            }
            return .success((page.path, Data(html.utf8)))
        }
        var files: [(String, Data)] = []
        for result in rendered { files.append(try result.get()) }
        files += SearchIndex.files(for: pages)
        files += Downloads.csvFiles(input.catalog)
        let staticDir = siteDirectory.appendingPathComponent("static")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staticDir.path))?.sorted() ?? []
        where !name.hasPrefix(".") {
            files.append(("static/\(name)", try Data(contentsOf: staticDir.appendingPathComponent(name))))
        }
        return (pages.count, files)
    }

    /// Renders the site and replaces `output` with it (see `OutputDirectory.replace`).
    public static func build(
        _ input: SiteInput, siteDirectory: URL, output: URL, extraFiles: [(path: String, data: Data)] = [],
        finish: (URL) throws -> Void = { _ in }, checkpoint: (String) -> Void = { _ in }
    ) throws -> Summary {
        var (pages, files) = try render(input, siteDirectory: siteDirectory)
        files += extraFiles.map { ($0.path, $0.data) }
        try OutputDirectory.replace(output, with: files, finish: finish, checkpoint: checkpoint)
        return Summary(pages: pages, files: files.count, bytes: files.reduce(0) { $0 + $1.1.count })
    }

    static func loadTemplates(_ directory: URL) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard !names.isEmpty else { throw SiteError(description: "\(directory.path): tidak ada templat") }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw SiteError(description: "\(directory.path)/\(name): templat tidak sah: \(error)")
            }
        }
        return library
    }
}

struct PageBox: @unchecked Sendable {
    let page: Page
}

/// Search data split by first letter, loaded as scripts so it works from `file://`.
enum SearchIndex {
    static func normalize(_ text: String) -> String {
        var out = ""
        var lastSpace = true
        for ch in TitleText.clean(text).lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
                lastSpace = false
            } else if ch == " " || ch == "/" || ch == "-" || ch == "(" || ch == ")" || ch == "," {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            }
            // Dots and other punctuation vanish, so `N.78SPS02.07` matches `n78sps0207`.
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static func files(for pages: [Page]) -> [(String, Data)] {
        var buckets: [Character: [[String]]] = [:]
        for page in pages where page.template == "unit" || page.template == "qualification" || page.template == "scheme"
        {
            let key: String
            let label: String
            let title: String
            switch page.template {
            case "unit":
                label = page.context["identity"] as? String ?? ""
                title = page.context["title"] as? String ?? ""
            case "qualification":
                label = "Kualifikasi \(page.context["letter"] as? String ?? "")"
                title = "\(page.context["group"] as? String ?? "") jenjang \(page.context["level"] ?? "")"
            default:
                label = "Skema"
                title = page.context["name"] as? String ?? (page.context["title"] as? String ?? "")
            }
            key = normalize(label) + " " + normalize(title)
            let entry = [key, label, title, page.path]
            for first in Set(key.split(separator: " ").compactMap(\.first)) {
                buckets[first, default: []].append(entry)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return buckets.keys.sorted().map { c in
            let entries = buckets[c]!.sorted { $0[3] < $1[3] }
            let json = String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
                .replacingOccurrences(of: "<", with: "\\u003c")
            let name = c.isASCII ? String(c) : "u\(c.unicodeScalars.first!.value)"
            return ("search/\(name).js", Data("SKKNI_SEARCH.add(\"\(name)\", \(json));\n".utf8))
        }
    }
}

/// CSV files for spreadsheet users.
enum Downloads {
    static func csv(_ rows: [[String]]) -> Data {
        Data(rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n").appending("\r\n").utf8)
    }

    /// Quotes every field; a leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets
    /// do not run document text as a formula.
    static func field(_ s: String) -> String {
        var value = s
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func csvFiles(_ catalog: Catalog) -> [(String, Data)] {
        var units: [[String]] = [["code", "identity", "version", "title"]]
        var seen = Set<String>()
        var qualificationUnits: [[String]] = [
            ["qualification", "code", "role", "title", "prerequisites", "file", "line"]
        ]
        for (decree, q) in catalog.qualifications {
            for u in q.units {
                if seen.insert(u.code.raw).inserted {
                    units.append([u.code.raw, u.code.identity, u.code.version, u.cleanTitle])
                }
                qualificationUnits.append([
                    q.id, u.code.raw, u.role.rawValue, u.cleanTitle, u.prerequisites.map(\.raw).joined(separator: " "),
                    decree.source, String(u.line),
                ])
            }
        }
        var schemeUnits: [[String]] = [["scheme", "code", "title", "file", "line"]]
        for s in catalog.schemes {
            for u in s.units {
                if seen.insert(u.code.raw).inserted {
                    units.append([u.code.raw, u.code.identity, u.code.version, u.cleanTitle])
                }
                schemeUnits.append([s.id, u.code.raw, u.cleanTitle, s.source, String(u.line)])
            }
        }
        return [
            ("unduh/units.csv", csv(units)), ("unduh/qualification_units.csv", csv(qualificationUnits)),
            ("unduh/scheme_units.csv", csv(schemeUnits)),
        ]
    }
}

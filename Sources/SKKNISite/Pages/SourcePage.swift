import Foundation
import SKKNICore
import SKKNITemplates

/// A source document as the site publishes it: its lines as the importer numbered them, each
/// line's place in a document without lines of its own (`halaman 3 baris 12` in a PDF), and,
/// for a PDF, the file itself (copied beside the page and linked at `#page=P`).
public struct SourceDocument: Sendable {
    public var lines: [String]
    public var places: [String]?
    public var original: Data?

    public init(lines: [String], places: [String]?, original: Data?) {
        self.lines = lines
        self.places = places
        self.original = original
    }
}

/// `sumber/<file>.html`: every source document with numbered lines and an anchor per line
/// (`#L12`), so every `file:line` on the site links to the line it names. O(lines) per page.
enum SourcePage: PageKind {
    static let identifier = "source"
    static let description = """
        A source document's lines, numbered and anchored, with each line's place in a PDF and a \
        link to the PDF's page.
        """
    static let reads: Set<SiteRead> = [.decrees, .document]

    static func pages(_ site: PageFactory) -> [PageKey] { site.sourceFiles.map(PageKey.name) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.sourcePage(key.name) }

    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects { PageSubjects(document: key.name) }
}

extension PageFactory {
    /// The documents the catalogue was imported from, sorted; none without a reader for them.
    var sourceFiles: [String] { Self.sourceFiles(of: input) }

    static func sourceFiles(of input: SiteInput) -> [String] {
        guard input.sourceDocument != nil else { return [] }
        var files = Set(input.catalog.schemes.map(\.source))
        for d in input.catalog.decrees { files.insert(d.source) }
        for s in input.catalog.standards { files.insert(s.source) }
        return files.sorted()
    }

    /// `sumber/<file>.html#L<line>` for a published document's line; nil for any other file.
    func sourceHref(_ file: String, _ line: Int) -> String? {
        guard input.sourceDocument != nil, sourceFileSet.contains(file) else { return nil }
        return SitePaths.source(file) + "#L\(line)"
    }

    func sourcePage(_ file: String) -> Page {
        let document = input.sourceDocument?(file)
        let lines = document?.lines ?? []
        let original = document?.original != nil ? SitePaths.sourceOriginal(file) : nil
        let rows: [TemplateValue] = lines.enumerated().map { i, text in
            let place = document?.places.flatMap { i < $0.count ? $0[i] : nil }
            var row: TemplateObject = ["n": .number(i + 1), "text": .text(text)]
            if let place, !place.isEmpty {
                row["place"] = .text(place)
                if let original, let page = Self.pageNumber(place) {
                    row["pdfHref"] = .text(Self.fileName(original) + "#page=\(page)")
                }
            }
            return .object(row)
        }
        let context: TemplateObject = [
            "file": .text(file), "lines": .list(rows), "lineCount": .number(lines.count),
            "original": .textOrFalse(original), "hasPlaces": .flag(document?.places != nil),
        ]
        return Page(path: SitePaths.source(file), template: "source", title: Self.fileName(file), context: context)
    }

    /// `P` of `halaman P baris L`.
    static func pageNumber(_ place: String) -> Int? {
        let words = place.split(separator: " ")
        guard words.count >= 2, words[0] == "halaman" else { return nil }
        return Int(words[1])
    }

    /// The PDFs themselves, beside their pages (`sumber/<file>.pdf`), for `#page=P` links.
    /// Only PDFs have one: other documents are not read here (a national catalogue's 22,000
    /// text documents read whole on every build and every watched change took seconds).
    static func originals(_ input: SiteInput, files: [String]) -> [(String, Data)] {
        files.filter { $0.lowercased().hasSuffix(".pdf") }.compactMap { file in
            input.sourceDocument?(file)?.original.map { (SitePaths.sourceOriginal(file), $0) }
        }
    }
}

extension SitePaths {
    public static func source(_ file: String) -> String {
        "sumber/\(slug(fileName(file))).html"
    }

    public static func sourceOriginal(_ file: String) -> String {
        "sumber/\(slug(fileName(file)))"
    }

    /// The last non-empty component of `file` (`file` when it has none). Found on bytes for an
    /// ASCII path: every link to a source line asks, and splitting the whole path into
    /// characters was one percent of a national build.
    static func fileName(_ file: String) -> String {
        let utf8 = file.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return file.split(separator: "/").last.map(String.init) ?? file }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") {
            end = utf8.index(before: end)
        }
        guard end > utf8.startIndex else { return file }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != UInt8(ascii: "/") {
            start = utf8.index(before: start)
        }
        return start == utf8.startIndex && end == utf8.endIndex ? file : String(file[start..<end])
    }
}

import Foundation
import SKKNICore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A word as poppler placed it: text and box in points, y growing down the page.
struct PDFWord {
    var text: String
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double
    /// Characters (Unicode scalars) in the text, counted once.
    var length: Int
    /// poppler's own line, which gives the reading direction of rotated text.
    var popplerLine = 0

    var height: Double { yMax - yMin }
    var width: Double { xMax - xMin }
    var yCentre: Double { (yMin + yMax) / 2 }
}

/// One page of the `-bbox-layout` output.
struct PDFPage {
    var width: Double
    var height: Double
    var words: [PDFWord] = []

    /// The page turned so that its text reads left to right, top to bottom. poppler gives
    /// words in the displayed page's frame (a page's /Rotate applied): text that is upright on
    /// the displayed page is already horizontal, only the page's size may be given unturned;
    /// text that runs down or up the displayed page (tall, narrow words) is turned back.
    func upright() -> PDFPage {
        var page = self
        // Boxes no page has (infinite, absurdly far, inside out) would break the columns.
        page.words.removeAll { w in
            ![w.xMin, w.yMin, w.xMax, w.yMax].allSatisfy { $0.isFinite && abs($0) < 100_000 } || w.xMax < w.xMin
                || w.yMax < w.yMin
        }
        let words = page.words
        let right = words.reduce(0) { max($0, $1.xMax) }
        let bottom = words.reduce(0) { max($0, $1.yMax) }
        if right > width + 1 || bottom > height + 1 { swap(&page.width, &page.height) }
        var vertical = 0
        var horizontal = 0
        for word in words where word.length >= 3 {
            if word.height > 1.5 * word.width {
                vertical += 1
            } else if word.width > 1.5 * word.height {
                horizontal += 1
            }
        }
        guard vertical > horizontal else { return page }
        // Down the page (turned clockwise) or up it: from the order of words on poppler's lines.
        var down = 0
        for k in words.indices.dropFirst() where words[k].popplerLine == words[k - 1].popplerLine {
            down += words[k].yMin > words[k - 1].yMin ? 1 : -1
        }
        let width = max(page.width, right)
        let height = max(page.height, bottom)
        page.words = words.map { w in
            var t = w
            if down >= 0 {
                t.xMin = w.yMin
                t.xMax = w.yMax
                t.yMin = width - w.xMax
                t.yMax = width - w.xMin
            } else {
                t.xMin = height - w.yMax
                t.xMax = height - w.yMin
                t.yMin = w.xMin
                t.yMax = w.xMax
            }
            return t
        }
        page.width = height
        page.height = width
        return page
    }
}

/// Reads `pdftotext -bbox-layout` XHTML into pages of words through XMLParser (libxml2):
/// the general path, for output `PDFBBoxScanner` does not take.
final class PDFLayoutXML: NSObject, XMLParserDelegate {
    private(set) var pages: [PDFPage] = []
    private var word: PDFWord?
    private var text = ""
    private var popplerLine = 0

    /// Parses the XHTML with XMLParser; the reason when it is not well-formed.
    static func parse(_ data: Data) -> Result<[PDFPage], ParseFailure> {
        let handler = PDFLayoutXML()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "tidak diketahui"
            return .failure(ParseFailure(reason: "baris \(parser.lineNumber): \(reason)"))
        }
        return .success(handler.pages)
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "word":
            word = PDFWord(
                text: "", xMin: Self.number(attributes["xMin"]), yMin: Self.number(attributes["yMin"]),
                xMax: Self.number(attributes["xMax"]), yMax: Self.number(attributes["yMax"]), length: 0)
            text = ""
        case "line":
            popplerLine += 1
        case "page":
            pages.append(
                PDFPage(width: Self.number(attributes["width"]), height: Self.number(attributes["height"])))
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if word != nil { text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        guard elementName == "word", var finished = word else { return }
        word = nil
        let trimmed = LineText.trimmed(text)
        guard !trimmed.isEmpty, !pages.isEmpty else { return }
        finished.text = trimmed
        finished.length = trimmed.unicodeScalars.count
        finished.popplerLine = popplerLine
        pages[pages.count - 1].words.append(finished)
    }

    /// `594.960000` -> 594.96, on bytes (Double(String) is fine too, but this runs per attribute).
    static func number(_ text: String?) -> Double {
        guard let text else { return 0 }
        return Double(text) ?? 0
    }
}

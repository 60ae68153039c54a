import Foundation

/// Words of one page that sit on one text line, left to right.
struct PDFLine {
    var words: [PDFWord]
    var yMin: Double
    var yMax: Double
    /// 1-based page.
    var page: Int
    /// 1-based number among the page's lines once running headers, footers and watermarks are gone.
    var number = 0

    var xMin: Double { words.first?.xMin ?? 0 }
    var xMax: Double { words.reduce(0) { max($0, $1.xMax) } }
    var height: Double { yMax - yMin }
    var yCentre: Double { (yMin + yMax) / 2 }

    /// The words joined by single spaces.
    var plainText: String { words.lazy.map(\.text).joined(separator: " ") }
}

/// Lines rebuilt from word positions, not from poppler's blocks (which cut table cells apart).
enum PDFLineBuilder {
    /// The page's words grouped into lines by vertical overlap, top to bottom.
    static func lines(of page: PDFPage, number: Int) -> [PDFLine] {
        let order = page.words.indices.sorted { page.words[$0].yCentre < page.words[$1].yCentre }
        var lines: [PDFLine] = []
        // Each line's reference band: its first word's box, so a line never drifts down the page.
        var bands: [(yMin: Double, yMax: Double)] = []
        for index in order {
            let word = page.words[index]
            var best = -1
            var bestRatio = 0.6
            var k = lines.count - 1
            // Only recent lines can reach this word; ten back covers superscripts and side columns.
            while k >= 0, k >= lines.count - 10 {
                let band = bands[k]
                let overlap = min(band.yMax, word.yMax) - max(band.yMin, word.yMin)
                let smaller = max(0.01, min(band.yMax - band.yMin, word.height))
                let ratio = overlap / smaller
                if ratio >= bestRatio {
                    bestRatio = ratio
                    best = k
                }
                k -= 1
            }
            if best >= 0 {
                lines[best].words.append(word)
                lines[best].yMin = min(lines[best].yMin, word.yMin)
                lines[best].yMax = max(lines[best].yMax, word.yMax)
            } else {
                lines.append(PDFLine(words: [word], yMin: word.yMin, yMax: word.yMax, page: number))
                bands.append((word.yMin, word.yMax))
            }
        }
        for i in lines.indices { lines[i].words.sort { $0.xMin < $1.xMin } }
        lines.sort { $0.yMin == $1.yMin ? $0.xMin < $1.xMin : $0.yMin < $1.yMin }
        return lines
    }
}

/// Renders lines as `pdftotext -layout` does: each word at a column proportional to its x,
/// one character width for the whole document, so columns line up down the page.
struct PDFLineRenderer {
    /// Points per character column.
    let unit: Double
    /// The x of column 0.
    let left: Double

    init(pages: [[PDFLine]]) {
        var widths: [Double] = []
        var left = Double.greatestFiniteMagnitude
        for page in pages {
            for line in page {
                left = min(left, line.xMin)
                for word in line.words where word.length >= 3 {
                    widths.append(word.width / Double(word.length))
                }
            }
        }
        widths.sort()
        let median = widths.isEmpty ? 5 : widths[widths.count / 2]
        self.unit = median.isFinite ? max(1, median) : 5
        self.left = left == .greatestFiniteMagnitude ? 0 : left
    }

    /// The column of `x`, within what a terminal line can hold.
    func column(_ x: Double) -> Int {
        let column = ((x - left) / unit).rounded()
        return column.isFinite ? Int(min(max(column, 0), 1000)) : 0
    }

    /// A gap this wide between two words separates columns (two spaces or more).
    var wideGap: Double { unit * 2 }

    /// Two words with no room for a space between them (a comma or a bracket in another font
    /// that poppler made a word of its own) are one.
    static func touches(_ left: PDFWord, _ right: PDFWord) -> Bool {
        right.xMin - left.xMax < 0.08 * min(left.height, right.height)
    }

    /// Words joined by single spaces, or none where they touch.
    static func joined(_ words: [PDFWord]) -> String {
        var out = ""
        var previous: PDFWord?
        for word in words {
            if let previous, !touches(previous, word) { out += " " }
            out += word.text
            previous = word
        }
        return out
    }

    func render(_ words: [PDFWord]) -> String {
        var out = ""
        var end = 0
        var previous: PDFWord?
        for word in words {
            if let previous {
                let gap = word.xMin - previous.xMax
                let spaces: Int
                if PDFLineRenderer.touches(previous, word) {
                    spaces = 0
                } else if gap < wideGap {
                    spaces = 1
                } else {
                    spaces = max(2, column(word.xMin) - end)
                }
                out += String(repeating: " ", count: spaces)
                end += spaces
            } else {
                let indent = column(word.xMin)
                out += String(repeating: " ", count: indent)
                end = indent
            }
            out += word.text
            end += word.length
            previous = word
        }
        return out
    }
}

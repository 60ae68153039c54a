import Foundation

/// A line of the document as the reader gives it: a page line rendered as layout text, or a
/// unit row put together from the table's cells.
struct PDFOutputItem {
    var line: PDFLine
    /// Index into the assembled rows when this item is a unit row.
    var row: Int?
}

/// Unit tables read from geometry: a row is anchored on its code, and the title fragments
/// around it (wrapped above and below a vertically centred code, continued over a page
/// break) are put back together as `N  CODE  whole title [PREREQUISITES]`.
struct PDFUnitTables {
    struct Row {
        var number: String?
        var code: String
        var title: [String] = []
        var prerequisites: [String] = []
        var prerequisiteColumn: Bool

        var text: String {
            var parts: [String] = []
            if let number { parts.append(number) }
            parts.append(code)
            var joined = ""
            for fragment in title {
                if joined.isEmpty {
                    joined = fragment
                } else if joined.hasSuffix("-"), let first = fragment.unicodeScalars.first,
                    first.properties.isLowercase
                {
                    joined += fragment
                } else {
                    joined += " " + fragment
                }
            }
            if !joined.isEmpty { parts.append(joined) }
            if prerequisiteColumn {
                let words = prerequisites
                let codes = words.filter { PDFUnitTables.isCodeShaped($0) }
                let lower = words.map { $0.lowercased() }
                if !codes.isEmpty {
                    parts.append(codes.joined(separator: " "))
                } else if zip(lower, lower.dropFirst()).contains(where: { $0 == "tidak" && $1 == "ada" }) {
                    parts.append("Tidak ada")
                } else if !words.isEmpty {
                    parts.append(words.joined(separator: " "))
                }
            }
            return parts.joined(separator: "  ")
        }
    }

    /// One table, from its header on, over as many pages as it runs.
    struct Table {
        /// The left edge of the table (its header's first word).
        var left: Double
        /// Where the prerequisite column starts, when the table has one.
        var prerequisiteLeft: Double?
        /// Code and title stacked in one cell (the title under the code).
        var stacked: Bool
        var codeLeft: Double?
        var codeRight: Double?
        /// The table's last row, which a title cut by a page break continues.
        var openRow: Int?
        var lineHeight: Double
    }

    private(set) var rows: [Row] = []

    /// The document's items, page by page, with unit-table lines replaced by whole rows.
    mutating func assemble(_ pages: [[PDFLine]]) -> [[PDFOutputItem]] {
        var table: Table?
        var result: [[PDFOutputItem]] = []
        for lines in pages {
            var items: [PDFOutputItem] = []
            var i = 0
            var atPageTop = true
            while i < lines.count {
                let line = lines[i]
                if let header = PDFUnitTables.header(line) {
                    if let current = table, atPageTop, current.openRow != nil,
                        current.stacked == header.stacked
                    {
                        // The header repeated after a page break: the table goes on.
                        i += 1
                        i = skipHeaderContinuation(lines, from: i)
                        atPageTop = false
                        continue
                    }
                    table = Table(
                        left: header.left, prerequisiteLeft: header.prerequisiteLeft, stacked: header.stacked,
                        lineHeight: line.height)
                    items.append(PDFOutputItem(line: line))
                    i += 1
                    i = skipHeaderContinuation(lines, from: i)
                    atPageTop = false
                    continue
                }
                if table != nil {
                    let end = readTable(lines, from: i, atPageTop: atPageTop, table: &table!, into: &items)
                    if end == i {
                        table = nil
                    } else {
                        i = end
                        if i < lines.count { table = nil }
                        atPageTop = false
                        continue
                    }
                }
                items.append(PDFOutputItem(line: line))
                atPageTop = false
                i += 1
            }
            result.append(items)
        }
        return result
    }

    /// Lines right under a header that only number its columns (`1 2 3`) or finish its words.
    private func skipHeaderContinuation(_ lines: [PDFLine], from start: Int) -> Int {
        var i = start
        while i < lines.count, i < start + 2 {
            let words = lines[i].words
            let numbering = words.allSatisfy { w in
                w.length <= 3
                    && w.text.unicodeScalars.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." }
                    && w.text.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
            }
            let headerWords = words.allSatisfy { PDFUnitTables.headerWords.contains($0.text.uppercased()) }
            guard numbering || headerWords else { break }
            i += 1
        }
        return i
    }

    static let headerWords: Set<String> = [
        "NO", "NO.", "KODE", "UNIT", "JUDUL", "KOMPETENSI", "PERSYARATAN", "DAFTAR", "(1)", "(2)", "(3)",
    ]

    /// A unit table's header: `No | Kode Unit | Judul Unit`, `KODE UNIT | JUDUL UNIT KOMPETENSI`,
    /// or `No. | Daftar Unit Kompetensi | Persyaratan Kompetensi` (code and title in one cell).
    static func header(_ line: PDFLine) -> (left: Double, prerequisiteLeft: Double?, stacked: Bool)? {
        guard line.words.count >= 2, line.words.count <= 14 else { return nil }
        // Cheap test first: a header has a word `KODE` or `UNIT`, any case.
        guard
            line.words.contains(where: {
                $0.text.utf8.count == 4
                    && ($0.text.utf8.elementsEqual("kode".utf8) { $0 | 0x20 == $1 }
                        || $0.text.utf8.elementsEqual("unit".utf8) { $0 | 0x20 == $1 })
            })
        else { return nil }
        var kode = false
        var judul = false
        var unitKompetensi = false
        var prerequisite: Double?
        var previous = ""
        for word in line.words {
            let upper = word.text.uppercased()
            if upper == "KODE" { kode = true }
            if upper == "JUDUL" { judul = true }
            if upper.hasPrefix("KOMPETENSI"), previous == "UNIT" { unitKompetensi = true }
            if upper == "PERSYARATAN" || upper == "PRASYARAT" { prerequisite = prerequisite ?? word.xMin }
            if upper.contains(":") { return nil }
            previous = upper
        }
        if kode && (judul || unitKompetensi) {
            return (line.xMin, prerequisite, false)
        }
        if unitKompetensi, let prerequisite {
            return (line.xMin, prerequisite, true)
        }
        return nil
    }

    /// Shaped like a unit code, valid or not: `J.612000.001.01`, `M.74100.001.02`, `SIRXICT303`.
    static func isCodeShaped(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 6, bytes.count <= 30, let first = bytes.first, (0x41...0x5A).contains(first) else {
            return false
        }
        var digits = 0
        for b in bytes {
            switch b {
            case 0x30...0x39: digits += 1
            case 0x41...0x5A, UInt8(ascii: "."): break
            case 0x61...0x7A: break
            default: return false
            }
        }
        if UnitRowParser.isCodeLike(Substring(text)) { return true }
        // Without dots: capitals and at least three digits, no lower case (`SIRXICT303`).
        return digits >= 3 && !bytes.contains(where: { (0x61...0x7A).contains($0) })
    }

    private static func isRowNumber(_ word: PDFWord) -> Bool {
        UnitRowParser.rowNumber(Substring(word.text)) != nil
    }

    /// Reads the table's lines from `start` on this page; returns where the table stopped
    /// (`start` when the first line is not the table's).
    private mutating func readTable(
        _ lines: [PDFLine], from start: Int, atPageTop: Bool, table: inout Table, into items: inout [PDFOutputItem]
    ) -> Int {
        // The lines that may belong to the table: inside its left edge, without a large gap.
        var end = start
        var previousBottom: Double? = atPageTop ? nil : (start > 0 ? lines[start - 1].yMax : nil)
        while end < lines.count {
            let line = lines[end]
            if PDFUnitTables.header(line) != nil { break }
            if line.xMin < table.left - 8 { break }
            if let bottom = previousBottom, line.yMin - bottom > max(3 * table.lineHeight, 30) { break }
            previousBottom = max(previousBottom ?? 0, line.yMax)
            end += 1
        }
        guard end > start else { return start }
        // The code column: from the table's first codes.
        if table.codeLeft == nil {
            for line in lines[start..<end] {
                if let word = line.words.first(where: {
                    PDFUnitTables.isCodeShaped($0.text) && $0.xMin < (table.prerequisiteLeft ?? .infinity) - 4
                }) {
                    table.codeLeft = word.xMin
                    table.codeRight = word.xMax
                    break
                }
            }
        }
        guard let codeLeft = table.codeLeft else { return start }
        if table.stacked {
            // The prerequisite cell starts where the words right of a code start (the header
            // above it may be centred further right).
            for line in lines[start..<end] {
                guard
                    let code = line.words.firstIndex(where: {
                        PDFUnitTables.isCodeShaped($0.text) && abs($0.xMin - codeLeft) <= 14
                    }), code + 1 < line.words.count
                else { continue }
                let next = line.words[code + 1]
                if next.xMin - line.words[code].xMax > 2 * table.lineHeight {
                    table.prerequisiteLeft = min(table.prerequisiteLeft ?? .infinity, next.xMin)
                }
            }
        }
        // Lines that cannot be the table's end it: in a table with a title column, a word in the
        // code column that is not a code; a word left of the code column that is not a number.
        var stop = start
        while stop < end {
            let line = lines[stop]
            var fits = true
            for word in line.words {
                let code = PDFUnitTables.isCodeShaped(word.text)
                if code, abs(word.xMin - codeLeft) <= 14 {
                    table.codeRight = max(table.codeRight ?? word.xMax, word.xMax)
                    continue
                }
                if word.xMax <= codeLeft + 2 {
                    if !PDFUnitTables.isRowNumber(word) { fits = false }
                    continue
                }
                if !table.stacked, let codeRight = table.codeRight, word.xMin < codeRight - 4,
                    word.xMin >= codeLeft - 4, !code
                {
                    // A code column word that is no code ends the table, unless it is a code's prefix
                    // (`J J.63OPR00.009.2`).
                    if !(word.length <= 2 && line.words.contains { PDFUnitTables.isCodeShaped($0.text) }) {
                        fits = false
                    }
                }
            }
            if !fits { break }
            stop += 1
        }
        guard stop > start else { return start }
        buildRows(lines[start..<stop], table: &table, codeLeft: codeLeft, atPageTop: atPageTop, into: &items)
        return stop
    }

    private struct Piece {
        var yMin: Double
        var yMax: Double
        var words: [PDFWord]
        var yCentre: Double { (yMin + yMax) / 2 }
        init(_ words: [PDFWord]) {
            self.words = words
            yMin = words.map(\.yMin).min() ?? 0
            yMax = words.map(\.yMax).max() ?? 0
        }
        var text: String { PDFLineRenderer.joined(words) }
    }

    private mutating func buildRows(
        _ lines: ArraySlice<PDFLine>, table: inout Table, codeLeft: Double, atPageTop: Bool,
        into items: inout [PDFOutputItem]
    ) {
        let codeRight = table.codeRight ?? codeLeft
        let prerequisiteLeft = (table.prerequisiteLeft ?? .infinity) - 4
        var anchors: [(piece: Piece, line: PDFLine, number: String?)] = []
        var titles: [Piece] = []
        var numbers: [Piece] = []
        var prerequisites: [Piece] = []
        for line in lines {
            var number: [PDFWord] = []
            var code: [PDFWord] = []
            var title: [PDFWord] = []
            var prerequisite: [PDFWord] = []
            let hasCode = line.words.contains {
                PDFUnitTables.isCodeShaped($0.text) && abs($0.xMin - codeLeft) <= 14
            }
            for word in line.words {
                if word.xMin >= prerequisiteLeft {
                    prerequisite.append(word)
                } else if word.xMax <= codeLeft + 2, PDFUnitTables.isRowNumber(word) {
                    number.append(word)
                } else if hasCode, table.stacked ? word.xMin < codeRight + 2 : word.xMin < codeRight - 4 {
                    code.append(word)
                } else {
                    title.append(word)
                }
            }
            if !code.isEmpty {
                anchors.append((Piece(code), line, number.isEmpty ? nil : number.map(\.text).joined(separator: " ")))
            } else if !number.isEmpty {
                numbers.append(Piece(number))
            }
            if !title.isEmpty { titles.append(Piece(title)) }
            if !prerequisite.isEmpty { prerequisites.append(Piece(prerequisite)) }
        }
        titles = PDFUnitTables.mergeOverlapping(titles)
        // Boundaries between rows on this page: row k holds what lies in [bounds[k], bounds[k+1]).
        var bounds: [Double] = []
        // What lies above the first row belongs to the row a page break cut.
        var top = -Double.infinity
        if let first = anchors.first, table.openRow != nil {
            if table.stacked {
                top = first.line.yMin - 0.5
            } else {
                let rowNumberTop = (first.number != nil ? first.line.yMin : numbers.first?.yMin)
                if let rowNumberTop {
                    top = min(rowNumberTop, first.piece.yMin) - 2
                } else if let firstTitle = titles.first, firstTitle.yCentre < first.piece.yCentre,
                    let c = firstTitle.text.unicodeScalars.first, c.properties.isLowercase
                {
                    top = largestGap(titles, from: -.infinity, to: first.piece.yCentre) ?? first.piece.yMin
                }
            }
        } else if anchors.isEmpty, table.openRow != nil {
            top = .infinity
        }
        for k in anchors.indices.dropLast() {
            let a = anchors[k].piece
            let b = anchors[k + 1].piece
            if table.stacked {
                bounds.append(anchors[k + 1].line.yMin - 0.5)
            } else {
                bounds.append(largestGap(titles, from: a.yCentre, to: b.yCentre) ?? (a.yCentre + b.yCentre) / 2)
            }
        }
        let firstRow = rows.count
        for anchor in anchors {
            let code = anchor.piece.words.map(\.text).joined(separator: " ")
            rows.append(
                Row(number: anchor.number, code: code, prerequisiteColumn: table.prerequisiteLeft != nil))
        }
        func rowIndex(_ y: Double) -> Int? {
            if y < top { return table.openRow }
            guard !anchors.isEmpty else { return table.openRow }
            var k = 0
            while k < bounds.count, y >= bounds[k] { k += 1 }
            return firstRow + k
        }
        for piece in titles {
            if let r = rowIndex(piece.yCentre) { rows[r].title.append(piece.text) }
        }
        for piece in numbers {
            if let r = rowIndex(piece.yCentre), rows[r].number == nil { rows[r].number = piece.text }
        }
        for piece in prerequisites {
            if let r = rowIndex(piece.yCentre) { rows[r].prerequisites += piece.words.map(\.text) }
        }
        for (k, anchor) in anchors.enumerated() {
            items.append(PDFOutputItem(line: anchor.line, row: firstRow + k))
        }
        if !anchors.isEmpty { table.openRow = rows.count - 1 }
        if let last = lines.last { table.lineHeight = min(table.lineHeight, last.height) }
    }

    /// Title pieces in reading order: pieces of different lines that stand side by side (a
    /// word in another font that poppler put on the code's line) become one piece.
    private static func mergeOverlapping(_ pieces: [Piece]) -> [Piece] {
        let sorted = pieces.sorted { $0.yMin < $1.yMin }
        var merged: [Piece] = []
        for piece in sorted {
            if let last = merged.last {
                let overlap = min(last.yMax, piece.yMax) - max(last.yMin, piece.yMin)
                let smaller = min(last.yMax - last.yMin, piece.yMax - piece.yMin)
                if overlap >= 0.5 * smaller {
                    merged[merged.count - 1] = Piece((last.words + piece.words).sorted { $0.xMin < $1.xMin })
                    continue
                }
            }
            merged.append(piece)
        }
        return merged
    }

    /// The middle of the widest vertical gap between consecutive title pieces whose middle lies
    /// between `from` and `to`.
    private func largestGap(_ titles: [Piece], from: Double, to: Double) -> Double? {
        var best: (gap: Double, middle: Double)?
        for k in titles.indices.dropLast() {
            let gap = titles[k + 1].yMin - titles[k].yMax
            let middle = (titles[k].yMax + titles[k + 1].yMin) / 2
            guard middle > from, middle < to else { continue }
            if best == nil || gap > best!.gap + 0.01 { best = (gap, middle) }
        }
        return best?.middle
    }
}

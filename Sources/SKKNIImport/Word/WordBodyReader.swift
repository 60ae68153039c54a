import Foundation

/// A line of the linear text a Word document is read into, and where it is in the document
/// (`paragraf 12`, `tabel 1 baris 4`), since a .docx has no line numbers of its own.
struct WordLine: Equatable {
    var text: String
    var place: String
}

/// Reads the body of document.xml into lines the text importer understands: one per paragraph
/// outside tables, one per table row with its cells separated by tabs.
///
/// What Word keeps out of sight is read the way Word shows the document with all changes
/// accepted: deleted text (`w:del`, `w:moveFrom`), deleted table rows and paragraph marks,
/// earlier formatting (`w:*PrChange`), field codes and placeholder text of empty content
/// controls are left out; inserted text, content controls, hyperlinks and field results are
/// read. Automatic numbering is counted as Word counts it. Text boxes and drawings are not read.
final class WordBodyReader: NamespacedXMLHandler {
    private(set) var lines: [WordLine] = []
    private var numbering: WordNumbering

    private var stack: [QualifiedName] = []
    /// Depth of the element whose whole content is not read, while inside it.
    private var skippingFrom: Int?
    private var inBody = false
    /// Content-control depths whose content is placeholder text (`w:showingPlcHdr`).
    private var controls: [Bool] = []
    private var placeholderDepth = 0

    private struct Paragraph {
        var text = ""
        var style: String?
        var numID: String?
        var level: Int?
        var markDeleted = false
    }
    private var paragraph: Paragraph?
    /// Text of paragraphs whose mark was deleted: it runs on into the next paragraph.
    private var carried = ""
    private var paragraphCount = 0

    private enum Merge { case restart, continued }
    private struct Cell {
        var paragraphs: [String] = []
        var span = 1
        var merge: Merge?
    }
    private struct Row {
        var cells: [Cell] = []
        var gridBefore = 0
        var deleted = false
    }
    private struct Table {
        var rows: [Row] = []
        var row: Row?
        var cell: Cell?
    }
    /// Open tables, outermost first; a table inside a cell is read as text of that cell.
    private var tables: [Table] = []
    private var tableCount = 0

    /// Elements whose content Word does not show as text once changes are accepted.
    private static let unread: Set<String> = [
        "del", "moveFrom", "instrText", "delInstrText", "sdtPr", "pPrChange", "rPrChange", "sectPrChange",
        "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "drawing",
        "pict", "object", "txbxContent", "footnoteReference", "endnoteReference", "commentReference",
    ]

    init(numbering: WordNumbering) { self.numbering = numbering }

    private var parent: String? {
        stack.count >= 2 && OOXML.isWord(stack[stack.count - 2].uri) ? stack[stack.count - 2].local : nil
    }
    private var grandparent: String? {
        stack.count >= 3 && OOXML.isWord(stack[stack.count - 3].uri) ? stack[stack.count - 3].local : nil
    }

    func start(_ name: QualifiedName, attributes: [QualifiedName: String]) {
        stack.append(name)
        guard skippingFrom == nil else {
            if name.local == "showingPlcHdr", OOXML.isWord(name.uri), parent == "sdtPr", !controls.isEmpty {
                controls[controls.count - 1] = true
            }
            return
        }
        if name.uri == OOXML.markupCompatibility, name.local == "AlternateContent" {
            skippingFrom = stack.count
            return
        }
        guard OOXML.isWord(name.uri) else { return }
        let local = name.local
        if local == "body" { inBody = true }
        guard inBody else { return }
        if local == "del" {
            if parent == "trPr", !tables.isEmpty { tables[0].row?.deleted = true }
            if parent == "rPr", grandparent == "pPr" { paragraph?.markDeleted = true }
        }
        if WordBodyReader.unread.contains(local) {
            skippingFrom = stack.count
            return
        }
        let value = attributes.word("val")
        switch local {
        case "p":
            paragraph = Paragraph()
        case "pStyle" where parent == "pPr":
            paragraph?.style = value
        case "numId" where parent == "numPr":
            paragraph?.numID = value
        case "ilvl" where parent == "numPr":
            paragraph?.level = value.flatMap(Int.init)
        case "tab" where parent == "r", "ptab" where parent == "r":
            append(tables.isEmpty ? "\t" : " ")
        case "br" where parent == "r", "cr" where parent == "r":
            append(" ")
        case "noBreakHyphen":
            append("-")
        case "sdt":
            controls.append(false)
        case "sdtContent":
            if controls.last == true { placeholderDepth += 1 }
        case "tbl":
            if tables.isEmpty { tableCount += 1 }
            tables.append(Table())
        case "tr" where tables.count == 1:
            tables[0].row = Row()
        case "gridBefore" where tables.count == 1 && parent == "trPr":
            tables[0].row?.gridBefore = value.flatMap(Int.init) ?? 0
        case "tc" where tables.count == 1:
            tables[0].cell = Cell()
        case "gridSpan" where tables.count == 1 && parent == "tcPr":
            tables[0].cell?.span = max(1, value.flatMap(Int.init) ?? 1)
        case "vMerge" where tables.count == 1 && parent == "tcPr":
            tables[0].cell?.merge = value == "restart" ? .restart : .continued
        default: break
        }
    }

    func end(_ name: QualifiedName) {
        defer { _ = stack.popLast() }
        if let from = skippingFrom {
            if from == stack.count { skippingFrom = nil }
            return
        }
        guard OOXML.isWord(name.uri), inBody else { return }
        switch name.local {
        case "body": inBody = false
        case "p": finishParagraph()
        case "sdtContent":
            if controls.last == true { placeholderDepth = max(0, placeholderDepth - 1) }
        case "sdt":
            _ = controls.popLast()
        case "tc" where tables.count == 1:
            if let cell = tables[0].cell { tables[0].row?.cells.append(cell) }
            tables[0].cell = nil
        case "tr" where tables.count == 1:
            if let row = tables[0].row { tables[0].rows.append(row) }
            tables[0].row = nil
        case "tr", "tc":
            // Rows and cells of a nested table: keep their words apart in the outer cell.
            appendToOuterCell("")
        case "tbl":
            if let table = tables.popLast(), tables.isEmpty { emit(table) }
        default: break
        }
    }

    func text(_ text: String) {
        guard skippingFrom == nil, placeholderDepth == 0, let top = stack.last, OOXML.isWord(top.uri),
            top.local == "t"
        else { return }
        append(text)
    }

    private func append(_ text: String) {
        guard placeholderDepth == 0 else { return }
        paragraph?.text += text
    }

    private func finishParagraph() {
        guard var p = paragraph else { return }
        paragraph = nil
        if p.markDeleted {
            carried += p.text
            return
        }
        p.text = carried + p.text
        carried = ""
        var text = WordBodyReader.clean(p.text)
        if let numbered = numbering.resolve(numID: p.numID, level: p.level, style: p.style) {
            let label = numbering.label(numID: numbered.numID, level: numbered.level)
            if !label.isEmpty { text = text.isEmpty ? label : label + " " + text }
        }
        if tables.isEmpty {
            paragraphCount += 1
            lines.append(WordLine(text: text, place: "paragraf \(paragraphCount)"))
        } else if tables.count == 1 {
            // Text between cells (malformed, but Word's repair keeps it) joins the row's last cell.
            if tables[0].cell != nil {
                tables[0].cell?.paragraphs.append(text)
            } else if var row = tables[0].row, !row.cells.isEmpty {
                row.cells[row.cells.count - 1].paragraphs.append(text)
                tables[0].row = row
            }
        } else {
            appendToOuterCell(text)
        }
    }

    private func appendToOuterCell(_ text: String) {
        guard !tables.isEmpty, !text.isEmpty else { return }
        tables[0].cell?.paragraphs.append(text)
    }

    /// Line breaks and stray control characters inside a run would split or corrupt a line.
    static func clean(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": out.unicodeScalars.append(" ")
            case "\u{AD}": continue
            default: out.unicodeScalars.append(DocumentText.visible(scalar))
            }
        }
        return out
    }

    /// Writes a finished table as lines. In a unit table (a row with NO, KODE and JUDUL
    /// columns) only those three columns are kept, by grid position, so extra columns,
    /// captions merged across the table and vertically merged notes do not shift the code.
    private func emit(_ table: Table) {
        struct Placed {
            var start: Int
            var end: Int
            var text: String
        }
        let rows: [[Placed]] = table.rows.map { row in
            var column = row.gridBefore
            return row.cells.map { cell in
                defer { column += cell.span }
                // A cell merged with the one above shows that cell's text, once, there.
                let text =
                    cell.merge == .continued
                    ? "" : cell.paragraphs.joined(separator: " ").replacingOccurrences(of: "\t", with: " ")
                return Placed(
                    start: column, end: column + cell.span,
                    text: text.trimmingCharacters(in: .whitespaces))
            }
        }
        var header: (row: Int, number: Int?, code: Int, title: Int)?
        for (r, cells) in rows.enumerated() where header == nil && !table.rows[r].deleted {
            let upper = cells.map { $0.text.uppercased() }
            guard let code = upper.firstIndex(where: { $0.contains("KODE") }),
                let title = upper.firstIndex(where: { $0.contains("JUDUL") }), code < title
            else { continue }
            let number = upper.firstIndex { $0 == "NO" || $0 == "NO." || $0 == "NOMOR" }
            header = (r, number.map { cells[$0].start }, cells[code].start, cells[title].start)
        }
        for (r, cells) in rows.enumerated() where !table.rows[r].deleted {
            let place = "tabel \(tableCount) baris \(r + 1)"
            guard let header, r >= header.row else {
                lines.append(WordLine(text: cells.map(\.text).joined(separator: "\t"), place: place))
                continue
            }
            if r == header.row {
                lines.append(WordLine(text: "NO\tKODE UNIT\tJUDUL UNIT", place: place))
                continue
            }
            var used: Set<Int> = []
            func column(_ start: Int?) -> String {
                guard let start, let index = cells.firstIndex(where: { $0.start <= start && start < $0.end }),
                    !used.contains(index)
                else { return "" }
                used.insert(index)
                return cells[index].text
            }
            let values = [column(header.number), column(header.code), column(header.title)]
            lines.append(WordLine(text: values.joined(separator: "\t"), place: place))
        }
    }
}

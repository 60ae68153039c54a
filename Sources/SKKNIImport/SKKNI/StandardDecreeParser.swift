import Foundation
import SKKNICore

/// Reads the annex (LAMPIRAN) of an SKKNI decree from layout text: the heading (number,
/// year, title, field), the rows of `Daftar Unit Kompetensi`, and each `Uraian Unit
/// Kompetensi` block (code, title, description, elements with their performance criteria,
/// limits, assessment guidance and prerequisites).
///
/// The element table has two columns printed side by side, so its lines interleave an
/// element's wrapped title with its criteria's wrapped text. The reader splits each line at
/// the column where the criteria start (where the `1.1` numbers stand on lines of their own,
/// page by page), not by guessing from the words.
struct StandardDecreeParser {
    let document: DocumentText
    /// The id of a document without its heading: `skkni-<file name>`.
    let fallbackID: String
    private(set) var diagnostics: [Diagnostic] = []

    init(document: DocumentText, fallbackID: String) {
        self.document = document
        self.fallbackID = fallbackID
    }

    // MARK: Recognising lines

    /// `B. Daftar Unit Kompetensi`, `DAFTAR UNIT KOMPETENSI`.
    static func isListHeading(_ plain: String) -> Bool {
        guard LineText.mentions(plain, "daftar unit kompetensi") else { return false }
        return withoutSectionLetter(plain).lowercased() == "daftar unit kompetensi"
    }

    /// `C. Uraian Unit Kompetensi`.
    static func isDefinitionsHeading(_ plain: String) -> Bool {
        guard LineText.mentions(plain, "uraian unit kompetensi") else { return false }
        return withoutSectionLetter(plain).lowercased() == "uraian unit kompetensi"
    }

    /// `B.    Daftar …` -> `Daftar …`, whitespace collapsed.
    static func withoutSectionLetter(_ plain: String) -> String {
        var words = plain.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if let first = words.first, first.count == 2, first.last == ".", first.first!.isLetter { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The value of `LABEL : value` (`KODE UNIT  :  J.611000.001.01`), empty when the line has
    /// the label and colon but no value; nil for other lines.
    static func labelled(_ plain: String, _ label: String) -> String? {
        guard LineText.hasUppercasedPrefix(plain, label) else { return nil }
        let rest = plain.dropFirst(label.count).drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == ":" else { return nil }
        return LineText.trimmed(String(rest.dropFirst()))
    }

    static func isCodeLine(_ plain: String) -> Bool { labelled(plain, "KODE UNIT") != nil }

    static func isElementHeader(_ plain: String) -> Bool {
        LineText.hasUppercasedPrefix(plain, "ELEMEN KOMPETENSI")
    }

    static func isClosing(_ plain: String) -> Bool {
        LineText.hasUppercasedPrefix(plain, "BAB III")
            // Only a short line can be this word: uppercasing every line cost more than the test.
            || (plain.utf8.count <= 16 && plain.uppercased() == "PENUTUP")
            || LineText.hasUppercasedPrefix(plain, "MENTERI KETENAGAKERJAAN")
    }

    /// A page number on its own line (right-aligned or between dashes), not an item number.
    static func isPageNumber(_ line: String, column: Int) -> Bool {
        let text = LineText.trimmed(line)
        return LayoutText.isPageNumber(text) && (text.hasPrefix("-") || column >= 20)
    }

    /// `isPageNumber` for a line already split into words: most lines fail at their first byte.
    static func isPageNumber(_ layout: LayoutLine) -> Bool {
        let spans = layout.words.spans
        guard spans.count <= 3, let lead = spans.first?.lead,
            lead == UInt8(ascii: "-") || (lead >= 0x30 && lead <= 0x39)
        else { return false }
        let text = layout.trimmedText
        // Only digits, dashes and spaces can make one: tested on bytes before the characters
        // (the numbered lines of limits and guidance all start with a digit).
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x20 }) else { return false }
        return LayoutText.isPageNumber(String(text)) && (text.hasPrefix("-") || layout.firstColumn >= 20)
    }

    /// Whether a document is an SKKNI annex (or part of one): it has `KODE UNIT :` blocks, or a
    /// `Daftar Unit Kompetensi` under a standard's title.
    static func recognises(_ document: DocumentText) -> Bool {
        var list = false
        var standardTitle = false
        for plain in document.plainLines {
            if isCodeLine(plain) { return true }
            if !list, isListHeading(plain) { list = true }
            if !standardTitle, LineText.mentions(plain, "STANDAR KOMPETENSI KERJA") { standardTitle = true }
        }
        return list && standardTitle
    }

    // MARK: The document

    mutating func parse() -> StandardDecree {
        let plain = document.plainLines
        let heading = findHeading()
        let codeLines = plain.indices.filter { Self.isCodeLine(plain[$0]) }
        let closing = codeLines.first.flatMap { first in
            plain.indices[(first + 1)...].first { Self.isClosing(plain[$0]) }
        }
        let end = closing ?? plain.count
        var decree: StandardDecree
        if let heading {
            decree = StandardDecree(
                id: Decree.id(number: heading.number, year: heading.year), source: document.path, line: heading.line,
                number: heading.number, year: heading.year, title: heading.title, field: heading.field)
        } else {
            let first = codeLines.first.map { $0 + 1 } ?? 1
            decree = StandardDecree(id: fallbackID, source: document.path, line: first)
            note(
                ImportIssue.missingField,
                "kepala lampiran ('KEPUTUSAN MENTERI … NOMOR … TAHUN … TENTANG …') tidak ditemukan: dokumen diimpor sebagian sebagai \(fallbackID), tanpa nomor dan judul keputusan",
                line: first, subject: fallbackID)
        }
        if let listStart = plain.indices.first(where: { Self.isListHeading(plain[$0]) }) {
            let listEnd =
                plain.indices[(listStart + 1)...].first {
                    Self.isDefinitionsHeading(plain[$0]) || Self.isCodeLine(plain[$0])
                } ?? end
            decree.listedUnits = readList(from: listStart + 1, to: listEnd, decreeID: decree.id)
        } else if heading != nil {
            note(
                ImportIssue.missingField, "bagian 'Daftar Unit Kompetensi' tidak ditemukan", line: decree.line,
                subject: decree.id)
        }
        for (n, start) in codeLines.enumerated() where start < end {
            let blockEnd = n + 1 < codeLines.count ? min(codeLines[n + 1], end) : end
            if let definition = readDefinition(from: start, to: blockEnd, decreeID: decree.id) {
                decree.definitions.append(definition)
            }
        }
        decree.shareRepeatedTexts()
        return decree
    }

    private mutating func note(_ issue: ImportIssue, _ message: String, line: Int, subject: String) {
        diagnostics.append(issue.diagnostic(message, file: document.path, line: line, subject: subject))
    }

    /// `NOMOR 321 TAHUN 2016` near the top, with the title after `TENTANG`.
    private func findHeading() -> (number: Int, year: Int, title: String, field: String?, line: Int)? {
        let plain = document.plainLines
        for i in plain.indices.prefix(200) {
            guard LineText.hasUppercasedPrefix(plain[i], "NOMOR"),
                let match = DecreeReferenceScanner.matches(in: plain[i]).first
            else { continue }
            var j = i + 1
            while j < plain.count, LineText.isBlank(plain[j]) { j += 1 }
            if j < plain.count, plain[j].uppercased() == "TENTANG" { j += 1 }
            while j < plain.count, LineText.isBlank(plain[j]) { j += 1 }
            var pieces: [String] = []
            while j < plain.count, !LineText.isBlank(plain[j]), !LineText.hasUppercasedPrefix(plain[j], "BAB "),
                !Self.isPageNumber(document.lines[j], column: 99), !Self.isListHeading(plain[j]),
                !Self.isCodeLine(plain[j]), pieces.count < 12
            {
                pieces.append(plain[j])
                j += 1
            }
            let title = LayoutText.join(pieces)
            var field: String?
            let spaced = " " + title
            if let range = spaced.range(of: " BIDANG ", options: .backwards) {
                field = String(spaced[range.upperBound...])
            }
            return (match.number, match.year, title, field, i + 1)
        }
        return nil
    }

    // MARK: Daftar Unit Kompetensi

    private mutating func readList(from start: Int, to end: Int, decreeID: String) -> [ListedUnit] {
        var rows: [(number: Int?, code: String, pieces: [String], line: Int)] = []
        // Title lines not yet placed: they continue the row above, unless the next row has no
        // title of its own (its code printed beside the middle of a wrapped title).
        var pending: [String] = []
        // While a list printed a second time is being skipped: the row it should repeat next.
        var repeating: Int?
        func flush() {
            if !pending.isEmpty, repeating == nil, !rows.isEmpty { rows[rows.count - 1].pieces += pending }
            pending = []
        }
        for i in start..<max(start, end) {
            let plain = document.plainLines[i]
            if LineText.isBlank(plain) { continue }
            let layout = LayoutLine(document.lines[i])
            if Self.isPageNumber(layout) { continue }
            if LineText.containsFolded(plain, "kode unit"), LineText.containsFolded(plain, "judul") {
                flush()
                continue
            }
            let words = layout.words
            // The column numbers under the header: `1 2 3`.
            if words.count >= 2, words.allSatisfy({ $0.text.count <= 2 && $0.text.allSatisfy(\.isASCIIDigit) }) {
                continue
            }
            var index = 0
            var number: Int?
            if let n = words.elementNumber(0, dotless: true) {
                number = n
                index = 1
            }
            if let (code, count) = LayoutText.code(in: words, at: index) {
                let title = layout.text(from: index + count)
                if let r = repeating, number == nil || number == r + 1, r < rows.count, rows[r].code == code {
                    pending = []
                    repeating = r + 1
                    continue
                }
                if number == 1, let first = rows.first, first.code == code {
                    // The list again from its first row: one list.
                    pending = []
                    repeating = 1
                    continue
                }
                if title.isEmpty, !pending.isEmpty {
                    rows.append((number, code, pending, i + 1))
                    pending = []
                } else {
                    flush()
                    rows.append((number, code, title.isEmpty ? [] : [title], i + 1))
                }
                repeating = nil
                continue
            }
            if number != nil, words.count >= 2, words[1].text.contains("."),
                words[1].text.contains(where: \.isASCIIDigit)
            {
                note(
                    ImportIssue.unreadableRow,
                    "baris Daftar Unit Kompetensi tanpa kode unit yang terbaca ('\(words[1].text)'); baris ini dilewati",
                    line: i + 1, subject: decreeID)
                continue
            }
            if number != nil, words.count == 1 { continue }
            pending.append(layout.text(from: 0))
        }
        flush()
        return rows.map {
            ListedUnit(number: $0.number, code: UnitCode($0.code), title: LayoutText.join($0.pieces), line: $0.line)
        }
    }

    // MARK: Uraian Unit Kompetensi

    private enum Part { case heading, table, limits, assessment }

    private mutating func readDefinition(from start: Int, to end: Int, decreeID: String) -> UnitDefinition? {
        let plain = document.plainLines
        let value = Self.labelled(plain[start], "KODE UNIT") ?? ""
        let valueWords = LayoutLine(value).words
        let code: String
        if let (found, _) = LayoutText.code(in: valueWords, at: 0) {
            code = found
        } else if let first = valueWords.first {
            code = String(first.text)
        } else {
            note(
                ImportIssue.unreadableRow, "'KODE UNIT :' tanpa kode; uraian unit ini dilewati", line: start + 1,
                subject: decreeID)
            return nil
        }
        var titlePieces: [String] = []
        var titleLine: Int?
        var descriptionPieces: [String] = []
        var hasDescription = false
        var continuing: Int?  // 0 title, 1 description
        var part = Part.heading
        var tableLines: [Int] = []
        var criteriaHeaderColumn: Int?
        var limitLines: [Int] = []
        var assessmentLines: [Int] = []
        for i in (start + 1)..<max(start + 1, end) {
            let p = plain[i]
            if LineText.isBlank(p) {
                continuing = nil
                continue
            }
            if Self.isDefinitionsHeading(p) { continue }
            if LineText.hasUppercasedPrefix(p, "BATASAN VARIABEL") {
                part = .limits
                continue
            }
            if LineText.hasUppercasedPrefix(p, "PANDUAN PENILAIAN") {
                part = .assessment
                continue
            }
            if Self.isElementHeader(p) {
                if part == .heading { part = .table }
                let layout = LayoutLine(document.lines[i])
                if criteriaHeaderColumn == nil,
                    let k = layout.words.firstIndex(where: { $0.text.uppercased() == "KRITERIA" })
                {
                    criteriaHeaderColumn = layout.words[k].column
                }
                continue
            }
            switch part {
            case .heading:
                if let title = Self.labelled(p, "JUDUL UNIT") {
                    titlePieces = [title]
                    titleLine = i + 1
                    continuing = 0
                } else if let description = Self.labelled(p, "DESKRIPSI UNIT") ?? Self.labelled(p, "DESKRIPSI") {
                    descriptionPieces = [description]
                    hasDescription = true
                    continuing = 1
                } else if continuing == 0 {
                    titlePieces.append(p)
                } else if continuing == 1 {
                    descriptionPieces.append(p)
                } else if LayoutText.elementNumber(Substring(p.prefix(while: { $0 != " " }))) != nil {
                    // An element table without its header line.
                    part = .table
                    tableLines.append(i)
                }
            case .table: tableLines.append(i)
            case .limits: limitLines.append(i)
            case .assessment: assessmentLines.append(i)
            }
        }
        let unitCode = UnitCode(code)
        var definition = UnitDefinition(
            code: unitCode, title: LayoutText.join(titlePieces),
            description: hasDescription ? LayoutText.join(descriptionPieces) : nil, line: start + 1,
            titleLine: titleLine)
        definition.elements = readElements(tableLines, headerColumn: criteriaHeaderColumn, code: code)
        definition.limits = readItems(limitLines)
        definition.assessment = readItems(assessmentLines)
        definition.prerequisites = Self.prerequisites(in: definition.assessment)
        if titleLine == nil {
            note(ImportIssue.missingField, "uraian unit \(code) tanpa 'JUDUL UNIT :'", line: start + 1, subject: code)
        }
        if definition.elements.isEmpty {
            note(
                ImportIssue.missingField, "uraian unit \(code) tanpa tabel elemen kompetensi dan kriteria unjuk kerja",
                line: start + 1, subject: code)
        }
        return definition
    }

    /// The element table: each line split at the criteria column into element text (left)
    /// and criterion text (right).
    private mutating func readElements(_ lines: [Int], headerColumn: Int?, code: String) -> [UnitDefinition.Element] {
        // The lines, without page numbers and repeated headers; a page break starts a new
        // segment, whose criteria column is worked out on its own (pages differ in margins).
        var rows: [(index: Int, words: LayoutLine.Words, segment: Int)] = []
        var segment = 0
        for i in lines {
            let layout = LayoutLine(document.lines[i])
            if layout.isEmpty { continue }
            if Self.isPageNumber(layout) {
                segment += 1
                continue
            }
            rows.append((i, layout.words, segment))
        }
        // Criteria numbers standing first on their line, away from the left margin.
        var columns: [Int: Int] = [:]
        for row in rows
        where row.words[0].column >= 6 && row.words.criterionNumber(0) != nil {
            columns[row.segment] = min(columns[row.segment] ?? Int.max, row.words[0].column)
        }
        var fallback = columns.values.min()
        if fallback == nil {
            // Every criterion shares its line with element text: the leftmost of their numbers.
            for row in rows {
                for k in row.words.indices.dropFirst() where row.words.criterionNumber(k) != nil {
                    fallback = min(fallback ?? Int.max, row.words.spans[k].column)
                }
            }
        }
        let blockColumn = fallback ?? headerColumn.map { max(12, $0 - 10) } ?? 30

        var elements: [(number: Int, pieces: [String], line: Int, criteria: [(String, [String], Int)])] = []
        // Where the current criterion's text starts, and on which page segment.
        var textColumn: (column: Int, segment: Int)?
        // The number of the current element's last criterion (nil before its first, or when
        // that one has no number).
        var lastCriterion: (major: Int, minor: Int)?
        for row in rows {
            let words = row.words
            let segmentColumn = columns[row.segment].map { $0 - 1 }
            var i = 0
            // An element number at the left margin: `1.`, or `1` followed by text when it is the
            // next element.
            if words[0].column < 8,
                let n = words.elementNumber(0)
                    ?? words.elementNumber(0, dotless: true).flatMap({
                        $0 == (elements.last?.number ?? 0) + 1 && words.count > 1 ? $0 : nil
                    }),
                words.count == 1 || words.criterionNumber(1) == nil || words[1].column < 8
                    || n == (elements.last?.number ?? 0) + 1
            {
                elements.append((n, [], row.index + 1, []))
                lastCriterion = nil
                textColumn = nil
                i = 1
            }
            // The column that divides the line: the current criterion's text column on its own
            // page; across a page break, or before any criterion, the page's criteria column.
            var boundary: Int
            if let t = textColumn, t.segment == row.segment {
                boundary = t.column - 2
            } else if let t = textColumn {
                boundary = min(t.column - 2, segmentColumn ?? Int.max)
            } else {
                boundary = segmentColumn ?? blockColumn - 1
            }
            // The next criterion's number may stand anywhere after the element's text, even
            // past the usual column when a long element word pushes it right.
            let element = elements.last?.number
            // The numbers the next criterion can have: the one after the last (documents
            // misnumber criteria: `2.3` under element 3), or the first of this element.
            let last = lastCriterion
            func isExpected(_ n: (major: Int, minor: Int)) -> Bool {
                guard let element else { return false }
                if let last, n.major == last.major, n.minor == last.minor + 1 { return true }
                return (last == nil || last!.major != element) && n.major == element && n.minor == 1
            }
            let lastMajor = last?.major
            let numberAt = words.indices.dropFirst(i).first { k in
                words.criterionNumber(k).map(isExpected) ?? false
            }
            // The element column's words: from `leftStart` to where the criterion column starts.
            let leftStart = i
            var criterion: String?
            var rightStart: Int?
            while i < words.count {
                let column = words.spans[i].column
                let number = words.criterionNumber(i)
                if i == numberAt
                    || (numberAt == nil && number != nil
                        && (column >= min(boundary, (segmentColumn ?? boundary) - 1) || number!.major == element
                            || number!.major == lastMajor))
                {
                    criterion = "\(number!.major).\(number!.minor)"
                    rightStart = i + 1
                    break
                }
                if numberAt == nil, column >= boundary {
                    rightStart = i
                    break
                }
                i += 1
            }
            if i > leftStart {
                if elements.isEmpty {
                    note(
                        ImportIssue.unreadableRow,
                        "teks di kolom elemen kompetensi \(code) sebelum elemen bernomor; dianggap elemen 1",
                        line: row.index + 1, subject: code)
                    elements.append((1, [], row.index + 1, []))
                }
                elements[elements.count - 1].pieces.append(LayoutLine.joined(words[leftStart..<i]))
            }
            guard let rightStart else { continue }
            let text = LayoutLine.joined(words[rightStart...])
            if elements.isEmpty {
                note(
                    ImportIssue.unreadableRow,
                    "kriteria unjuk kerja \(code) sebelum elemen bernomor; dianggap milik elemen 1",
                    line: row.index + 1, subject: code)
                elements.append((1, [], row.index + 1, []))
            }
            let e = elements.count - 1
            if let criterion {
                elements[e].criteria.append((criterion, text.isEmpty ? [] : [text], row.index + 1))
                lastCriterion = LayoutText.criterionNumber(Substring(criterion))
                if rightStart < words.count { textColumn = (words[rightStart].column, row.segment) }
            } else if elements[e].criteria.isEmpty {
                note(
                    ImportIssue.unreadableRow,
                    "teks kriteria unjuk kerja tanpa nomor di elemen \(elements[e].number) unit \(code)",
                    line: row.index + 1, subject: code)
                elements[e].criteria.append(("", [text], row.index + 1))
                lastCriterion = nil
            } else if !text.isEmpty {
                elements[e].criteria[elements[e].criteria.count - 1].1.append(text)
            }
        }
        return elements.map { e in
            UnitDefinition.Element(
                number: e.number, title: LayoutText.join(e.pieces), line: e.line,
                criteria: e.criteria.map {
                    UnitDefinition.Criterion(number: $0.0, text: LayoutText.join($0.1), line: $0.2)
                })
        }
    }

    /// Numbered items (`1.`, `1.1`, `2.1.3`) with their wrapped lines joined; a number only
    /// counts when it can follow the previous one, so a wrapped line starting with a number
    /// stays text.
    private func readItems(_ lines: [Int]) -> [UnitDefinition.Item] {
        var items: [(number: String, pieces: [String], line: Int)] = []
        var last: [Int]?
        for i in lines {
            let layout = LayoutLine(document.lines[i])
            if layout.isEmpty || Self.isPageNumber(layout) { continue }
            if let number = LayoutText.itemNumber(layout.words[0].text), LayoutText.follows(number, after: last) {
                items.append((number.map(String.init).joined(separator: "."), [layout.text(from: 1)], i + 1))
                last = number
            } else if items.isEmpty {
                items.append(("", [layout.text(from: 0)], i + 1))
            } else {
                items[items.count - 1].pieces.append(layout.text(from: 0))
            }
        }
        return items.map {
            UnitDefinition.Item(number: $0.number, text: LayoutText.join($0.pieces), line: $0.line)
        }
    }

    /// The codes under `Persyaratan kompetensi`, each with the title written after it.
    static func prerequisites(in assessment: [UnitDefinition.Item]) -> [UnitDefinition.Prerequisite] {
        guard
            let heading = assessment.first(where: {
                $0.depth == 1 && LineText.hasLowercasedPrefix($0.text, "persyaratan kompetensi")
            })
        else { return [] }
        var found: [UnitDefinition.Prerequisite] = []
        for item in assessment where item.number == heading.number || item.number.hasPrefix(heading.number + ".") {
            let words = LayoutLine(item.text).words
            var codes: [(index: Int, code: String, count: Int)] = []
            var i = 0
            while i < words.count {
                if let (code, count) = LayoutText.code(in: words, at: i) {
                    codes.append((i, code, count))
                    i += count
                } else {
                    i += 1
                }
            }
            for (n, c) in codes.enumerated() {
                let end = n + 1 < codes.count ? codes[n + 1].index : words.count
                var title = LayoutLine.joined(words[(c.index + c.count)..<end])
                while title.hasPrefix(":") || title.hasPrefix("-") {
                    title = LineText.trimmed(String(title.dropFirst()))
                }
                found.append(
                    UnitDefinition.Prerequisite(
                        code: UnitCode(c.code), title: title.isEmpty ? nil : title, line: item.line))
            }
        }
        return found
    }
}

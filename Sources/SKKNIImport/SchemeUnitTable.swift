import Foundation
import SKKNICore

/// Reads the unit table of a scheme (`No | Kode Unit | Judul Unit`) from the line after its
/// header to its end, whatever the layout did to the rows: tab- or space-separated columns,
/// row numbers with or without a dot, drifting or glued to the code, titles wrapped below
/// their code, or split around a vertically centred code (the upper fragment on a line of
/// its own, with or without the row number), page headers and footers inside the table.
/// Every line holding something shaped like a unit code becomes a row or a diagnostic.
struct SchemeUnitTable {
    /// One line of the table, as far as the line alone can tell.
    enum Item {
        /// A line with a unit code: its row number (on this line), the code and the title text after it.
        case code(line: Int, number: Int?, code: UnitCode, title: String)
        /// A row number in the number column with title text (maybe none) and no code: the upper
        /// half of a title whose code sits lower down.
        case numbered(line: Int, number: Int, text: String)
        /// Title text alone.
        case text(line: Int, text: String)
        case blank
    }

    /// A row being put together.
    struct Row {
        var number: Int?
        var line: Int
        var code: UnitCode?
        var upper: [(line: Int, text: String)] = []
        var codeTitle = ""
        var lower: [(line: Int, text: String)] = []

        var title: String {
            TitleText.collapseWhitespace(
                (upper.map(\.text) + [codeTitle] + lower.map(\.text)).joined(separator: " "))
        }

        var fragmentLines: [Int] { (upper.map(\.line) + lower.map(\.line)).sorted() }
    }

    let document: DocumentText
    let path: String
    let subject: String
    /// Running headers, footers and page numbers, by line index.
    let isArtifact: (Int) -> Bool
    /// Column where the header's `Kode` starts, when the table is laid out with spaces.
    let codeColumn: Int?

    private(set) var units: [SchemeUnit] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(document: DocumentText, header: Int, subject: String, isArtifact: @escaping (Int) -> Bool) {
        self.document = document
        self.path = document.path
        self.subject = subject
        self.isArtifact = isArtifact
        let raw = document.lines[header]
        if !raw.contains("\t"), let kode = raw.range(of: "kode", options: .caseInsensitive) {
            codeColumn = raw.distance(from: raw.startIndex, to: kode.lowerBound)
        } else {
            codeColumn = nil
        }
    }

    /// Reads from line index `start` (the line after the header); returns the index of the first
    /// line after the table.
    mutating func read(from start: Int) -> Int {
        var items: [Item] = []
        var i = start
        var blankRun = 0
        var pageBreakInRun = false
        while i < document.lines.count {
            let plain = document.plainLines[i]
            if plain.isEmpty || LineText.isBlank(plain) {
                items.append(.blank)
                blankRun += 1
                i += 1
                continue
            }
            if isArtifact(i) || SchemeParser.isTableHeader(plain) {
                pageBreakInRun = true
                i += 1
                continue
            }
            if SchemeUnitTable.endsTable(raw: document.lines[i], plain: plain) { break }
            let item = classify(i)
            // Two blank lines without a page break between them, then text that is no row:
            // the table is over and running text follows.
            if blankRun >= 2, !pageBreakInRun, case .text = item { break }
            blankRun = 0
            pageBreakInRun = false
            if let item { items.append(item) }
            i += 1
        }
        assemble(items)
        return i
    }

    /// A section heading, a numbered sub-heading (`6.2. Rincian Unit Kompetensi`) or a
    /// `Kode Unit :` detail line, none of them holding a code of their own.
    static func endsTable(raw: String, plain: String) -> Bool {
        let tokens = UnitRowParser.words(plain[...])
        if tokens.prefix(3).contains(where: { UnitRowParser.looksLikeUnitCode($0) }) { return false }
        if SchemeParser.topSection(raw) != nil { return true }
        if let first = tokens.first, isSubheadingNumber(first), tokens.count > 1,
            tokens[1].first?.isLetter == true
        {
            return true
        }
        if SchemeParser.value(of: "Kode Unit", in: plain) != nil
            || SchemeParser.value(of: "Judul Unit", in: plain) != nil
        {
            return true
        }
        return false
    }

    /// `6.2.` or `6.2`: a numbered sub-heading, not a row number.
    static func isSubheadingNumber(_ token: Substring) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let numbered = parts.last == "" ? parts.dropLast() : parts[...]
        return numbered.count >= 2 && numbered.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// What one line holds; nil for a line that is reported (and dropped) here.
    private mutating func classify(_ i: Int) -> Item? {
        let plain = document.plainLines[i]
        let line = i + 1
        let tokens = UnitRowParser.words(plain[...])
        if let k = tokens.firstIndex(where: { UnitRowParser.looksLikeUnitCode($0) }) {
            return codeLine(plain, tokens: tokens, at: k, line: line)
        }
        if let first = tokens.first, let number = UnitRowParser.rowNumber(first), inNumberColumn(i) {
            let text = TitleText.collapseWhitespace(String(plain[first.endIndex...]))
            return .numbered(line: line, number: number, text: text)
        }
        return .text(line: line, text: TitleText.collapseWhitespace(plain))
    }

    /// A line whose token `k` is code-shaped: a row when the code leads the line (after a row
    /// number, maybe glued on); anything else is reported.
    private mutating func codeLine(_ plain: String, tokens: [Substring], at k: Int, line: Int) -> Item? {
        let (glued, codeText) = UnitRowParser.splitGluedNumber(tokens[k])
        var number: Int?
        var leading = tokens[..<k]
        if let first = leading.first, let n = UnitRowParser.rowNumber(first) {
            number = n
            leading = leading.dropFirst()
        }
        if let glued {
            if number != nil || !leading.isEmpty {
                report("baris tabel unit tidak dapat dibaca (nomor dan kode bertumpuk): \(plain.prefix(80))", line)
                return nil
            }
            number = glued
        }
        if !leading.isEmpty {
            if leading.count == 1, leading.first == codeText.prefix(1) {
                report(
                    "kode unit rusak '\(leading.first!) \(codeText)' (huruf depan ganda); mungkin maksudnya \(codeText); baris dilewati",
                    line)
            } else {
                report("baris tabel unit tidak dapat dibaca (kode unit tidak di kolom kode): \(plain.prefix(80))", line)
            }
            return nil
        }
        let rest = plain[tokens[k].endIndex...]
        if let other = UnitRowParser.words(rest).first(where: { UnitRowParser.looksLikeUnitCode($0) }) {
            report("baris tabel unit berisi dua kode unit (\(codeText) dan \(other)); baris dilewati", line)
            return nil
        }
        return .code(
            line: line, number: number, code: UnitCode(String(codeText)),
            title: TitleText.collapseWhitespace(String(rest)))
    }

    /// Whether the line's first token stands left of the code column (a row number), rather
    /// than in the title column (a title that starts with a number).
    private func inNumberColumn(_ i: Int) -> Bool {
        let raw = document.lines[i]
        guard let codeColumn, !raw.contains("\t") else { return true }
        let indent = raw.prefix(while: { $0 == " " }).count
        return indent < codeColumn
    }

    private mutating func report(_ message: String, _ line: Int) {
        diagnostics.append(ImportIssue.unreadableRow.diagnostic(message, file: path, line: line, subject: subject))
    }

    // MARK: Putting rows together

    private mutating func assemble(_ items: [Item]) {
        var rows: [Row] = []
        var pending: Row?
        /// Text lines not yet given to a row (nil marks a blank line between them).
        var floating: [(line: Int, text: String)?] = []

        func flush(into next: Row?) -> Row? {
            var next = next
            let lines = floating.compactMap { $0 }
            floating = []
            guard !lines.isEmpty else { return next }
            var split = lines.count
            if var current = rows.last {
                let nextNeedsHead = next.map(SchemeUnitTable.needsHead) ?? false
                for (n, fragment) in lines.enumerated() {
                    if SchemeUnitTable.continues(fragment.text) || SchemeUnitTable.isOpen(current.title) {
                        current.lower.append(fragment)
                        continue
                    }
                    if nextNeedsHead, SchemeUnitTable.startsLikeTitle(fragment.text) {
                        split = n
                        break
                    }
                    current.lower.append(fragment)
                }
                rows[rows.count - 1] = current
            } else {
                split = 0
            }
            let down = lines[split...]
            if !down.isEmpty {
                if next != nil {
                    next!.upper = Array(down) + next!.upper
                } else {
                    // Text after the header before any row, with no row to go to.
                    for fragment in down
                    where fragment.text.split(separator: " ").contains(where: { UnitRowParser.looksLikeUnitCode($0) }) {
                        report("baris tabel unit tidak dapat dibaca: \(fragment.text.prefix(80))", fragment.line)
                    }
                }
            }
            return next
        }

        func closePending() {
            guard let row = pending else { return }
            pending = nil
            let text = row.title
            report(
                "baris tabel unit nomor \(row.number.map(String.init) ?? "?") tanpa kode unit"
                    + (text.isEmpty ? "" : ": \(text.prefix(80))") + "; baris dilewati", row.line)
        }

        for item in items {
            switch item {
            case .blank:
                if pending == nil { floating.append(nil) }
            case .numbered(let line, let number, let text):
                closePending()
                // A new row starts with its own title: what floats belongs to the row above.
                _ = flush(into: nil)
                var row = Row(number: number, line: line)
                if !text.isEmpty { row.upper.append((line, text)) }
                pending = row
            case .text(let line, let text):
                if pending != nil {
                    pending!.upper.append((line, text))
                } else {
                    floating.append((line, text))
                }
            case .code(let line, let number, let code, let title):
                var row: Row
                if var started = pending, number == nil || number == started.number {
                    pending = nil
                    started.line = line
                    started.code = code
                    started.codeTitle = title
                    row = started
                } else {
                    closePending()
                    row = Row(number: number, line: line, code: code, codeTitle: title)
                    row = flush(into: row)!
                }
                rows.append(row)
            }
        }
        closePending()
        _ = flush(into: nil)
        for row in rows {
            guard let code = row.code else { continue }
            let lines = row.fragmentLines
            units.append(
                SchemeUnit(
                    number: row.number, code: code, title: row.title, line: row.line,
                    continuationLines: lines.isEmpty ? nil : lines))
        }
    }

    /// Text that can only go on a title: lower case, or opening with punctuation.
    static func continues(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isLowercase || "(),;:-&/".contains(first) || (first.isLetter && !first.isUppercase)
    }

    static let connectors: Set<String> = [
        "dan", "atau", "di", "ke", "dari", "pada", "dalam", "untuk", "yang", "dengan", "antar", "serta", "bagi",
        "terhadap", "sesuai", "&", "-", "–",
    ]

    /// A title that cannot end here: a trailing comma, hyphen or connecting word, or an
    /// unclosed parenthesis.
    static func isOpen(_ title: String) -> Bool {
        let trimmed = LineText.trimmed(title)
        guard let last = trimmed.last else { return true }
        if last == "," || last == "-" || last == "/" { return true }
        if trimmed.filter({ $0 == "(" }).count > trimmed.filter({ $0 == ")" }).count { return true }
        let lastWord = trimmed.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return connectors.contains(lastWord)
    }

    /// Text that starts the way unit titles start: a capitalised verb (`Menerapkan`,
    /// `Mengkonfigurasi`, `Berkomunikasi`).
    static func startsLikeTitle(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase, let word = text.split(separator: " ").first else {
            return false
        }
        let lower = word.lowercased()
        return lower.count >= 5 && (lower.hasPrefix("me") || lower.hasPrefix("ber") || lower.hasPrefix("bek"))
    }

    /// A code line whose own title part cannot be a title's beginning: empty, or going on in
    /// lower case, with punctuation, or with a word that starts no title (`Security`,
    /// `Elektronik (E-Mail Client)`, `Editing)`).
    static func needsHead(_ row: Row) -> Bool {
        guard row.upper.isEmpty else { return false }
        let title = row.codeTitle
        if title.isEmpty { return true }
        if continues(title) { return true }
        if title.filter({ $0 == ")" }).count > title.filter({ $0 == "(" }).count { return true }
        return !startsLikeTitle(title)
    }
}

import Foundation
import SKKNICore

/// A line of layout text (`pdftotext -layout`, or the PDF reader's lines, which keep the same
/// column alignment) as words with the column each starts at: what the SKKNI reader uses to
/// tell the two columns of an element table apart.
struct LayoutLine {
    struct Word: Equatable {
        /// 0-based column of the word's first character (Unicode scalars from the line's start).
        var column: Int
        var text: Substring
    }

    /// Where a word stands: plain indices, so a line's words are one allocation with nothing
    /// to retain (a national catalogue splits millions of lines).
    struct Span: Equatable {
        var column: Int
        var range: Range<String.Index>
        /// The word's first UTF-8 byte.
        var lead: UInt8
    }

    /// The words of one line, each made (with its text) when asked for.
    struct Words: RandomAccessCollection, Equatable {
        let line: String
        let spans: [Span]

        var startIndex: Int { 0 }
        var endIndex: Int { spans.count }
        subscript(position: Int) -> Word { Word(column: spans[position].column, text: line[spans[position].range]) }

        static func == (a: Words, b: Words) -> Bool { a.elementsEqual(b) }

        /// `LayoutText.criterionNumber` of word `k`, the text made only for a word that starts
        /// with a digit: the reader asks it of most words of every table line.
        func criterionNumber(_ k: Int) -> (major: Int, minor: Int)? {
            let lead = spans[k].lead
            guard lead >= 0x30, lead <= 0x39 else { return nil }
            return LayoutText.criterionNumber(self[k].text)
        }

        /// `LayoutText.elementNumber` of word `k`, asked only of a word that starts with a digit.
        func elementNumber(_ k: Int, dotless: Bool = false) -> Int? {
            let lead = spans[k].lead
            guard lead >= 0x30, lead <= 0x39 else { return nil }
            return LayoutText.elementNumber(self[k].text, dotless: dotless)
        }
    }

    let words: Words

    init(_ line: String) {
        words = line.isASCIIText ? Self.asciiWords(line) : Self.scalarWords(line)
    }

    /// The words of any line, columns counted in Unicode scalars.
    static func scalarWords(_ line: String) -> Words {
        words(of: line, in: line.unicodeScalars) { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }

    /// The words of an ASCII line, where a byte is a column: the reader splits millions of
    /// lines at national scale, and decoding scalars was most of its time. Read from the
    /// line's contiguous bytes, as stepping through its UTF-8 view was still the most of it.
    static func asciiWords(_ line: String) -> Words {
        var spans: [Span] = []
        spans.reserveCapacity(16)
        let utf8 = line.utf8
        var contiguous = line
        contiguous.withUTF8 { bytes in
            let n = bytes.count
            var k = 0
            while k < n {
                while k < n, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                guard k < n else { break }
                let start = k
                while k < n, bytes[k] != 0x20, bytes[k] != 0x09 { k += 1 }
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                spans.append(
                    Span(column: start, range: lower..<utf8.index(lower, offsetBy: k - start), lead: bytes[start]))
            }
        }
        return Words(line: line, spans: spans)
    }

    /// Words separated by `isSpace`, each with the column (position in `view`) it starts at.
    private static func words<View: Collection>(
        of line: String, in view: View, isSpace: (View.Element) -> Bool
    ) -> Words where View.Index == String.Index {
        var spans: [Span] = []
        spans.reserveCapacity(16)
        var start: String.Index?
        var startColumn = 0
        var column = 0
        var index = view.startIndex
        while index != view.endIndex {
            if isSpace(view[index]) {
                if let s = start {
                    spans.append(Span(column: startColumn, range: s..<index, lead: line.utf8[s]))
                    start = nil
                }
            } else if start == nil {
                start = index
                startColumn = column
            }
            column += 1
            view.formIndex(after: &index)
        }
        if let s = start { spans.append(Span(column: startColumn, range: s..<line.endIndex, lead: line.utf8[s])) }
        return Words(line: line, spans: spans)
    }

    var isEmpty: Bool { words.isEmpty }
    var firstColumn: Int { words.spans.first?.column ?? 0 }

    /// The line's text from its first word to its last (what `LineText.trimmed` gives).
    var trimmedText: Substring {
        guard let first = words.spans.first, let last = words.spans.last else { return "" }
        return words.line[first.range.lowerBound..<last.range.upperBound]
    }

    /// The words from `index` on, joined by single spaces.
    func text(from index: Int, to end: Int? = nil) -> String {
        let end = end ?? words.count
        guard index < end else { return "" }
        return Self.joined(words[index..<end])
    }

    /// Words joined by single spaces, into one string grown once.
    static func joined(_ words: Slice<Words>) -> String {
        let (lower, upper) = (words.startIndex, words.endIndex)
        guard lower < upper else { return "" }
        let line = words.base.line
        let spans = words.base.spans
        let utf8 = line.utf8
        // Words already one space apart (most of a table's text): the run of the line as it is.
        var singleSpaced = true
        for k in lower..<(upper - 1) {
            let gap = spans[k].range.upperBound
            guard utf8[gap] == 0x20, utf8.index(after: gap) == spans[k + 1].range.lowerBound else {
                singleSpaced = false
                break
            }
        }
        let from = spans[lower].range.lowerBound
        let to = spans[upper - 1].range.upperBound
        if singleSpaced { return String(line[from..<to]) }
        var out = ""
        out.reserveCapacity(utf8.distance(from: from, to: to))
        for k in lower..<upper {
            if k > lower { out.append(" ") }
            out.append(contentsOf: line[spans[k].range])
        }
        return out
    }
}

/// Small recognisers shared by the SKKNI reader.
enum LayoutText {
    /// A page number on a line of its own: `12`, `- 15 -`, `-5-`.
    static func isPageNumber(_ plain: String) -> Bool {
        var s = Substring(plain)
        if s.hasPrefix("-"), s.hasSuffix("-"), s.count >= 3 {
            s = s.dropFirst().dropLast()
            s = s.drop(while: { $0 == " " })
            while s.last == " " { s = s.dropLast() }
        }
        return !s.isEmpty && s.count <= 4 && s.allSatisfy(\.isASCIIDigit)
    }

    /// `1.2` or `1.2.` -> (1, 2).
    static func criterionNumber(_ word: Substring) -> (major: Int, minor: Int)? {
        // On bytes: every word of every table line is asked, and most fail at the first byte.
        var bytes = word.utf8[...]
        guard let first = bytes.first, first >= 0x30, first <= 0x39, bytes.count <= 6 else { return nil }
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let majorDigits = bytes[..<dot]
        let minorDigits = bytes[bytes.index(after: dot)...]
        func value(_ digits: Substring.UTF8View.SubSequence) -> Int? {
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let major = value(majorDigits), let minor = value(minorDigits) else { return nil }
        return (major, minor)
    }

    /// `1.` (or `1` when `dotless`) -> 1.
    static func elementNumber(_ word: Substring, dotless: Bool = false) -> Int? {
        var w = word
        if w.utf8.last == UInt8(ascii: ".") {
            w = w.dropLast()
        } else if !dotless {
            return nil
        }
        // Up to three digits: an annex may list a hundred units or more.
        guard (1...3).contains(w.utf8.count), w.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(w)
    }

    /// `2.1.3` or `2.1.3.` or `2` -> [2, 1, 3]: an item number of limits and guidance (up to
    /// five parts of one or two digits). On bytes: every line of those sections is asked.
    static func itemNumber(_ word: Substring) -> [Int]? {
        var parts: [Int] = []
        var value = 0
        var digits = 0
        var bytes = word.utf8[...]
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return nil }
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                guard digits < 2 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte == UInt8(ascii: "."), digits > 0, parts.count < 4 {
                parts.append(value)
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        parts.append(value)
        return parts
    }

    /// Whether `next` can follow `previous` in a numbered outline: the next sibling of
    /// `previous` or of one of its ancestors, or its first child.
    static func follows(_ next: [Int], after previous: [Int]?) -> Bool {
        guard let previous else { return next.count == 1 || next.allSatisfy { $0 == 1 } }
        if next.count == previous.count + 1, next.last == 1, next.starts(with: previous) { return true }
        guard next.count <= previous.count, !next.isEmpty else { return false }
        return next.dropLast().elementsEqual(previous.prefix(next.count - 1))
            && next[next.count - 1] == previous[next.count - 1] + 1
    }

    /// A token that is meant as a unit code, well-formed or not: a capital letter, then
    /// letters, digits and dots, with at least two dots and four digits (`J.611000.001.01`,
    /// `M74DKV13.015.3`, `J.611.000.004.01`). A trailing `:` or `,` is not part of it.
    static func codeToken(_ word: Substring) -> Substring? {
        // On bytes: every word of a list row or a prerequisite is asked, and most fail at the
        // first byte. Every accepted byte is ASCII, so byte counts are character counts.
        let bytes = word.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let last = bytes[bytes.index(before: end)]
            guard
                last == UInt8(ascii: ":") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
                    || last == UInt8(ascii: ")")
            else { break }
            end = bytes.index(before: end)
        }
        let token = bytes[bytes.startIndex..<end]
        guard let first = token.first, first >= 0x41, first <= 0x5A, token.count >= 8,
            token.last != UInt8(ascii: ".")
        else { return nil }
        var dots = 0
        var digits = 0
        for byte in token {
            switch byte {
            case UInt8(ascii: "."): dots += 1
            case 0x30...0x39: digits += 1
            case 0x41...0x5A, 0x61...0x7A: break
            default: return nil
            }
        }
        guard dots >= 2, digits >= 4 else { return nil }
        return word[word.startIndex..<end]
    }

    /// The code at `words[index]`, joining a letter split from the rest (`J. 63OPR00.001.2`):
    /// the code and how many words it took.
    static func code(in words: LayoutLine.Words, at index: Int) -> (code: String, count: Int)? {
        guard index < words.count else { return nil }
        if let code = codeToken(words[index].text) { return (String(code), 1) }
        let w = words[index].text
        if w.count == 2, w.first!.isASCII, w.first!.isUppercase, w.last == ".", index + 1 < words.count,
            let rest = codeToken("X." + words[index + 1].text), rest.count > 2
        {
            return (String(w) + String(rest.dropFirst(2)), 2)
        }
        return nil
    }

    /// Wrapped pieces joined into one text: single spaces, line-break hyphens joined.
    static func join(_ pieces: [String]) -> String {
        // Most criteria and items are one line: no joining.
        if pieces.count == 1 { return TitleText.clean(pieces[0]) }
        return TitleText.clean(pieces.filter { !$0.isEmpty }.joined(separator: " "))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

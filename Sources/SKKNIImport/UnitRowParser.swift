import Foundation
import SKKNICore

/// Reads unit rows (`3.  N.78SPS02.028.2  Judul  N.78SPS02.019.2`) whatever separates the
/// columns: tabs in one place, spaces in another, or nothing left of a column at all.
enum UnitRowParser {
    struct Row {
        var number: Int?
        var code: UnitCode
        var title: String
        /// nil when the row has no prerequisite column (it may continue on the next line).
        var prerequisites: [UnitCode]?
    }

    /// True for tokens shaped like a unit code, valid or not: a capital letter, a dot, and
    /// four dot-separated parts of letters and digits (`C.290MM01.014.1` included). Such a
    /// token is all ASCII, so this reads bytes: any other byte is a no.
    static func isCodeLike(_ token: Substring) -> Bool {
        let bytes = token.utf8
        guard bytes.count >= 11, bytes.count <= 24, let first = bytes.first, (0x41...0x5A).contains(first)
        else { return false }
        var lengths = (0, 0, 0, 0)
        var part = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."):
                part += 1
                if part > 3 { return false }
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                switch part {
                case 0: lengths.0 += 1
                case 1: lengths.1 += 1
                case 2: lengths.2 += 1
                default: lengths.3 += 1
                }
            default: return false
            }
        }
        return part == 3 && lengths.0 == 1 && lengths.1 >= 5 && lengths.2 >= 2 && lengths.3 >= 1
    }

    /// Broader than `isCodeLike` (which it includes): anything a reader would take for a unit code, well formed
    /// or not, so that no such token inside a unit table passes unnoticed. `N.78SPS02.038.1`,
    /// `M.74100.001.02` (five-digit KBLI), `M74DKV13.015.3` (dot missing after the letter),
    /// `10N.78SPS02.003.1` (row number glued on) and the code of `J J.63OPR00.009.2`. Not
    /// document numbers (`2/1645/LP.00.01/XII/2021`, `SKM-LSPTKI-04-2022`) or section numbers.
    /// Shape: a capital letter first, three or four dot-separated parts of letters and digits,
    /// the last one or two digits, the one before it three digits, and at least five letters
    /// and digits (one a digit) ahead of those.
    static func looksLikeUnitCode(_ token: Substring) -> Bool {
        // Every shape accepted below has at least nine bytes and a dot: most words have neither.
        let raw = token.utf8
        guard raw.count >= 9, raw.contains(UInt8(ascii: ".")) else { return false }
        var text = token
        while let last = text.last, ",;:)".contains(last) { text = text.dropLast() }
        if text.hasPrefix("(") { text = text.dropFirst() }
        text = text.drop(while: { $0.isASCII && $0.isNumber })
        if isCodeLike(text) { return true }
        let bytes = text.utf8
        guard bytes.count >= 9, bytes.count <= 26, let first = bytes.first, (0x41...0x5A).contains(first) else {
            return false
        }
        guard
            bytes.allSatisfy({
                $0 == 0x2E || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
            })
        else { return false }
        let parts = bytes.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        let version = parts[parts.count - 1]
        let number = parts[parts.count - 2]
        guard version.count <= 2, version.allSatisfy({ (0x30...0x39).contains($0) }), number.count == 3,
            number.allSatisfy({ (0x30...0x39).contains($0) })
        else { return false }
        let head = parts[..<(parts.count - 2)].flatMap { $0 }
        return head.count >= 5 && head.contains { (0x30...0x39).contains($0) }
    }

    /// The code-shaped token of `token` without a row number glued in front (`10N.78SPS02.003.1`
    /// -> (10, `N.78SPS02.003.1`)) or the punctuation around it.
    static func splitGluedNumber(_ token: Substring) -> (number: Int?, code: Substring) {
        var text = token
        while let last = text.last, ",;:)".contains(last) { text = text.dropLast() }
        if text.hasPrefix("(") { text = text.dropFirst() }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return (nil, text) }
        return (Int(digits), text.dropFirst(digits.count))
    }

    /// Splits at spaces and tabs; on bytes for ASCII text, where bytes are the characters.
    static func words(_ text: Substring) -> [Substring] {
        if text.isASCIIText {
            return text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { Substring($0) }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// `12.` or `12` -> 12.
    static func rowNumber(_ token: Substring) -> Int? {
        let digits = token.hasSuffix(".") ? token.dropLast() : token
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let n = Int(digits) else { return nil }
        return n
    }

    /// Parses a decree or scheme row, given as its `LineText.plain` form; `expectPrerequisites`
    /// is false for scheme tables, which have no prerequisite column.
    static func parse(plain text: String, expectPrerequisites: Bool) -> Row? {
        let tokens = words(text[...])
        guard tokens.count >= 2 else { return nil }
        var index = 0
        let number = rowNumber(tokens[0])
        if number != nil { index = 1 }
        guard index < tokens.count, isCodeLike(tokens[index]) else { return nil }
        let code = UnitCode(String(tokens[index]))
        let rest = text[tokens[index].endIndex...]
        guard expectPrerequisites else {
            return Row(number: number, code: code, title: TitleText.collapseWhitespace(String(rest)), prerequisites: [])
        }
        let (title, prerequisites) = splitPrerequisites(rest)
        return Row(number: number, code: code, title: title, prerequisites: prerequisites)
    }

    /// Splits `Judul<TAB>Tidak ada` or `Judul N.1 N.2` into the title and its prerequisite codes.
    static func splitPrerequisites(_ rest: Substring) -> (title: String, prerequisites: [UnitCode]?) {
        let trimmed = LineText.trimmed(String(rest))
        if hasNoPrerequisiteMark(trimmed) {
            let title = trimmed.dropLast("tidak ada".count)
            return (TitleText.collapseWhitespace(String(title)), [])
        }
        var words = words(trimmed[...])
        var codes: [UnitCode] = []
        while let last = words.last, isCodeLike(last) {
            codes.insert(UnitCode(String(last)), at: 0)
            words.removeLast()
        }
        let title = words.joined(separator: " ")
        return (title, codes.isEmpty ? nil : codes)
    }

    /// `text.lowercased().hasSuffix("tidak ada")`, on bytes when the end of the text is ASCII.
    static func hasNoPrerequisiteMark(_ text: String) -> Bool {
        let mark = Array("tidak ada".utf8)
        let bytes = text.utf8
        guard bytes.count >= mark.count else { return text.lowercased().hasSuffix("tidak ada") }
        let tail = bytes.suffix(mark.count + 1)
        guard tail.allSatisfy({ $0 < 0x80 }) else { return text.lowercased().hasSuffix("tidak ada") }
        return zip(tail.suffix(mark.count), mark).allSatisfy { b, m in b.asciiLowercased == m }
    }
}

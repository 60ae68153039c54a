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

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
    /// four dot-separated parts of letters and digits (`C.290MM01.014.1` included).
    static func isCodeLike(_ token: Substring) -> Bool {
        guard token.count >= 11, token.count <= 24, let first = token.first, first.isUppercase, first.isASCII
        else { return false }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 1 else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } && parts[1].count >= 5 && parts[2].count >= 2
    }

    /// `12.` or `12` -> 12.
    static func rowNumber(_ token: Substring) -> Int? {
        let digits = token.hasSuffix(".") ? token.dropLast() : token
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let n = Int(digits) else { return nil }
        return n
    }

    /// Parses a decree or scheme row; `expectPrerequisites` is false for scheme tables,
    /// which have no prerequisite column.
    static func parse(_ line: String, expectPrerequisites: Bool) -> Row? {
        let text = LineText.plain(line)
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
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
        let lower = trimmed.lowercased()
        if lower.hasSuffix("tidak ada") {
            let title = trimmed.dropLast("tidak ada".count)
            return (TitleText.collapseWhitespace(String(title)), [])
        }
        var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var codes: [UnitCode] = []
        while let last = words.last, isCodeLike(last) {
            codes.insert(UnitCode(String(last)), at: 0)
            words.removeLast()
        }
        let title = words.joined(separator: " ")
        return (title, codes.isEmpty ? nil : codes)
    }
}

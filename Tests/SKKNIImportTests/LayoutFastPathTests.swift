import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// The SKKNI reader's byte paths give what their general forms give, on every line of the
/// real annexes' layout text (a national catalogue is read through the byte paths).
@Suite struct LayoutFastPathTests {
    static let lines: [String] = {
        let folder = StandardDecreeTests.folder
        return StandardDecreeTests.corpus.flatMap { entry -> [String] in
            let data = try! Data(contentsOf: folder.appendingPathComponent("\(entry.stem).txt"))
            return try! DocumentText(path: entry.stem, data: data).lines
        }
    }()

    @Test func asciiLinesSplitAsByScalars() {
        let ascii = Self.lines.filter(\.isASCIIText)
        #expect(ascii.count > 5000)
        for line in ascii {
            #expect(LayoutLine.asciiWords(line) == LayoutLine.scalarWords(line), "\(line)")
        }
    }

    @Test func blankLinesAsTheGeneralTest() {
        for line in Self.lines + ["", " \t ", "\u{A0}", " \u{2003} ", "a", " \u{0301}"] {
            #expect(LineText.isBlank(line) == line.allSatisfy(\.isWhitespace), "\(line.debugDescription)")
        }
    }

    @Test func pageNumbersOnWordsAsOnTheLine() {
        for line in Self.lines + ["   - 15 -", "-5-", "        12", "1.", "2020", "  - 3", "12345"] {
            let layout = LayoutLine(line)
            #expect(
                StandardDecreeParser.isPageNumber(layout)
                    == StandardDecreeParser.isPageNumber(line, column: layout.firstColumn), "\(line)")
        }
    }

    /// The code test as it was written on characters, before the byte path.
    static func codeTokenByCharacters(_ word: Substring) -> Substring? {
        var w = word
        while let last = w.last, last == ":" || last == "," || last == ";" || last == ")" { w = w.dropLast() }
        guard let first = w.first, first.isASCII, first.isUppercase, w.count >= 8 else { return nil }
        var dots = 0
        var digits = 0
        for ch in w {
            guard ch.isASCII, ch.isLetter || ch.isNumber || ch == "." else { return nil }
            if ch == "." { dots += 1 }
            if ch.isNumber { digits += 1 }
        }
        guard dots >= 2, digits >= 4, w.last != "." else { return nil }
        return w
    }

    @Test func codesOnBytesAsOnCharacters() {
        var codes = 0
        let edges = [
            "J.611000.001.01:", "M74DKV13.015.3),", "J.62DMI00.001.1.", "j.611000.001.01", "J.611000.0é1.01",
            "J.61100\u{301}0.001.01", "É.611000.001.01", "J.611-000.001.01", "J.6.1", "ABCDEFGH", "J..0000..", ":",
        ]
        for line in Self.lines + edges {
            for word in LayoutLine(line).words {
                let token = LayoutText.codeToken(word.text)
                #expect(token == Self.codeTokenByCharacters(word.text), "\(word.text)")
                if token != nil { codes += 1 }
            }
        }
        #expect(codes > 250)
    }

    /// Joining words on the line's own run (when they are one space apart) as word by word.
    @Test func wordsJoinAsOneByOne() {
        for line in Self.lines + ["a  b c", "a\tb c", "x\u{A0}y z", "  é  ü ", "one"] {
            let words = LayoutLine(line).words
            for start in 0..<words.count {
                #expect(
                    LayoutLine.joined(words[start...]) == words[start...].map(\.text).joined(separator: " "),
                    "\(line)")
            }
        }
    }

    @Test func itemNumbersAndTheirOrder() {
        #expect(LayoutText.itemNumber("2.1.3.") == [2, 1, 3])
        #expect(LayoutText.itemNumber("01.2") == [1, 2])
        #expect(LayoutText.itemNumber("1") == [1])
        for word in ["1..2", ".1", "1.2.3.4.5.6", "123", "1.a", "", "1.."] {
            #expect(LayoutText.itemNumber(Substring(word)) == nil, "\(word)")
        }
        #expect(LayoutText.follows([1], after: nil))
        #expect(LayoutText.follows([1, 1], after: nil))
        #expect(LayoutText.follows([2], after: nil))
        #expect(!LayoutText.follows([1, 2], after: nil))
        #expect(LayoutText.follows([2, 1], after: [2]))
        #expect(LayoutText.follows([2, 2], after: [2, 1]))
        #expect(LayoutText.follows([3], after: [2, 1, 4]))
        #expect(!LayoutText.follows([2, 3], after: [2, 1]))
        #expect(!LayoutText.follows([1, 2], after: [2]))
    }
}

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

import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// The importer reads most lines on bytes; every such shortcut must answer as the general
/// (Character and Foundation) form it replaced, on the seeds and on awkward generated text.
@Suite struct LineTextFastPathTests {
    /// The previous, Character-based test for code-shaped tokens.
    static func isCodeLikeByCharacters(_ token: Substring) -> Bool {
        guard token.count >= 11, token.count <= 24, let first = token.first, first.isUppercase, first.isASCII
        else { return false }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 1 else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } && parts[1].count >= 5 && parts[2].count >= 2
    }

    /// The citation title cut with Foundation's search for every marker (before the prefilter).
    static func endOfCitationTitleBySearching(_ title: String) -> String {
        var end = title.endIndex
        for marker in [", Keputusan", " dan Keputusan", ". ", "; ", ", dan "] {
            if let r = title.range(of: marker, options: .caseInsensitive), r.lowerBound < end { end = r.lowerBound }
        }
        var result = String(title[..<end])
        while result.hasSuffix(".") || result.hasSuffix(",") { result.removeLast() }
        return result
    }

    static func samples() throws -> [String] {
        var lines: [String] = []
        let sources = Seeds.root.appendingPathComponent("Tests/Fixtures/seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: sources.path) where name.hasSuffix(".txt") {
            lines += try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let pieces = [
            "tidak ada", "TIDAK ADA", "Tidak Ada", "N.78SPS02.001.1", "C.290MM01.014.1", "M.702090.001.01",
            "N.78SPS02.O22.2", "kompetensi inti", "KOMPETENSI PILIHAN", "DAFTAR UNIT KOMPETENSI", "disahkan",
            "Dikembangkan oleh ", "nomor dokumen", " ", "\t", ".", "é", "\u{301}", "İ", "ı", "\u{212A}", "ß", "a",
            "Z", "12.", "3", "Menteri Ketenagakerjaan", "x.y.z.w", "\u{200D}", "\u{A0}", "\u{2003}", "  ", "\t\t",
            ", Keputusan", " DAN KEPUTUSAN", ". ", "; ", ", dan ", ", DaN ", "SKEMA SERTIFIKASI", "Keputusan Menteri",
        ]
        var random = SeededRandom(seed: 2026)
        for _ in 0..<4000 {
            lines.append(
                (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        return lines
    }

    @Test func byteShortcutsAnswerAsTheGeneralForms() throws {
        let lines = try Self.samples()
        #expect(lines.count > 4500)
        var codeLike = 0
        for line in lines {
            let d = line.debugDescription
            #expect(LineText.trimmed(line) == line.trimmingCharacters(in: .whitespaces), "\(d)")
            for needle in ["dikembangkan oleh ", "disahkan", "nomor dokumen", "unit kompetensi"] {
                #expect(LineText.containsFolded(line, needle) == line.lowercased().contains(needle), "\(d) \(needle)")
            }
            for prefix in ["DAFTAR UNIT KOMPETENSI", "KOMPETENSI INTI", "MENTERI KETENAGAKERJAAN"] {
                #expect(LineText.hasUppercasedPrefix(line, prefix) == line.uppercased().hasPrefix(prefix), "\(d)")
            }
            #expect(LineText.hasLowercasedPrefix(line, "disahkan") == line.lowercased().hasPrefix("disahkan"), "\(d)")
            for prefix in ["KEPUTUSAN MENTERI", "SKEMA SERTIFIKASI"] {
                #expect(LineText.hasUppercasedPrefix(line, prefix) == line.uppercased().hasPrefix(prefix), "\(d)")
            }
            #expect(SchemeParser.endOfCitationTitle(line) == Self.endOfCitationTitleBySearching(line), "\(d)")
            #expect(
                UnitRowParser.hasNoPrerequisiteMark(line) == line.lowercased().hasSuffix("tidak ada"), "\(d)")
            #expect(
                UnitRowParser.words(line[...]) == line.split(whereSeparator: { $0 == " " || $0 == "\t" }), "\(d)")
            for token in UnitRowParser.words(line[...]) + [line[...]] {
                #expect(
                    UnitRowParser.isCodeLike(token) == Self.isCodeLikeByCharacters(token), "\(token.debugDescription)")
                if Self.isCodeLikeByCharacters(token) { codeLike += 1 }
            }
        }
        #expect(codeLike > 500)
    }

    @Test func byteLineSplittingAnswersAsTheScalarWalk() throws {
        let pieces = [
            "baris", "\n", "\r", "\r\n", "\n\r", "\t", "\u{1B}[31m", "\u{0B}", "\u{0C}", "\u{7F}", "\u{85}", "\u{9F}",
            "\u{A0}", "é", "\u{301}", "\u{0}", "ß", " ",
        ]
        var random = SeededRandom(seed: 11)
        var texts = [try Self.samples().joined(separator: "\n"), "", "\n", "\r\n", "a\r", "a\n\n"]
        for _ in 0..<3000 {
            texts.append(
                (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            #expect(DocumentText.splitLines(text) == DocumentText.splitLinesGeneral(text), "\(text.debugDescription)")
        }
    }

    /// The eight-byte ASCII path of the UTF-8 check finds a bad byte wherever it stands
    /// relative to the eight-byte steps, and lets well-formed sequences pass.
    @Test func utf8CheckFindsTheFirstBadByteAfterAnyASCIIRun() {
        let sequences: [(bytes: [UInt8], valid: Bool)] = [
            ([0xFF], false), ([0x80], false), ([0xC3, 0xA9], true), ([0xC3], false), ([0xE2, 0x82, 0xAC], true),
            ([0xE2, 0x82], false), ([0xED, 0xA0, 0x80], false), ([0xF0, 0x9F, 0x98, 0x80], true),
            ([0xC0, 0xAF], false),
        ]
        for prefix in 0..<20 {
            for after in [0, 1, 9] {
                for sequence in sequences {
                    let bytes =
                        [UInt8](repeating: UInt8(ascii: "a"), count: prefix) + sequence.bytes
                        + [UInt8](repeating: UInt8(ascii: "b"), count: after)
                    // What the standard library's validation says, as the byte offset.
                    let expected = sequence.valid ? nil : prefix
                    #expect(String(validating: bytes, as: UTF8.self) == nil ? expected != nil : expected == nil)
                    #expect(DocumentText.firstInvalidUTF8(bytes) == expected, "\(prefix) \(sequence.bytes) \(after)")
                }
            }
        }
    }
}

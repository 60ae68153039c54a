import Foundation
import SKKNICore

public typealias FuzzRandom = SeededRandom

/// Text the site must never emit unescaped; the fuzzer plants it in titles, codes and names.
public enum HostileText {
    public static let markers = ["<x-fuzz", "<img src=x"]
    static let payloads = [
        "\"><img src=x onerror=alert(1)><x-fuzz>",
        "<script>alert(1)</script><x-fuzz>",
        "javascript:alert(1)",
        "../../../etc/passwd",
        "..\\..\\windows\\x",
        "N.78SPS02/../../x.1",
        "'\"><x-fuzz a='",
        "\u{202E}gnp.exe",
        "\u{0007}\u{001B}[31m\u{0008}",
    ]
}

/// Ways PDF extraction, OCR, Word and hostile authors damage a document.
public enum Mutation: String, CaseIterable, Sendable {
    case truncate, deleteLines, duplicateLines, swapColumns, flipBytes, hugeLine, insertNUL, invalidUTF8
    case utf16, utf8BOM, lineEndings, randomUnicode, deepNumbering, hostileText, repeatHeadings, shuffleLines
    case longCode, controlCharacters

    /// Applies the mutation to `bytes`. Encoding changes are kept for last by `Mutator`.
    func apply(to bytes: inout [UInt8], random: inout FuzzRandom) {
        switch self {
        case .truncate:
            if !bytes.isEmpty { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &random)) }
        case .deleteLines:
            var lines = Mutator.lines(bytes)
            guard !lines.isEmpty else { return }
            let start = Int.random(in: 0..<lines.count, using: &random)
            lines.removeSubrange(start..<min(lines.count, start + Int.random(in: 1...20, using: &random)))
            bytes = Mutator.join(lines)
        case .duplicateLines:
            var lines = Mutator.lines(bytes)
            guard !lines.isEmpty else { return }
            let start = Int.random(in: 0..<lines.count, using: &random)
            let range = start..<min(lines.count, start + Int.random(in: 1...40, using: &random))
            lines.insert(contentsOf: lines[range], at: Int.random(in: 0...lines.count, using: &random))
            bytes = Mutator.join(lines)
        case .swapColumns:
            var lines = Mutator.lines(bytes)
            for _ in 0..<Int.random(in: 1...10, using: &random) where !lines.isEmpty {
                let i = Int.random(in: 0..<lines.count, using: &random)
                var fields = lines[i].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map(
                    Array.init)
                if fields.count > 1 {
                    let a = Int.random(in: 0..<fields.count, using: &random)
                    let b = Int.random(in: 0..<fields.count, using: &random)
                    fields.swapAt(a, b)
                    lines[i] = Array(fields.joined(separator: [UInt8(ascii: random.next() % 2 == 0 ? " " : "\t")]))
                }
            }
            bytes = Mutator.join(lines)
        case .flipBytes:
            for _ in 0..<Int.random(in: 1...12, using: &random) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &random)
                bytes[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            }
        case .hugeLine:
            let unit = Array(
                ["N.78SPS02.075.1 ", "Asesmen ", "a", "-", "1. ", "\t"].randomElement(using: &random)!.utf8)
            let count = Int.random(in: 10_000...300_000, using: &random) / unit.count
            Mutator.insertLine(Array([[UInt8]](repeating: unit, count: count).joined()), into: &bytes, random: &random)
        case .insertNUL:
            bytes.insert(0, at: Int.random(in: 0...bytes.count, using: &random))
        case .invalidUTF8:
            let junk: [[UInt8]] = [
                [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x81],
            ]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes.insert(
                    contentsOf: junk.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random)
                )
            }
        case .utf16, .utf8BOM:
            break  // applied by Mutator after the others
        case .lineEndings:
            let ending: [UInt8] = random.next() % 2 == 0 ? [0x0D, 0x0A] : [0x0D]
            bytes = Mutator.join(Mutator.lines(bytes), separator: ending)
        case .randomUnicode:
            let specials: [Unicode.Scalar] = [
                "\u{0301}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{1F600}", "\u{0E01}", "\u{FFFD}", "\u{10FFFF}",
                "\u{2028}", "\u{0085}", "\u{00A0}", "\u{3000}", "ǅ", "ß", "İ",
            ]
            for _ in 0..<Int.random(in: 1...30, using: &random) {
                let scalar =
                    random.next() % 2 == 0
                    ? specials.randomElement(using: &random)!
                    : Unicode.Scalar(UInt32.random(in: 0x20...0xD7FF, using: &random))!
                bytes.insert(
                    contentsOf: Array(String(Character(scalar)).utf8), at: Mutator.lineStart(in: bytes, random: &random)
                )
            }
        case .deepNumbering:
            let depth = Int.random(in: 50...3000, using: &random)
            let shapes = [
                (1...depth).map { _ in "1." }.joined() + " Unit",
                String(repeating: "- ", count: depth) + "N.78SPS02.075.1 Judul",
                (1...depth).map { "\($0)) " }.joined(),
                String(repeating: "a. ", count: depth),
                String(repeating: "(", count: depth) + String(repeating: ")", count: depth),
            ]
            Mutator.insertLine(Array(shapes.randomElement(using: &random)!.utf8), into: &bytes, random: &random)
        case .hostileText:
            var lines = Mutator.lines(bytes)
            for _ in 0..<Int.random(in: 1...8, using: &random) where !lines.isEmpty {
                let i = Int.random(in: 0..<lines.count, using: &random)
                let payload = Array(HostileText.payloads.randomElement(using: &random)!.utf8)
                // Put it after a code-looking token, or replace a word, so it lands in titles and names.
                var fields = lines[i].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map(
                    Array.init)
                let at = Int.random(in: 0...fields.count, using: &random)
                if at < fields.count, random.next() % 3 == 0 {
                    fields[at] = payload
                } else {
                    fields.insert(payload, at: at)
                }
                lines[i] = Array(fields.joined(separator: [UInt8(ascii: " ")]))
            }
            bytes = Mutator.join(lines)
        case .repeatHeadings:
            let headings = [
                "No Kode Unit Judul Unit", "A. JENJANG KUALIFIKASI 4 KELOMPOK ASESOR", "Daftar Unit Kompetensi",
                "SKEMA SERTIFIKASI", "| No | Kode Unit | Judul Unit |", "LAMPIRAN", "MENTERI KETENAGAKERJAAN",
                "KEPUTUSAN MENTERI KETENAGAKERJAAN", "NOMOR 3 TAHUN 2021", "Unit Kompetensi Inti", "Persyaratan",
            ]
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                Mutator.insertLine(Array(headings.randomElement(using: &random)!.utf8), into: &bytes, random: &random)
            }
        case .shuffleLines:
            var lines = Mutator.lines(bytes)
            guard lines.count > 2 else { return }
            let start = Int.random(in: 0..<lines.count, using: &random)
            let end = min(lines.count, start + Int.random(in: 2...60, using: &random))
            lines[start..<end].shuffle(using: &random)
            bytes = Mutator.join(lines)
        case .longCode:
            let code =
                "N.78SPS02." + String(repeating: "0", count: Int.random(in: 3...5000, using: &random))
                + ".1 Judul Panjang"
            Mutator.insertLine(Array("1. \(code)".utf8), into: &bytes, random: &random)
        case .controlCharacters:
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                let control = UInt8.random(in: 1...31, using: &random)
                bytes.insert(control, at: Int.random(in: 0...bytes.count, using: &random))
            }
        }
    }
}

/// Applies one to four mutations chosen by the random source.
public enum Mutator {
    public static func mutate(_ data: Data, random: inout FuzzRandom) -> (data: Data, mutations: [Mutation]) {
        var bytes = [UInt8](data)
        var chosen: [Mutation] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            chosen.append(Mutation.allCases.randomElement(using: &random)!)
        }
        for mutation in chosen { mutation.apply(to: &bytes, random: &random) }
        if chosen.contains(.utf8BOM) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        if chosen.contains(.utf16) {
            // Re-encode what decodes; keep damaged bytes damaged (as a broken export would).
            let text = String(decoding: bytes, as: UTF8.self)
            let little = random.next() % 2 == 0
            bytes = (little ? [0xFF, 0xFE] : [0xFE, 0xFF])
            for unit in text.utf16 {
                bytes += little ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
        }
        return (Data(bytes), chosen)
    }

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[UInt8]], separator: [UInt8] = [0x0A]) -> [UInt8] {
        Array(lines.joined(separator: separator))
    }

    static func lineStart(in bytes: [UInt8], random: inout FuzzRandom) -> Int {
        guard !bytes.isEmpty else { return 0 }
        var i = Int.random(in: 0..<bytes.count, using: &random)
        while i > 0, bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }

    static func insertLine(_ line: [UInt8], into bytes: inout [UInt8], random: inout FuzzRandom) {
        bytes.insert(contentsOf: line + [0x0A], at: lineStart(in: bytes, random: &random))
    }
}

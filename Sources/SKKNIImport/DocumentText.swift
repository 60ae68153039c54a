import Foundation
import SKKNICore

/// A document's text, decoded and split into lines, with its path for diagnostics.
public struct DocumentText: Sendable {
    public let path: String
    public let lines: [String]
    /// `LineText.plain` of each line, worked out once: classifying and parsing look at every
    /// line's plain form several times.
    /// Empty when the text was read only to be shown (`readingPlainLines: false`).
    public let plainLines: [String]
    public let encoding: String
    /// Where each line is in a document without lines of its own (a .docx: `tabel 1 baris 4`,
    /// a PDF: `halaman 3 baris 12`).
    public let places: [String]?
    /// What the reader noticed while turning the file into lines (a PDF page without a text
    /// layer), reported with the document's other import diagnostics.
    public var readerNotes: [Diagnostic] = []
    /// Running headers and footers the reader left out of the lines (a PDF's), once each: a
    /// scheme may name itself only there (`SKEMA SERTIFIKASI JUNIOR WEB DEVELOPER  3`).
    public var furniture: [String] = []

    public init(path: String, text: String, encoding: String = "UTF-8", readingPlainLines: Bool = true) {
        self.init(
            path: path, lines: DocumentText.splitLines(text), encoding: encoding, readingPlainLines: readingPlainLines)
    }

    private init(path: String, lines: [String], encoding: String, readingPlainLines: Bool) {
        self.path = path
        self.encoding = encoding
        self.lines = lines
        self.plainLines = readingPlainLines ? lines.map(LineText.plain) : []
        self.places = nil
    }

    public init(path: String, lines: [String], places: [String]?, encoding: String) {
        self.path = path
        self.lines = lines
        self.plainLines = lines.map(LineText.plain)
        self.places = places
        self.encoding = encoding
    }

    /// Decodes bytes as UTF-8 (with or without BOM) or UTF-16 (with BOM). Text without a BOM
    /// whose non-ASCII bytes are never valid UTF-8 is read as Windows-1252, which is what Word
    /// and PDF tools on Windows export. Anything else is rejected at the line of the first bad
    /// byte rather than decoded into mojibake: NUL bytes (binary, or UTF-16 without BOM), UTF-8
    /// that breaks off midway, bytes Windows-1252 leaves undefined, unpaired UTF-16 surrogates.
    ///
    /// `readingPlainLines: false` leaves `plainLines` empty, for a text read only to show its
    /// lines (a source page, the lines under findings: a third of the reading's cost).
    public init(path: String, data: Data, readingPlainLines: Bool = true) throws(ImportError) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let bad = DocumentText.firstInvalidUTF8(body) {
                throw ImportError(
                    file: path, line: DocumentText.lineNumber(of: bad, in: body),
                    message: "berkas ber-BOM UTF-8 tetapi byte ke-\(bad + 4) bukan UTF-8 yang sah")
            }
            self.init(
                path: path, lines: body.withUnsafeBufferPointer(DocumentText.splitLines), encoding: "UTF-8",
                readingPlainLines: readingPlainLines)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let text = try DocumentText.decodeUTF16(Array(bytes.dropFirst(2)), littleEndian: little, path: path)
            self.init(
                path: path, text: text, encoding: little ? "UTF-16LE" : "UTF-16BE", readingPlainLines: readingPlainLines
            )
        } else if let nul = bytes.firstIndex(of: 0) {
            throw ImportError(
                file: path, line: DocumentText.lineNumber(of: nul, in: bytes),
                message:
                    "berkas berisi byte NUL: bukan teks (UTF-16 tanpa BOM atau berkas biner?); simpan sebagai UTF-8")
        } else if let bad = DocumentText.firstInvalidUTF8(bytes) {
            if DocumentText.containsMultibyteUTF8(bytes) {
                throw ImportError(
                    file: path, line: DocumentText.lineNumber(of: bad, in: bytes),
                    message: String(
                        format:
                            "UTF-8 rusak: byte 0x%02X tidak sah (teks lain di berkas ini UTF-8); simpan ulang sebagai UTF-8",
                        bytes[bad]))
            }
            if let undefined = bytes.firstIndex(where: { DocumentText.cp1252Undefined.contains($0) }) {
                throw ImportError(
                    file: path, line: DocumentText.lineNumber(of: undefined, in: bytes),
                    message: String(
                        format:
                            "byte 0x%02X bukan UTF-8 dan tidak terdefinisi dalam Windows-1252; simpan ulang sebagai UTF-8",
                        bytes[undefined]))
            }
            self.init(
                path: path, text: DocumentText.decodeWindows1252(bytes), encoding: "Windows-1252",
                readingPlainLines: readingPlainLines)
        } else {
            // Valid UTF-8, split on its bytes: decoding the whole text first was one more copy
            // and check of every document.
            self.init(
                path: path, lines: bytes.withUnsafeBufferPointer(DocumentText.splitLines), encoding: "UTF-8",
                readingPlainLines: readingPlainLines)
        }
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidUTF8)
    }

    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time: nearly every document is nearly all ASCII.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }

    /// Whether some well-formed multi-byte UTF-8 sequence occurs (then the file is meant as UTF-8).
    static func containsMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        for i in bytes.indices where bytes[i] >= 0xC2 && bytes[i] <= 0xF4 {
            let length = bytes[i] < 0xE0 ? 2 : bytes[i] < 0xF0 ? 3 : 4
            if i + length <= bytes.count, firstInvalidUTF8(Array(bytes[i..<(i + length)])) == nil { return true }
        }
        return false
    }

    /// 1-based line of a byte offset (counting LF, and CR not followed by LF).
    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
            i += 1
        }
        return line
    }

    static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, path: String) throws(ImportError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var line = 1
        var i = 0
        while i + 1 < bytes.count {
            let unit =
                littleEndian
                ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            units.append(unit)
            i += 2
        }
        var previousCR = false
        var k = 0
        while k < units.count {
            let unit = units[k]
            if unit == 0 {
                throw ImportError(file: path, line: line, message: "berkas UTF-16 berisi karakter NUL: bukan teks")
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else {
                    throw ImportError(
                        file: path, line: line, message: "berkas ber-BOM UTF-16 tetapi ada surrogate tanpa pasangan")
                }
                k += 2
                previousCR = false
                continue
            }
            if (0xDC00...0xDFFF).contains(unit) {
                throw ImportError(
                    file: path, line: line, message: "berkas ber-BOM UTF-16 tetapi ada surrogate tanpa pasangan")
            }
            if unit == 0x0A, !previousCR { line += 1 }
            if unit == 0x0D { line += 1 }
            previousCR = unit == 0x0D
            k += 1
        }
        if bytes.count % 2 != 0 {
            throw ImportError(
                file: path, line: line, message: "berkas ber-BOM UTF-16 tetapi panjangnya ganjil (terpotong?)")
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Lines at CR, LF or CRLF, control characters made visible. On UTF-8 bytes: a line with
    /// no control character (nearly all) is taken as it is, others go through `visible`.
    static func splitLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8(splitLines)
    }

    /// `splitLines` of valid UTF-8 bytes.
    static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var lines: [String] = []
        var start = 0
        var i = 0
        var hasControl = false
        func endLine(at end: Int) {
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if hasControl {
                var visibleLine = ""
                for scalar in line.unicodeScalars { visibleLine.unicodeScalars.append(visible(scalar)) }
                lines.append(visibleLine)
            } else {
                lines.append(line)
            }
            hasControl = false
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x0D:
                endLine(at: i)
                i += 1
                if i < bytes.count, bytes[i] == 0x0A { i += 1 }
                start = i
                continue
            case 0x0A:
                endLine(at: i)
                start = i + 1
            case 0x09: break
            case 0x00...0x1F, 0x7F: hasControl = true
            // U+0080...U+009F (C1 controls) are C2 80...C2 9F in UTF-8.
            case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]): hasControl = true
            default: break
            }
            i += 1
        }
        if start < bytes.count { endLine(at: bytes.count) }
        return lines
    }

    /// `splitLines` scalar by scalar: what the byte path must equal (tested).
    static func splitLinesGeneral(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                lines.append(current)
                current = ""
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR {
                    lines.append(current)
                    current = ""
                }
            default:
                current.unicodeScalars.append(visible(scalar))
            }
            previousWasCR = false
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Control characters would reach terminals (`\u{1B}[…` escapes) and pages as they are:
    /// C0 controls become their visible Control Pictures (ESC -> ␛), form and vertical feeds
    /// (PDF page breaks) a space, C1 controls U+FFFD. Tabs separate columns and stay.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: scalar
        case 0x0B, 0x0C: " "
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\u{FFFD}"
        default: scalar
        }
    }

    /// Windows-1252 bytes 0x80...0x9F differ from Latin-1; the rest map one to one.
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Bytes Windows-1252 does not define.
    static let cp1252Undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Line `n` (1-based), or an empty string outside the document.
    public func line(_ n: Int) -> String { n >= 1 && n <= lines.count ? lines[n - 1] : "" }

    /// The place of line `n` in the document, for documents that have places (.docx).
    public func place(_ n: Int) -> String? {
        guard let places, n >= 1, n <= places.count else { return nil }
        return places[n - 1]
    }

    /// Line `n` as a message names it: `baris 12` in a text file, its place in a PDF or .docx
    /// (`halaman 3 baris 4`), whose line numbers are the importer's own.
    public func lineName(_ n: Int) -> String { place(n) ?? "baris \(n)" }

    /// Line `n` as shown under a finding: prefixed with its place when the document has places,
    /// since the line number of a .docx means nothing in Word.
    public func shownLine(_ n: Int) -> String {
        guard let place = place(n) else { return line(n) }
        return "[\(place)] " + line(n)
    }
}

/// A document that cannot be imported at all.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): galat: \(message)" }
        return "\(file): galat: \(message)"
    }
}

/// Helpers for PDF-extracted lines.
enum LineText {
    /// The line without `**`, leading list markers (`- `) and surrounding whitespace.
    static func plain(_ line: String) -> String {
        var s = trimmed(withoutBold(line))
        // The byte first: String's prefix test compares characters, and this runs on every line.
        while s.utf8.first == UInt8(ascii: "-"), s.hasPrefix("- ") || s == "-" {
            s = trimmed(String(s.dropFirst(2)))
        }
        return s
    }

    /// `trimmingCharacters(in: .whitespaces)`, which is slow on Linux: spaces and tabs are
    /// cut on bytes; when what remains starts or ends with a non-ASCII byte (another kind of
    /// space, or a mark that Foundation would see differently) the general form decides.
    static func trimmed(_ s: String) -> String {
        let bytes = s.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start != end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start != end {
            let before = bytes.index(before: end)
            guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
            end = before
        }
        if start != end, bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 { return trimmedGeneral(s) }
        return start == bytes.startIndex && end == bytes.endIndex ? s : String(s[start..<end])
    }

    static func trimmedGeneral(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        func isSpace(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || (c.value >= 0x80 && c.properties.generalCategory == .spaceSeparator)
        }
        guard isSpace(first) || isSpace(last) else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// `line` without `**`. Most lines have none; Foundation's replacingOccurrences is slow
    /// on Linux, so look at the bytes first (this runs for every line several times).
    static func withoutBold(_ line: String) -> String {
        guard line.containsByte(UInt8(ascii: "*")) else { return line }
        return line.replacingOccurrences(of: "**", with: "")
    }

    /// Whether `text` contains the ASCII `needle`, ignoring ASCII case: a byte scan that lets
    /// the parsers skip Foundation's slow case-insensitive search on lines that cannot match.
    static func mentions(_ text: String, _ needle: String) -> Bool {
        var bytes = needle
        return bytes.withUTF8 { pattern in
            guard ASCIIScan.isASCII(pattern) else { return mentionsGeneral(text, needle) }
            // Native strings are contiguous UTF-8: scan them in place, without a copy.
            return text.utf8.withContiguousStorageIfAvailable { ASCIIScan.containsFolded($0, pattern) }
                ?? Array(text.utf8).withUnsafeBufferPointer { ASCIIScan.containsFolded($0, pattern) }
        }
    }

    /// `text.range(of: needle, options: .caseInsensitive, range: from..<text.endIndex)`: on
    /// bytes when both are ASCII (where Foundation's case folding is the byte fold), which is
    /// nearly always and many times faster than Foundation on Linux.
    static func range(ofFolded needle: String, in text: String, from: String.Index? = nil) -> Range<String.Index>? {
        let start = from ?? text.startIndex
        guard text.isASCIIText, needle.isASCIIText else {
            return text.range(of: needle, options: .caseInsensitive, range: start..<text.endIndex)
        }
        var text = text
        var needle = needle
        let utf8 = text.utf8
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        let found = text.withUTF8 { bytes in
            needle.withUTF8 { pattern in ASCIIScan.firstFolded(pattern, in: bytes, from: offset) }
        }
        guard let found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: found)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// `mentions` for a needle with non-ASCII letters: its lowercase form, scanned as bytes.
    static func mentionsGeneral(_ text: String, _ needle: String) -> Bool {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty else { return true }
        let bytes = text.utf8.map(\.asciiLowercased)
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start..<start + pattern.count].elementsEqual(pattern)
        {
            return true
        }
        return false
    }

    /// `text.lowercased().contains(needle)` for a lowercase ASCII needle. On bytes when the
    /// text is ASCII (nearly every line), where the two are the same; through Foundation else.
    static func containsFolded(_ text: String, _ needle: String) -> Bool {
        text.isASCIIText ? mentions(text, needle) : text.lowercased().contains(needle)
    }

    /// `text.uppercased().hasPrefix(prefix)` for an uppercase ASCII prefix.
    static func hasUppercasedPrefix(_ text: String, _ prefix: String) -> Bool {
        hasASCIIPrefixIgnoringCase(text, prefix) { text.uppercased().hasPrefix(prefix) }
    }

    /// `text.lowercased().hasPrefix(prefix)` for a lowercase ASCII prefix.
    static func hasLowercasedPrefix(_ text: String, _ prefix: String) -> Bool {
        hasASCIIPrefixIgnoringCase(text, prefix) { text.lowercased().hasPrefix(prefix) }
    }

    /// Compares on bytes while the text is ASCII (where upper- and lowercasing agree with a
    /// byte fold); a non-ASCII byte in the prefix's reach, or right after it (a combining mark
    /// would join the last character), leaves the answer to `general`.
    private static func hasASCIIPrefixIgnoringCase(
        _ text: String, _ prefix: String, general: () -> Bool
    ) -> Bool {
        let bytes = text.utf8
        var i = bytes.startIndex
        for w in prefix.utf8 {
            guard i != bytes.endIndex else { return false }
            let b = bytes[i]
            if b >= 0x80 { return general() }
            if b.asciiLowercased != w.asciiLowercased { return false }
            i = bytes.index(after: i)
        }
        if i != bytes.endIndex, bytes[i] >= 0x80 { return general() }
        return true
    }

    static func isBlank(_ line: String) -> Bool {
        // On bytes while they are plain ASCII (every line of every document is asked).
        var general = false
        let blank = line.utf8.allSatisfy { byte in
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
            if byte >= 0x80 || byte < 0x20 { general = true }
            return false
        }
        return general ? line.allSatisfy { $0.isWhitespace } : blank
    }

    /// `a. Komunikasi` -> ("a", "Komunikasi") for list items lettered a-z or numbered `1)`.
    static func letteredItem(_ line: String) -> (label: String, text: String)? {
        let s = plain(line)
        guard let first = s.first, first.isLetter, first.isLowercase, s.count > 3 else { return nil }
        let chars = Array(s)
        guard chars[1] == ".", chars[2] == " " else { return nil }
        return (String(first), String(chars[3...]).trimmingCharacters(in: .whitespaces))
    }
}

/// Indonesian dates as decrees write them: `20 Januari 2021`.
public enum IndonesianDate {
    static let months = [
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
        "november", "desember",
    ]

    /// The first `D Bulan YYYY` in the text, as ISO `YYYY-MM-DD` and as written.
    public static func find(in text: String) -> (iso: String, text: String)? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == ":" || $0 == "," }).map(String.init)
        guard words.count >= 3 else { return nil }
        for i in 0...(words.count - 3) {
            guard let day = Int(words[i]), (1...31).contains(day),
                let month = months.firstIndex(of: words[i + 1].lowercased()),
                let year = Int(words[i + 2].prefix(4)), (1900...2100).contains(year)
            else { continue }
            // Not String(format:): Foundation's formatting is slow on Linux, and this runs once per scheme.
            func padded(_ n: Int, _ width: Int) -> String {
                let digits = String(n)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            let iso = "\(padded(year, 4))-\(padded(month + 1, 2))-\(padded(day, 2))"
            return (iso, "\(words[i]) \(words[i + 1]) \(year)")
        }
        return nil
    }
}

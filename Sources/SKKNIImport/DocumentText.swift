import Foundation
import SKKNICore

/// A document's text, decoded and split into lines, with its path for diagnostics.
public struct DocumentText: Sendable {
    public let path: String
    public let lines: [String]
    public let encoding: String

    public init(path: String, text: String, encoding: String = "UTF-8") {
        self.path = path
        self.encoding = encoding
        self.lines = DocumentText.splitLines(text)
    }

    /// Decodes bytes as UTF-8 (with or without BOM) or UTF-16 (with BOM); other bytes that
    /// are not valid UTF-8 are read as Windows-1252, which is what Word and PDF tools on
    /// Windows export. Text with NUL bytes and no BOM is rejected: it is not a text document.
    public init(path: String, data: Data) throws(ImportError) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(bytes: bytes.dropFirst(3), encoding: .utf8) else {
                throw ImportError(file: path, message: "berkas ber-BOM UTF-8 tetapi isinya bukan UTF-8 yang sah")
            }
            self.init(path: path, text: text, encoding: "UTF-8")
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard
                let text = String(
                    data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw ImportError(file: path, message: "berkas ber-BOM UTF-16 tetapi isinya bukan UTF-16 yang sah")
            }
            self.init(path: path, text: text, encoding: little ? "UTF-16LE" : "UTF-16BE")
        } else if bytes.contains(0) {
            throw ImportError(
                file: path,
                message:
                    "berkas berisi byte NUL: bukan teks (UTF-16 tanpa BOM atau berkas biner?); simpan sebagai UTF-8")
        } else if let text = String(bytes: bytes, encoding: .utf8) {
            self.init(path: path, text: text, encoding: "UTF-8")
        } else {
            self.init(path: path, text: DocumentText.decodeWindows1252(bytes), encoding: "Windows-1252")
        }
    }

    static func splitLines(_ text: String) -> [String] {
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
                current.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Windows-1252 bytes 0x80...0x9F differ from Latin-1; the rest map one to one.
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Line `n` (1-based), or an empty string outside the document.
    public func line(_ n: Int) -> String { n >= 1 && n <= lines.count ? lines[n - 1] : "" }
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
        var s = line.replacingOccurrences(of: "**", with: "")
        s = s.trimmingCharacters(in: .whitespaces)
        while s.hasPrefix("- ") || s == "-" {
            s = String(s.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        return s
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0.isWhitespace } }

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
            let iso = String(format: "%04d-%02d-%02d", year, month + 1, day)
            return (iso, "\(words[i]) \(words[i + 1]) \(year)")
        }
        return nil
    }
}

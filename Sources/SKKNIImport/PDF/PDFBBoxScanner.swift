import Foundation

/// Reads the XHTML of `pdftotext -bbox-layout` on bytes, for speed: XMLParser's callbacks
/// (an attribute dictionary and strings per word) cost more than poppler's own run on long
/// decrees. Only what poppler writes is accepted (pages, lines, words with four numeric
/// attributes, the XML entities); anything else gives nil and the document goes through
/// XMLParser instead.
enum PDFBBoxScanner {
    static func scan(_ bytes: [UInt8]) -> [PDFPage]? {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> [PDFPage]? {
        let n = b.count
        var pages: [PDFPage] = []
        var popplerLine = 0
        var i = 0
        var sawDocument = false
        var closedDocument = false
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        @inline(__always) func matches(_ at: Int, _ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard at + count <= n else { return false }
            let p = literal.utf8Start
            for k in 0..<count where b[at + k] != p[k] { return false }
            return true
        }
        /// The end of a tag (index of its `>`), skipping quoted values.
        func tagEnd(_ from: Int) -> Int? {
            var k = from
            var quote: UInt8 = 0
            while k < n {
                let c = b[k]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    quote = c
                } else if c == 0x3E {
                    return k
                }
                k += 1
            }
            return nil
        }
        /// name="value" pairs of a tag between `from` and `end`, values parsed as numbers.
        func numbers(_ from: Int, _ end: Int, _ names: [StaticString]) -> [Double]? {
            var values = [Double](repeating: .nan, count: names.count)
            var k = from
            while k < end {
                while k < end, isSpace(b[k]) || b[k] == 0x2F { k += 1 }
                if k >= end { break }
                let nameStart = k
                while k < end, b[k] != 0x3D, !isSpace(b[k]) { k += 1 }
                let nameEnd = k
                guard k + 1 < end, b[k] == 0x3D, b[k + 1] == 0x22 else { return nil }
                k += 2
                let valueStart = k
                while k < end, b[k] != 0x22 { k += 1 }
                guard k < end else { return nil }
                let valueEnd = k
                k += 1
                for (index, name) in names.enumerated() where name.utf8CodeUnitCount == nameEnd - nameStart {
                    if matches(nameStart, name) {
                        guard let value = number(b, valueStart, valueEnd) else { return nil }
                        values[index] = value
                    }
                }
            }
            return values.contains(where: \.isNaN) ? nil : values
        }
        while i < n {
            guard b[i] == 0x3C else {
                i += 1
                continue
            }
            if matches(i, "<word ") {
                guard !pages.isEmpty, let end = tagEnd(i + 6),
                    let box = numbers(i + 6, end, ["xMin", "yMin", "xMax", "yMax"])
                else { return nil }
                var k = end + 1
                let textStart = k
                var entity = false
                while k < n, b[k] != 0x3C {
                    if b[k] == 0x26 { entity = true }
                    k += 1
                }
                guard matches(k, "</word>") else { return nil }
                var start = textStart
                var stop = k
                while start < stop, isSpace(b[start]) { start += 1 }
                while stop > start, isSpace(b[stop - 1]) { stop -= 1 }
                if stop > start {
                    let text: String
                    if entity {
                        guard let decoded = decode(b, start, stop) else { return nil }
                        text = decoded
                    } else {
                        text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<stop]), as: UTF8.self)
                    }
                    var length = 0
                    for c in UnsafeBufferPointer(rebasing: b[start..<stop]) where c & 0xC0 != 0x80 { length += 1 }
                    if entity { length = text.unicodeScalars.count }
                    pages[pages.count - 1].words.append(
                        PDFWord(
                            text: text, xMin: box[0], yMin: box[1], xMax: box[2], yMax: box[3], length: length,
                            popplerLine: popplerLine))
                }
                i = k + 7
            } else {
                guard let end = tagEnd(i) else { return nil }
                if matches(i, "<line") {
                    popplerLine += 1
                } else if matches(i, "<page ") {
                    guard let size = numbers(i + 6, end, ["width", "height"]) else { return nil }
                    pages.append(PDFPage(width: size[0], height: size[1]))
                } else if matches(i, "<doc>") {
                    sawDocument = true
                } else if matches(i, "</doc>") {
                    closedDocument = true
                }
                var k = end + 1
                // Inside the document, text outside words is only poppler's indentation.
                let inside = sawDocument && !closedDocument
                while k < n, b[k] != 0x3C {
                    guard !inside || isSpace(b[k]) else { return nil }
                    k += 1
                }
                i = k
            }
        }
        return sawDocument && closedDocument ? pages : nil
    }

    /// `594.960000` -> 594.96: poppler writes fixed decimals; anything else is nil.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var k = start
        var negative = false
        if k < end, b[k] == 0x2D {
            negative = true
            k += 1
        }
        // Digits as one integer, divided once by a power of ten: both exact below 2^53 and
        // 10^22, so the quotient is the correctly rounded value, as Double("…") gives.
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        var point = false
        while k < end {
            let c = b[k]
            if c >= 0x30, c <= 0x39 {
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(c - 0x30)
                digits += 1
                if point { decimals += 1 }
            } else if c == 0x2E, !point {
                point = true
            } else {
                return nil
            }
            k += 1
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }

    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    /// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and `&#…;` references decoded.
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            guard b[k] == 0x26 else {
                out.append(b[k])
                k += 1
                continue
            }
            var semicolon = k + 1
            while semicolon < end, semicolon < k + 12, b[semicolon] != 0x3B { semicolon += 1 }
            guard semicolon < end, b[semicolon] == 0x3B else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semicolon]), as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            guard let scalar else { return nil }
            out.append(contentsOf: String(Character(scalar)).utf8)
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

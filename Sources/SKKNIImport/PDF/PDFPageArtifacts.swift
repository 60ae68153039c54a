import Foundation

/// What is printed on the pages but is not the document's content: running headers and
/// footers, page numbers, document-control boxes and watermarks repeated page after page.
/// Found from geometry and repetition, never from a list of known strings.
enum PDFPageArtifacts {
    /// The share of the page height, at the top and at the bottom, where headers and footers live.
    static let margin = 0.13

    /// Removes the artifacts from each page's lines and numbers the lines that remain; also
    /// gives the text of each running header or footer removed (once each, in order), which
    /// may be all a document says of its title.
    static func remove(from pages: [[PDFLine]], sizes: [(width: Double, height: Double)]) -> (
        pages: [[PDFLine]], furniture: [String]
    ) {
        let textPages = pages.count { !$0.isEmpty }
        // A line repeated at one place on this many pages is furniture, not text.
        let marginThreshold = max(3, Int((Double(textPages) * 0.5).rounded(.up)))
        let anywhereThreshold = max(3, Int((Double(textPages) * 0.6).rounded(.up)))
        var keys: [[String]] = []
        var seen: [String: [(page: Int, y: Double, x: Double)]] = [:]
        for (p, lines) in pages.enumerated() {
            var pageKeys: [String] = []
            for line in lines {
                // A line naming a unit code is content however often its shape recurs
                // (`KODE UNIT : …` heading each unit's page).
                let key =
                    line.words.contains { UnitRowParser.isCodeLike(Substring($0.text)) } ? "" : repetitionKey(line)
                pageKeys.append(key)
                if !key.isEmpty { seen[key, default: []].append((p, line.yMin, line.xMin)) }
            }
            keys.append(pageKeys)
        }
        var result: [[PDFLine]] = []
        var furniture: [String] = []
        var furnitureKeys = Set<String>()
        for (p, lines) in pages.enumerated() {
            let height = sizes[p].height > 0 ? sizes[p].height : 842
            var kept: [PDFLine] = []
            for (i, line) in lines.enumerated() {
                let inMargin = line.yMax <= height * margin || line.yMin >= height * (1 - margin)
                let key = keys[p][i]
                var artifact = false
                if inMargin, isPageNumber(line, pageCount: pages.count) {
                    artifact = true
                } else if !key.isEmpty, let places = seen[key], places.count >= min(marginThreshold, anywhereThreshold),
                    places.count <= 8 * pages.count
                {
                    // (Text found many times on each page is no header; nor is it looked at pairwise.)
                    // Pages on which the same text stands at about the same height (and, away from
                    // the margins, the same x as well).
                    var pagesThere = Set<Int>()
                    for place in places where abs(place.y - line.yMin) <= 4 {
                        if inMargin || abs(place.x - line.xMin) <= 4 { pagesThere.insert(place.page) }
                    }
                    artifact = pagesThere.count >= (inMargin ? marginThreshold : anywhereThreshold)
                }
                if !artifact {
                    kept.append(line)
                } else if !key.isEmpty, furnitureKeys.insert(key).inserted {
                    furniture.append(line.words.map(\.text).joined(separator: " "))
                }
            }
            for i in kept.indices { kept[i].number = i + 1 }
            result.append(kept)
        }
        return (result, furniture)
    }

    /// The line's text in lower case, digits dropped (page numbers and dates change from page
    /// to page), single-spaced. Empty for lines that are only digits and punctuation.
    static func repetitionKey(_ line: PDFLine) -> String {
        // Nearly every line is ASCII: bytes, without Unicode properties.
        if line.words.allSatisfy({ $0.text.utf8.allSatisfy { $0 < 0x80 } }) {
            var bytes: [UInt8] = []
            var letters = 0
            for word in line.words {
                var wrote = false
                for b in word.text.utf8 where !(0x30...0x39).contains(b) {
                    if !wrote, !bytes.isEmpty { bytes.append(0x20) }
                    wrote = true
                    if (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) { letters += 1 }
                    bytes.append((0x41...0x5A).contains(b) ? b | 0x20 : b)
                }
            }
            return letters >= 2 ? String(decoding: bytes, as: UTF8.self) : ""
        }
        var key = ""
        var letters = 0
        for word in line.words {
            var part = ""
            for scalar in word.text.unicodeScalars {
                if scalar.value >= 0x30 && scalar.value <= 0x39 { continue }
                if scalar.properties.isAlphabetic { letters += 1 }
                part.unicodeScalars.append(scalar)
            }
            if part.isEmpty { continue }
            if !key.isEmpty { key += " " }
            key += part.lowercased()
        }
        return letters >= 2 ? key : ""
    }

    /// `3`, `- 3 -`, `– 3 –`, `(3)`, `Halaman 3 dari 9`, `Hal. 3`, `Page 3 of 9`, `3/9`.
    /// A number no larger than a page number of this document can be (a year on a cover is not one).
    static func isPageNumber(_ line: PDFLine, pageCount: Int) -> Bool {
        let words = line.words.map { $0.text.lowercased() }
        func isNumber(_ s: String) -> Bool {
            guard !s.isEmpty, s.count <= 4, s.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
                let n = Int(s)
            else { return false }
            return n <= 2 * pageCount + 10
        }
        let dashes: Set<String> = ["-", "–", "—"]
        var core = words
        while let first = core.first, dashes.contains(first) { core.removeFirst() }
        while let last = core.last, dashes.contains(last) { core.removeLast() }
        if core.count == 1 {
            var token = core[0]
            for dash in ["-", "–", "—"] {
                while token.hasPrefix(dash) { token.removeFirst() }
                while token.hasSuffix(dash) { token.removeLast() }
            }
            if token.hasPrefix("("), token.hasSuffix(")") { token = String(token.dropFirst().dropLast()) }
            if isNumber(token) { return true }
            let parts = token.split(separator: "/")
            if parts.count == 2, parts.allSatisfy({ isNumber(String($0)) }) { return true }
            return false
        }
        guard let first = core.first, ["halaman", "hal.", "hal", "page", "hlm.", "hlm"].contains(first) else {
            return false
        }
        let rest = core.dropFirst()
        switch rest.count {
        case 1: return isNumber(rest.first!)
        case 3:
            return isNumber(rest[rest.startIndex]) && ["dari", "of", "/"].contains(rest[rest.startIndex + 1])
                && isNumber(rest[rest.startIndex + 2])
        default: return false
        }
    }
}

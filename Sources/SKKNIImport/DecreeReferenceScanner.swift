import SKKNICore

/// Finds `Nomor 3 Tahun 2021` (also `No 170 Tahun 2016`, `Nomor: 17`) in running text.
enum DecreeReferenceScanner {
    struct Match {
        var number: Int
        var year: Int
        /// Index of the word after the year, for reading the title that follows.
        var endWord: Int
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    static func matches(in text: String) -> [Match] {
        matches(words: words(text))
    }

    static func matches(words: [Substring]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < words.count {
            let word = words[i].lowercased().trimmingSuffix(":")
            // `Nomor73` (a missing space) also occurs.
            var numberText: Substring?
            var next = i + 1
            if word == "nomor" || word == "no" || word == "no." {
                if next < words.count, words[next] == ":" { next += 1 }
                if next < words.count { numberText = words[next] }
                next += 1
            } else if word.hasPrefix("nomor"), word.count > 5 {
                numberText = words[i].dropFirst(5)
            }
            if let numberText, let number = Int(numberText.trimmingSuffix(",")), next + 1 < words.count,
                words[next].lowercased() == "tahun",
                let year = Int(words[next + 1].prefix(4)), (1945...2100).contains(year)
            {
                found.append(Match(number: number, year: year, endWord: next + 2))
                i = next + 2
                continue
            }
            i += 1
        }
        return found
    }

    /// The text after `tentang` that follows a match, without a final period.
    static func title(after match: Match, in words: [Substring]) -> String? {
        guard match.endWord < words.count, words[match.endWord].lowercased() == "tentang" else { return nil }
        var title = words[(match.endWord + 1)...].joined(separator: " ")
        while title.hasSuffix(".") || title.hasSuffix(";") { title.removeLast() }
        return title.isEmpty ? nil : title
    }
}

extension StringProtocol {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}

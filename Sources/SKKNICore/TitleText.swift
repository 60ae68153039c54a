/// Normalises unit titles as written in PDF-extracted text.
public enum TitleText {
    /// Indonesian suffixes that a line-break hyphen splits off (`Pengorganisasi-an`).
    static let hyphenatedSuffixes: Set<String> = ["an", "kan", "nya", "i", "lah", "kah"]

    /// The title a reader should see: tags and `*` removed, whitespace collapsed,
    /// hyphenation joined (`Pengorganisasi-an` -> `Pengorganisasian`, `Unit- unit` -> `Unit-unit`).
    public static func clean(_ text: String) -> String {
        var s = stripMarkup(text)
        s = collapseWhitespace(s)
        s = joinHyphenation(s)
        return s
    }

    /// A key under which titles that differ only in case, markup, hyphenation, spacing and
    /// spaces around punctuation compare equal.
    public static func fold(_ text: String) -> String {
        var out = ""
        let cleaned = clean(text).lowercased()
        var pendingSpace = false
        for ch in cleaned {
            if ch == " " {
                pendingSpace = true
                continue
            }
            let punctuation = isPunctuation(ch)
            if pendingSpace, !punctuation, let last = out.last, !isPunctuation(last) { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        // A trailing period or comma is not part of a title.
        while let last = out.last, last == "." || last == "," { out.removeLast() }
        return out
    }

    static func isPunctuation(_ ch: Character) -> Bool {
        "/()-,.:;&'\"".contains(ch)
    }

    /// Removes `<i>`, `</i>` and other short HTML-like tags, and `*` bold/italic markers.
    public static func stripMarkup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "<", let close = text[i...].firstIndex(of: ">"),
                text.distance(from: i, to: close) <= 8,
                isTag(text[text.index(after: i)..<close])
            {
                i = text.index(after: close)
                continue
            }
            if ch != "*" { out.append(ch) }
            i = text.index(after: i)
        }
        return out
    }

    private static func isTag(_ inner: Substring) -> Bool {
        let name = inner.hasPrefix("/") ? inner.dropFirst() : inner
        return !name.isEmpty && name.allSatisfy { $0.isLetter }
    }

    public static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func joinHyphenation(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // `Unit- unit`: a word ending in a hyphen continues in the next word.
        var merged: [String] = []
        var index = 0
        while index < words.count {
            var word = words[index]
            while word.hasSuffix("-"), index + 1 < words.count, word.count > 1 {
                index += 1
                word += words[index]
            }
            merged.append(word)
            index += 1
        }
        words = merged.map { word in
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return word }
            let left = parts[0]
            let right = parts[1]
            let isSuffix = hyphenatedSuffixes.contains(String(right))
            if isSuffix, left.count >= 4, left.allSatisfy({ $0.isLetter }),
                left.lowercased() != right.lowercased()
            {
                return String(left) + String(right)
            }
            return word
        }
        return words.joined(separator: " ")
    }
}

extension TitleText {
    /// `PENGELOLA LEMBAGA SERTIFIKASI` -> `Pengelola Lembaga Sertifikasi` (short function words stay lower case).
    public static func titleCase(_ text: String) -> String {
        let small: Set<String> = ["dan", "di", "ke", "dari", "atau", "yang", "untuk", "pada"]
        return text.lowercased().split(separator: " ").enumerated().map { i, word in
            if i > 0, small.contains(String(word)) { return String(word) }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}

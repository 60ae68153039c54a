/// Normalises unit titles as written in PDF-extracted text.
public enum TitleText {
    /// Indonesian suffixes that a line-break hyphen splits off (`Pengorganisasi-an`).
    static let hyphenatedSuffixes: Set<String> = ["an", "kan", "nya", "i", "lah", "kah"]

    /// The title a reader should see: tags and `*` removed, whitespace collapsed,
    /// hyphenation joined (`Pengorganisasi-an` -> `Pengorganisasian`, `Unit- unit` -> `Unit-unit`).
    public static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        if let plain = plainASCII(text) { return String(decoding: plain, as: UTF8.self) }
        return cleanGeneral(text)
    }

    /// ASCII words one space apart, with no markup and no hyphen: what `clean` returns as it
    /// is (most texts of a decree), seen in one pass without building a copy.
    public static func isClean(_ text: String) -> Bool {
        var afterSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if afterSpace { return false }
                afterSpace = true
            case 0x80..., 0x3C, 0x2A, 0x2D, 0x09...0x0D: return false
            default: afterSpace = false
            }
        }
        return !afterSpace || text.isEmpty
    }

    /// `clean(text)`, sharing the storage of `text` when cleaning changes nothing (nearly every
    /// title: a national catalogue's unit rows would otherwise hold each title twice).
    public static func cleanSharing(_ text: String) -> String {
        let cleaned = clean(text)
        return cleaned == text ? text : cleaned
    }

    /// `clean` for any text; `clean` takes a byte path for plain ASCII.
    static func cleanGeneral(_ text: String) -> String {
        var s = stripMarkup(text)
        s = collapseWhitespace(s)
        s = joinHyphenation(s)
        return s
    }

    /// A key under which titles that differ only in case, markup, hyphenation, spacing and
    /// spaces around punctuation compare equal.
    public static func fold(_ text: String) -> String {
        if let plain = plainASCII(text) {
            // Titles are nearly all plain ASCII: the same folding on bytes, without Character.
            var out: [UInt8] = []
            out.reserveCapacity(plain.count)
            var pendingSpace = false
            for byte in plain {
                if byte == 0x20 {
                    pendingSpace = true
                    continue
                }
                let lower = byte.asciiLowercased
                let punctuation = asciiPunctuation(lower)
                if pendingSpace, !punctuation, let last = out.last, !asciiPunctuation(last) { out.append(0x20) }
                pendingSpace = false
                out.append(lower)
            }
            while let last = out.last, last == 0x2E || last == 0x2C { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
        return foldGeneral(text)
    }

    /// `fold` for any text; `fold` takes a byte path for plain ASCII.
    static func foldGeneral(_ text: String) -> String {
        var out = ""
        let cleaned = cleanGeneral(text).lowercased()
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

    static func asciiPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2F, 0x28, 0x29, 0x2D, 0x2C, 0x2E, 0x3A, 0x3B, 0x26, 0x27, 0x22: true
        default: false
        }
    }

    /// For ASCII text with nothing `clean` would strip or join (`<`, `*`, a hyphen that ends a
    /// word or splits off a suffix): its bytes with whitespace collapsed, which is then exactly
    /// what `clean` returns. Nil for anything else.
    public static func plainASCII(_ text: String) -> [UInt8]? {
        guard let out = collapsedASCII(text) else { return nil }
        // joinHyphenation changes a word only when it ends in `-` before another word, or is
        // `left-suffix` with one hyphen; leave those to the general path. Word by word on the
        // bytes (the words are separated by single spaces now), without splitting.
        let count = out.count
        var start = 0
        while start < count {
            var end = start
            var hyphens = 0
            var hyphen = 0
            while end < count, out[end] != 0x20 {
                if out[end] == 0x2D {
                    hyphens += 1
                    hyphen = end
                }
                end += 1
            }
            if hyphens > 0 {
                if out[end - 1] == 0x2D, end < count { return nil }
                if hyphens == 1, isHyphenatedSuffix(out[(hyphen + 1)..<end]) { return nil }
            }
            start = end + 1
        }
        return out
    }

    static func isHyphenatedSuffix(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count <= 3 else { return false }
        return hyphenatedSuffixBytes.contains { $0.elementsEqual(bytes) }
    }

    static let hyphenatedSuffixBytes: [[UInt8]] = hyphenatedSuffixes.sorted().map { Array($0.utf8) }

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
        if let ascii = collapsedASCII(text) { return String(decoding: ascii, as: UTF8.self) }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `collapseWhitespace` on the bytes of ASCII text (Character.isWhitespace for ASCII: tab,
    /// LF, VT, FF, CR and space); nil when the text is not ASCII.
    static func collapsedASCII(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            // Non-ASCII, or markup (`<`, `*`) that `clean` strips: not for the byte path.
            if byte >= 0x80 || byte == 0x3C || byte == 0x2A { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if !out.isEmpty { pendingSpace = true }
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return out
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

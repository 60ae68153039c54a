import Foundation
import SKKNICore
import SKKNIPublish

/// The search files: every entry's words, bucketed by the first two characters of each word,
/// one script per bucket (loaded with `<script>` so it works from `file://`), and
/// `search/index.js`, which names the buckets that exist, so the page never asks for a file
/// that is not there.
extension SearchIndex {
    /// The kinds results are grouped by, in the order the search page shows them.
    static let kinds = ["Keputusan", "Kualifikasi", "Unit", "Skema"]

    /// What an entry is found by: its label's and title's words, and for every code it carries
    /// the code without punctuation (`n78sps020751`) and without its sector letter
    /// (`78sps020751`), so the forms tables show and fragments of them are word prefixes.
    static func words(of entry: Entry) -> [Substring] {
        var key = normalize(entry.label) + " " + normalize(entry.title)
        for code in entry.codes {
            let compact = normalize(code).replacingOccurrences(of: " ", with: "")
            guard !compact.isEmpty else { continue }
            key += " " + compact
            let stripped = compact.drop { $0.isLetter }
            if stripped.count < compact.count, stripped.first?.isNumber == true { key += " " + stripped }
        }
        return key.split(separator: " ")
    }

    /// A word's bucket: its first two characters (one for a one-character word); ASCII letters
    /// and digits stand for themselves, anything else as `_<code point>_`.
    static func bucket(of word: Substring) -> String {
        var name = ""
        for ch in word.prefix(2) {
            if ch.isASCII, ch.isLetter || ch.isNumber {
                name.append(ch)
            } else {
                name += "_\(ch.unicodeScalars.first!.value)_"
            }
        }
        return name
    }

    /// `strings` as a JSON array for a script: `<` escaped too, so no text can close the
    /// script element.
    static func appendArray(_ strings: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (n, string) in strings.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(string, to: &bytes, escapingLessThan: true)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes the search files to `writer`: the bucket scripts, each a JSON array of
    /// `[key, label, title, path, kind]` in path order, the word lists of units' definitions
    /// (see `SearchText`) and `index.js`, which lists both kinds of bucket. Each file is handed
    /// over as soon as it is made, so the buckets (every entry copied into each bucket of its
    /// words) are never all in memory. Returns each file's path and size.
    static func write(_ entries: [Entry], to writer: any OutputWriter) throws -> [(path: String, size: Int)] {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var records = ConcurrentMap.map(sorted) { entry -> (json: [UInt8], buckets: Set<String>) in
            let words = words(of: entry)
            // Each word once, in its first order: the key is what the page matches on.
            var seen = Set<Substring>()
            let key = words.filter { seen.insert($0).inserted }.joined(separator: " ")
            var json: [UInt8] = []
            appendArray([key, entry.label, entry.title, entry.path, entry.kind], to: &json)
            return (json, Set(words.map(bucket)))
        }
        // The records' bucket sets are let go once the buckets are filled (25 MB at national
        // scale, held beside the pages otherwise).
        var filling: [String: [Int]] = [:]
        let jsons = records.map(\.json)
        for (i, record) in records.enumerated() {
            for name in record.buckets { filling[name, default: []].append(i) }
        }
        records = []
        let names = filling.keys.sorted()
        let buckets = filling
        let written = ConcurrentMap.map(names) { name -> Result<(path: String, size: Int), Error> in
            Result {
                let path = "\(folder)\(name).js"
                var size = 0
                // Streamed in pieces of about 1 MB: a common word's bucket lists most units
                // (15 MB at national scale), and two were built whole at once beside the pages.
                try writer.write(
                    path,
                    streaming: { emit in
                        var bytes = Array("SKKNI_SEARCH.add(\"\(name)\", [".utf8)
                        for (n, i) in buckets[name]!.enumerated() {
                            if n > 0 { bytes.append(UInt8(ascii: ",")) }
                            bytes += jsons[i]
                            if bytes.count >= 1 << 20 {
                                size += bytes.count
                                try emit(bytes)
                                bytes.removeAll(keepingCapacity: true)
                            }
                        }
                        bytes += Array("]);\n".utf8)
                        size += bytes.count
                        try emit(bytes)
                    })
                return (path, size)
            }
        }
        var files = try written.map { try $0.get() }
        let text = try SearchText.write(sorted, to: writer)
        files += text.files
        var list = Array("SKKNI_SEARCH.buckets(".utf8)
        appendArray(names, to: &list)
        list.append(UInt8(ascii: ","))
        appendArray(text.buckets, to: &list)
        list += Array(");\n".utf8)
        try writer.write("\(folder)index.js", Data(list))
        files.append(("\(folder)index.js", list.count))
        return files
    }
}

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

    /// The records of a run of entries (in path order), made on one core: their JSON one
    /// after another in one buffer, and for each bucket the entries (numbered from the run's
    /// start) that have a word in it.
    struct RecordRun: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var buckets: [String: [Int32]] = [:]

        func record(_ k: Int32) -> ArraySlice<UInt8> {
            bytes[(k == 0 ? 0 : ends[Int(k) - 1])..<ends[Int(k)]]
        }
    }

    /// Writes the search files to `writer`: the bucket scripts, each a JSON array of
    /// `[key, label, title, path, kind]` in path order, the word lists of units' definitions
    /// (see `SearchText`) and `index.js`, which lists both kinds of bucket. Each file is handed
    /// over as soon as it is made, so the buckets (every entry copied into each bucket of its
    /// words) are never all in memory. Returns each file's path and size.
    static func write(_ entries: [Entry], to writer: any OutputWriter) throws -> [(path: String, size: Int)] {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        // The records are let go before the definitions' words are indexed.
        var (files, names) = try writeBuckets(sorted, to: writer)
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

    /// The bucket scripts of `sorted` (entries in path order): the files and the bucket names.
    static func writeBuckets(_ sorted: [Entry], to writer: any OutputWriter) throws -> (
        files: [(path: String, size: Int)], names: [String]
    ) {
        // Each core takes a run of entries. A record per entry with its own byte array and set
        // of bucket names was about 60 MB at national scale.
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, sorted.count / 256))
        let runs = (0..<cores).map { sorted.count * $0 / cores..<sorted.count * ($0 + 1) / cores }
        let parts = ConcurrentMap.map(runs) { run -> RecordRun in
            var part = RecordRun()
            part.ends.reserveCapacity(run.count)
            var entryBuckets = Set<String>()
            for i in run {
                let entry = sorted[i]
                let words = words(of: entry)
                // Each word once, in its first order: the key is what the page matches on.
                var seen = Set<Substring>()
                let key = words.filter { seen.insert($0).inserted }.joined(separator: " ")
                appendArray([key, entry.label, entry.title, entry.path, entry.kind], to: &part.bytes)
                part.ends.append(part.bytes.count)
                entryBuckets.removeAll(keepingCapacity: true)
                for word in words { entryBuckets.insert(bucket(of: word)) }
                for name in entryBuckets { part.buckets[name, default: []].append(Int32(i - run.lowerBound)) }
            }
            // Without the slack the buffer grew with (up to half of it).
            part.bytes = part.bytes.withUnsafeBufferPointer { Array($0) }
            return part
        }
        let names = Set(parts.flatMap(\.buckets.keys)).sorted()
        let written = ConcurrentMap.map(names) { name -> Result<(path: String, size: Int), Error> in
            Result {
                let path = "\(folder)\(name).js"
                var size = 0
                // Streamed in pieces of about 1 MB: a common word's bucket lists most units
                // (15 MB at national scale), and two cores each built one whole at once.
                try writer.write(
                    path,
                    streaming: { emit in
                        var bytes = Array("SKKNI_SEARCH.add(\"\(name)\", [".utf8)
                        var first = true
                        for part in parts {
                            for k in part.buckets[name] ?? [] {
                                if !first { bytes.append(UInt8(ascii: ",")) }
                                first = false
                                bytes += part.record(k)
                                if bytes.count >= 1 << 20 {
                                    size += bytes.count
                                    try emit(bytes)
                                    bytes.removeAll(keepingCapacity: true)
                                }
                            }
                        }
                        bytes += Array("]);\n".utf8)
                        size += bytes.count
                        try emit(bytes)
                    })
                return (path, size)
            }
        }
        return (try written.map { try $0.get() }, names)
    }
}

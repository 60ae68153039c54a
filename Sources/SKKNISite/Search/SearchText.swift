import Foundation
import SKKNICore
import SKKNIPublish

/// The words of what SKKNI decrees say about a unit (its description, its elements and their
/// criteria), searchable without copying the unit into a bucket per word as titles are: a
/// defined unit has about a hundred distinct words, which would multiply the title buckets
/// by ten. Instead each word lists the units it occurs in:
///
/// - `search/teks/<bucket>.js`: `SKKNI_SEARCH.text("<bucket>", {"word": "ids", …})`, the
///   words starting with those two characters (named as `SearchIndex.bucket` names them),
///   each with the ascending numbers of the units that hold it, written as differences from
///   the previous number in base 36 (`"0,1,3"` is units 0, 1 and 4);
/// - `search/unit/<n>.js`: `SKKNI_SEARCH.units(n, [[label, title, path, kind], …])`, units
///   `n * chunk` onwards, for showing the units a query found.
///
/// A unit's identity and title are among its words too, so a query may mix a word of the
/// title with one of a criterion.
enum SearchText {
    static let folder = SearchIndex.folder + "teks/"
    static let unitFolder = SearchIndex.folder + "unit/"
    /// Units per `search/unit/<n>.js`: a result page loads a few of these.
    static let chunk = 500

    /// Writes the word buckets and the unit lists of `entries` (in path order) that have text;
    /// returns the files written and the names of the word buckets.
    static func write(_ sorted: [SearchIndex.Entry], to writer: any OutputWriter) throws -> (
        files: [(path: String, size: Int)], buckets: [String]
    ) {
        let defined = sorted.filter { !$0.text.isEmpty }
        guard !defined.isEmpty else { return ([], []) }
        // Each word's units, in ascending order: units are visited in order, and a unit is
        // appended to a word once (its last number is checked). Each core takes a run of
        // units; the runs' lists are joined in order.
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, defined.count / 256))
        let runs = (0..<cores).map { defined.count * $0 / cores..<defined.count * ($0 + 1) / cores }
        let parts = ConcurrentMap.map(runs) { run -> [String: [Int32]] in
            var postings: [String: [Int32]] = [:]
            for number in run {
                let unit = defined[number]
                let id = Int32(number)
                func add(_ word: String) {
                    // One lookup per word: most words are seen before.
                    if let index = postings.index(forKey: word) {
                        if postings.values[index].last != id { postings.values[index].append(id) }
                    } else {
                        postings[word] = [id]
                    }
                }
                forEachWord(of: unit.label, add)
                forEachWord(of: unit.title, add)
                for text in unit.text { forEachWord(of: text, add) }
            }
            return postings
        }
        // Each part's lists are written one after the other (their numbers ascend part by
        // part), never joined into one table: that would be a second copy of them all.
        var grouping: [String: Set<String>] = [:]
        for part in parts {
            for word in part.keys { grouping[SearchIndex.bucket(of: word[...]), default: []].insert(word) }
        }
        let byBucket = grouping
        let names = byBucket.keys.sorted()
        let bucketFiles = ConcurrentMap.map(names) { name -> Result<(path: String, size: Int), Error> in
            Result {
                var bytes = Array("SKKNI_SEARCH.text(".utf8)
                JSONString.append(name, to: &bytes, escapingLessThan: true)
                bytes += Array(",{".utf8)
                for (n, word) in byBucket[name]!.sorted().enumerated() {
                    if n > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONString.append(word, to: &bytes, escapingLessThan: true)
                    bytes += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
                    appendDifferences(parts.lazy.flatMap { $0[word] ?? [] }, to: &bytes)
                    bytes.append(UInt8(ascii: "\""))
                }
                bytes += Array("});\n".utf8)
                let path = "\(folder)\(name).js"
                try writer.write(path, Data(bytes))
                return (path, bytes.count)
            }
        }
        var files = try bucketFiles.map { try $0.get() }
        for start in stride(from: 0, to: defined.count, by: chunk) {
            var bytes = Array("SKKNI_SEARCH.units(\(start / chunk), [".utf8)
            for (n, unit) in defined[start..<min(start + chunk, defined.count)].enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                SearchIndex.appendArray([unit.label, unit.title, unit.path, unit.kind], to: &bytes)
            }
            bytes += Array("]);\n".utf8)
            let path = "\(unitFolder)\(start / chunk).js"
            try writer.write(path, Data(bytes))
            files.append((path, bytes.count))
        }
        return (files, names)
    }

    /// Calls `body` with each word of `text` as the search page splits a query (what
    /// `SearchIndex.normalize` leaves, split at spaces), found on bytes for plain ASCII text.
    static func forEachWord(of text: String, _ body: (String) -> Void) {
        // A clean text (nearly every criterion: the reader cleaned it) is its own plain form:
        // its bytes are read in place instead of copied.
        if TitleText.isClean(text) {
            var text = text
            text.withUTF8 { bytes in SearchIndex.forEachASCIIWord(bytes) { body(String(decoding: $0, as: UTF8.self)) } }
            return
        }
        guard let plain = TitleText.plainASCII(text) else {
            for word in SearchIndex.normalizeGeneral(text).split(separator: " ") { body(String(word)) }
            return
        }
        SearchIndex.forEachASCIIWord(plain) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// `ids` (ascending) as base-36 differences from the number before each, comma-separated.
    static func appendDifferences(_ ids: some Sequence<Int32>, to bytes: inout [UInt8]) {
        var previous: Int32 = 0
        for (n, id) in ids.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += Array(String(id - previous, radix: 36).utf8)
            previous = id
        }
    }
}

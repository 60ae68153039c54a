import Foundation
import SKKNICore

/// Ways a PDF arrives damaged or hostile: cut off, bytes flipped, the cross-reference table or
/// object streams broken, stream lengths and page counts that lie.
public enum PDFMutation: String, CaseIterable, Sendable {
    case truncate, flipBytes, deleteRange, duplicateRange, breakXref, lieAboutLengths, breakObjectStreams
    case hugeCounts, dropTrailer

    func apply(to bytes: inout [UInt8], random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        switch self {
        case .truncate:
            bytes.removeLast(Int.random(in: 1..<max(2, bytes.count), using: &random))
        case .flipBytes:
            for _ in 0..<Int.random(in: 1...64, using: &random) {
                let i = Int.random(in: 0..<bytes.count, using: &random)
                bytes[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            }
        case .deleteRange:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...20_000, using: &random)))
        case .duplicateRange:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let range = start..<min(bytes.count, start + Int.random(in: 1...20_000, using: &random))
            bytes.insert(contentsOf: bytes[range], at: Int.random(in: 0...bytes.count, using: &random))
        case .breakXref:
            // Scribble over the offsets after `startxref` and inside an `xref` table.
            for keyword in ["startxref", "xref"] {
                for at in PDFMutator.occurrences(of: keyword, in: bytes).suffix(2) {
                    let end = min(bytes.count, at + keyword.utf8.count + 40)
                    for i in (at + keyword.utf8.count)..<end where (0x30...0x39).contains(bytes[i]) {
                        bytes[i] = UInt8(0x30 + Int.random(in: 0...9, using: &random))
                    }
                }
            }
        case .lieAboutLengths:
            PDFMutator.replaceNumbers(after: "/Length", in: &bytes, random: &random)
        case .breakObjectStreams:
            PDFMutator.replaceNumbers(after: "/First", in: &bytes, random: &random)
            PDFMutator.replaceNumbers(after: "/N ", in: &bytes, random: &random)
        case .hugeCounts:
            PDFMutator.replaceNumbers(after: "/Count", in: &bytes, random: &random)
            PDFMutator.replaceNumbers(after: "/MediaBox [0 0", in: &bytes, random: &random)
        case .dropTrailer:
            if let at = PDFMutator.occurrences(of: "trailer", in: bytes).last { bytes.removeSubrange(at...) }
        }
    }
}

/// Applies one to three PDF mutations chosen by the random source.
public enum PDFMutator {
    public static func mutate(_ data: Data, random: inout FuzzRandom) -> (data: Data, mutations: [PDFMutation]) {
        var bytes = [UInt8](data)
        var chosen: [PDFMutation] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            chosen.append(PDFMutation.allCases.randomElement(using: &random)!)
        }
        for mutation in chosen { mutation.apply(to: &bytes, random: &random) }
        return (Data(bytes), chosen)
    }

    /// Offsets where `keyword` starts (at most 10,000 of them).
    static func occurrences(of keyword: String, in bytes: [UInt8]) -> [Int] {
        let needle = Array(keyword.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= bytes.count - needle.count, found.count < 10_000 {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { found.append(i) }
            i += 1
        }
        return found
    }

    /// Replaces the number after a few occurrences of `key` with a lie: 0, negative, or huge.
    static func replaceNumbers(after key: String, in bytes: inout [UInt8], random: inout FuzzRandom) {
        let lies = ["0", "-1", "2147483647", "99999999999999999999", "1e308", "7"]
        let places = occurrences(of: key, in: bytes)
        guard !places.isEmpty else { return }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            // Later edits shift offsets; searching again keeps each edit on a real key.
            let current = occurrences(of: key, in: bytes)
            guard let at = current.randomElement(using: &random) else { return }
            var start = at + key.utf8.count
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == 0x2E { end += 1 }
            guard end > start else { continue }
            bytes.replaceSubrange(start..<end, with: Array(lies.randomElement(using: &random)!.utf8))
        }
    }
}

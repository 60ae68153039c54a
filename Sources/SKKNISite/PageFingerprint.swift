import Foundation

/// What a page's HTML is a pure function of: its template set and its context. Two builds
/// that give a page the same fingerprint give it the same bytes, so an incremental build can
/// link the previous file instead of rendering it again.
///
/// Two independent 64-bit hashes (FNV-1a and a multiply-rotate mix) over a tagged, key-sorted
/// walk of the context: stable across runs and machines, unlike Swift's seeded `Hasher`.
struct PageFingerprint: Hashable {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = ((b ^ UInt64(byte)) &* 0xff51_afd7_ed55_8ccd)
            b = (b << 29) | (b >> 35)
        }
    }

    mutating func add(tag: UInt8, _ text: String) {
        add(CollectionOfOne(tag))
        add(text.utf8)
        // The length ends the field, so ("ab", "c") and ("a", "bc") differ.
        add(withUnsafeBytes(of: UInt64(text.utf8.count).littleEndian, Array.init))
    }

    /// Walks a page context: objects by sorted key, lists in order, scalars tagged.
    mutating func add(value: TemplateValue) {
        switch value {
        case .text(let text): add(tag: 1, text)
        case .flag(let flag): add(tag: 2, flag ? "1" : "0")
        case .number(let number): add(tag: 3, String(number))
        case .object(let fields): add(fields: fields)
        case .list(let list):
            add(tag: 6, String(list.count))
            for item in list { add(value: item) }
        }
    }

    mutating func add(fields: [String: TemplateValue]) {
        add(tag: 4, String(fields.count))
        for key in fields.keys.sorted() {
            add(tag: 5, key)
            add(value: fields[key]!)
        }
    }

    var text: String {
        String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
    }

    static func of(templates: PageFingerprint, template: String, context: [String: TemplateValue]) -> PageFingerprint {
        var fingerprint = templates
        fingerprint.add(tag: 8, template)
        fingerprint.add(fields: context)
        return fingerprint
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The fingerprint of every page of an output, kept inside it (`.skkni/halaman.tsv`) so it is
/// swapped in together with the pages it describes.
enum PageManifest {
    static let path = ".skkni/halaman.tsv"

    static func read(from output: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            return [:]
        }
        var manifest: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { manifest[String(fields[1])] = String(fields[0]) }
        }
        return manifest
    }

    static func encode(_ entries: [(path: String, fingerprint: String)]) -> Data {
        var text = ""
        for entry in entries.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            text += entry.fingerprint + "\t" + entry.path + "\n"
        }
        return Data(text.utf8)
    }
}

import Foundation
import SKKNITemplates

/// What a page's HTML is a pure function of: its template set and its context. Two builds
/// that give a page the same fingerprint give it the same bytes, so an incremental build can
/// link the previous file instead of rendering it again.
///
/// Two independent 64-bit multiply-rotate hashes, fed eight bytes at a time, over a tagged,
/// key-sorted walk of the context: stable across runs and machines (words are read
/// little-endian), unlike Swift's seeded `Hasher`.
struct PageFingerprint: Hashable {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(word: UInt64) {
        a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
        a = (a << 27) | (a >> 37)
        b = (b ^ word) &* 0xff51_afd7_ed55_8ccd
        b = ((b << 31) | (b >> 33)) &+ 0x1656_67B1_9E37_79F9
    }

    /// What a field of the walk is, fed before it so equal bytes in different roles differ.
    /// The numbers are part of every stored fingerprint: never renumber one.
    enum Tag: UInt64 {
        case text = 1
        case flag = 2
        case number = 3
        case object = 4
        case key = 5
        case list = 6
        case template = 8
        case templateName = 9
        case templateText = 10
        case searchLabel = 11
        case searchTitle = 12
        case searchPath = 13
        /// The running binary (`RunningBinary.stamp`).
        case binary = 14
        case searchKind = 15
        case searchCode = 16
        case searchText = 17
    }

    mutating func add(tag: Tag, _ text: String) {
        add(word: tag.rawValue)
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= raw.count {
                add(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = 0
            for (shift, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            add(word: tail)
        }
        // The length ends the field, so ("ab", "c") and ("a", "bc") differ.
        add(word: UInt64(text.utf8.count))
    }

    /// Walks a page context: lists in order, scalars tagged, an object's fields as a sum of
    /// their own fingerprints (the same whatever order a dictionary gives, without sorting).
    mutating func add(value: TemplateValue) {
        switch value {
        case .text(let text): add(tag: .text, text)
        case .flag(let flag):
            add(word: Tag.flag.rawValue)
            add(word: flag ? 1 : 0)
        case .number(let number):
            add(word: Tag.number.rawValue)
            add(word: UInt64(bitPattern: Int64(number)))
        case .object(let fields): add(fields: fields)
        case .list(let list):
            add(word: Tag.list.rawValue)
            add(word: UInt64(list.count))
            for item in list { add(value: item) }
        }
    }

    mutating func add(fields: TemplateObject) {
        add(word: Tag.object.rawValue)
        add(word: UInt64(fields.count))
        var sum = (a: UInt64(0), b: UInt64(0))
        for (key, value) in fields {
            var field = PageFingerprint()
            field.add(tag: .key, key)
            field.add(value: value)
            sum.a &+= field.a
            sum.b &+= field.b
        }
        add(word: sum.a)
        add(word: sum.b)
    }

    var text: String {
        String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
    }

    static func of(templates: PageFingerprint, template: String, context: TemplateObject) -> PageFingerprint {
        var fingerprint = templates
        fingerprint.add(tag: .template, template)
        fingerprint.add(fields: context)
        return fingerprint
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The fingerprint and size of every page and search file of an output, kept inside it
/// (`.skkni/halaman.tsv`) so it is published together with the files it describes.
enum PageManifest {
    static let path = ".skkni/halaman.tsv"

    /// A page as the previous build wrote it: its fingerprint and its size in bytes (so an
    /// unchanged page is counted without asking the file system).
    struct Entry: Equatable {
        var fingerprint: String
        var size: Int
    }

    static func read(from output: URL) -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else {
            return [:]
        }
        // Split on bytes: 120,000 lines at national scale, and tab and newline are ASCII.
        var manifest: [String: Entry] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            manifest.reserveCapacity(bytes.count / 64)
            for line in bytes.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09)
                guard fields.count == 3, let size = Int(String(decoding: fields[1], as: UTF8.self)) else { continue }
                manifest[String(decoding: fields[2], as: UTF8.self)] = Entry(
                    fingerprint: String(decoding: fields[0], as: UTF8.self), size: size)
            }
        }
        return manifest
    }

    /// Lines sorted by path. Paths are ASCII slugs (`SitePaths`), whose `<` is their byte order.
    static func encode(_ entries: [(path: String, entry: Entry)]) -> Data {
        encode(sorted: entries.map(\.path).sorted(), Dictionary(entries, uniquingKeysWith: { a, _ in a }))
    }

    /// `paths` must be sorted and each have an entry.
    static func encode(sorted paths: [String], _ entries: [String: Entry]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paths.count * 64)
        for path in paths {
            let entry = entries[path]!
            bytes += entry.fingerprint.utf8
            bytes.append(0x09)
            bytes += String(entry.size).utf8
            bytes.append(0x09)
            bytes += path.utf8
            bytes.append(0x0A)
        }
        return Data(bytes)
    }
}

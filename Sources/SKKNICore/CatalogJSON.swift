import Foundation

/// The catalogue files' JSON, written directly: the same bytes as `CatalogStore.encoder()`
/// (JSONEncoder, pretty-printed, sorted keys, slashes unescaped) gives, about ten times
/// faster. Every build writes or compares one file per document, and at national scale
/// JSONEncoder spent seconds of CPU on it. The tests hold the two to the same bytes on the
/// seeds, a synthetic catalogue and generated strings; JSONDecoder still reads the files.
/// The keys and their order come from each type's description (`DescribedModel`).
public struct CatalogJSON {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the current object or array has a member yet (a comma goes before the next).
    private var hasMember: [Bool] = []

    /// A catalogue file: the document's object and a newline.
    public static func encode<Document: DescribedModel>(_ document: Document, capacity: Int = 4096) -> Data {
        var json = CatalogJSON()
        json.bytes.reserveCapacity(capacity)
        json.object(document)
        json.bytes.append(0x0A)
        return Data(json.bytes)
    }

    public static func encode(_ decree: Decree) -> Data { encode(decree, capacity: 4096) }

    public static func encode(_ scheme: Scheme) -> Data { encode(scheme, capacity: 2048) }

    public static func encode(_ standard: StandardDecree) -> Data { encode(standard, capacity: 65536) }

    // MARK: Structure

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<indent { bytes.append(0x20) }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        indent += 2
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        // JSONEncoder leaves an empty line inside an empty array or object.
        if hasMember.removeLast() == false { bytes.append(0x0A) }
        newline()
        bytes.append(bracket)
    }

    private mutating func member() {
        if hasMember[hasMember.count - 1] { bytes.append(0x2C) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    mutating func key(_ name: StaticString) {
        member()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])  // `" : `
    }

    /// An object of the fields `Model` describes, in the order it lists them (sorted).
    mutating func object<Model: DescribedModel>(_ value: Model) {
        withUnsafePointer(to: value) { object(at: $0) }
    }

    /// Through pointers: a copy of the value would retain every field.
    mutating func object<Model: DescribedModel>(at value: UnsafePointer<Model>) {
        open(0x7B)
        withUnsafeMutablePointer(to: &self) { json in
            var fields = JSONFieldWriter(root: value, json: json)
            Model.describe(&fields)
        }
        close(0x7D)
    }

    mutating func array<Element: FieldValue>(_ values: [Element]) {
        open(0x5B)
        values.withUnsafeBufferPointer { elements in
            guard let first = elements.baseAddress else { return }
            for index in elements.indices {
                member()
                Element.writeJSON(at: first + index, &self)
            }
        }
        close(0x5D)
    }

    // MARK: Scalars

    mutating func value(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }

    mutating func value(_ text: String) { JSONString.append(text, to: &bytes) }

    mutating func value(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
}

/// Writes a described value's fields as JSON members; absent optionals are left out.
struct JSONFieldWriter<Root>: FieldVisitor {
    let root: UnsafePointer<Root>
    let json: UnsafeMutablePointer<CatalogJSON>

    @inline(__always)
    mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>) {
        let field = root.pointer(to: keyPath)!
        guard !field.pointee.isAbsent else { return }
        json.pointee.key(name)
        Value.writeJSON(at: field, &json.pointee)
    }
}

/// A JSON string literal as JSONEncoder writes it: `"` and `\` escaped, control characters as
/// `\n`-style or `\u00xx` escapes, everything else (slashes, non-ASCII) as it is. With
/// `escapingLessThan`, `<` becomes `\u003c`, so text inside a script element cannot close it.
/// Works on UTF-8 bytes: every byte that needs escaping is ASCII, and the runs between them are
/// copied whole.
public enum JSONString {
    public static func append(_ text: String, to bytes: inout [UInt8], escapingLessThan: Bool = false) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == 0x22 || byte == 0x5C || (escapingLessThan && byte == 0x3C) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
    }
}

/// One description per model type: each type of the catalogue (Decree, Qualification, Scheme,
/// StandardDecree and the types inside them) lists its stored properties once, in
/// `describe(_:)`, as `visitor.field("name", \.name)`, in the order of their names (the
/// catalogue files' sorted keys). Every encoding walks that list:
///
/// - `CatalogJSON`: the catalogue files, keys in the order listed, absent optionals left out;
/// - `SnapshotWriter` / `SnapshotReader`: the import cache, fields in the order listed;
/// - `ModelFieldNames` (tests: every stored property is listed, in sorted order) and the
///   database rows (`CatalogDatabase` binds the fields whose names its tables map to columns).
///
/// The walkers are generic over the visitor, so the compiler specializes each description for
/// each encoding and turns the key path literals into direct property reads (as fast as the
/// hand-written encoders they replace; `skkni-synth --encoding-benchmark` measures it).
/// Adding a field to a model type means one line in its `describe`; `ModelDescriptionTests`
/// fails until it is there.
public protocol DescribedModel: FieldValue {
    /// A value every field of which a reader overwrites (read from a snapshot field by field).
    static var blank: Self { get }

    /// Calls `visitor.field` once per stored property, in sorted order of their names.
    static func describe<Visitor: FieldVisitor<Self>>(_ visitor: inout Visitor)
}

/// What walks a model type's fields: an encoder, a decoder, a row binder.
public protocol FieldVisitor<Root> {
    associatedtype Root
    mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>)
}

/// A value a model field can hold: a number, a text, a flag, a unit code, an enum with a text
/// raw value, another described type, or an optional or array of these.
public protocol FieldValue {
    /// Whether the catalogue JSON leaves the key out (an absent optional, as the synthesized
    /// `Encodable` does).
    var isAbsent: Bool { get }
    /// The value in a database column: `nil` for NULL, or for a value that is no column (an array).
    var column: ColumnValue? { get }
    func writeJSON(_ json: inout CatalogJSON)
    func write(to writer: inout SnapshotWriter)
    /// `writeJSON` and `write(to:)` of a value in memory: a described type's fields are read
    /// where they are, without copying the value (which would retain each of its fields).
    static func writeJSON(at value: UnsafePointer<Self>, _ json: inout CatalogJSON)
    static func write(at value: UnsafePointer<Self>, to writer: inout SnapshotWriter)
    static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> Self
}

/// A database column's value, as SQLite stores it.
public enum ColumnValue: Equatable, Sendable {
    case integer(Int)
    case text(String)
}

extension FieldValue {
    public var isAbsent: Bool { false }
    public var column: ColumnValue? { nil }

    @inline(__always)
    public static func writeJSON(at value: UnsafePointer<Self>, _ json: inout CatalogJSON) {
        value.pointee.writeJSON(&json)
    }

    @inline(__always)
    public static func write(at value: UnsafePointer<Self>, to writer: inout SnapshotWriter) {
        value.pointee.write(to: &writer)
    }
}

// MARK: Scalars

extension Int: FieldValue {
    public var column: ColumnValue? { .integer(self) }
    public func writeJSON(_ json: inout CatalogJSON) { json.value(self) }
    public func write(to writer: inout SnapshotWriter) { writer.write(self) }
    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> Int { try reader.int() }
}

extension String: FieldValue {
    public var column: ColumnValue? { .text(self) }
    public func writeJSON(_ json: inout CatalogJSON) { json.value(self) }
    public func write(to writer: inout SnapshotWriter) { writer.write(self) }
    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> String {
        try reader.string()
    }
}

extension Bool: FieldValue {
    public var column: ColumnValue? { .integer(self ? 1 : 0) }
    public func writeJSON(_ json: inout CatalogJSON) { json.value(self) }
    public func write(to writer: inout SnapshotWriter) { writer.write(self) }
    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> Bool { try reader.bool() }
}

/// A unit code is its raw text in every encoding.
extension UnitCode: FieldValue {
    public var column: ColumnValue? { .text(raw) }
    public func writeJSON(_ json: inout CatalogJSON) { json.value(raw) }
    public func write(to writer: inout SnapshotWriter) { writer.write(raw) }
    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> UnitCode {
        UnitCode(try reader.string())
    }
}

/// An enum is its raw text; a snapshot with an unknown one is corrupt.
extension FieldValue where Self: RawRepresentable, RawValue == String {
    public var column: ColumnValue? { .text(rawValue) }
    public func writeJSON(_ json: inout CatalogJSON) { json.value(rawValue) }
    public func write(to writer: inout SnapshotWriter) { writer.write(rawValue) }
    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> Self {
        guard let value = Self(rawValue: try reader.string()) else { throw SnapshotError() }
        return value
    }
}

extension UnitRole: FieldValue {}
extension SchemeType: FieldValue {}

// MARK: Optionals and arrays

extension Optional: FieldValue where Wrapped: FieldValue {
    public var isAbsent: Bool { self == nil }
    public var column: ColumnValue? { self?.column }
    public func writeJSON(_ json: inout CatalogJSON) { self?.writeJSON(&json) }

    public func write(to writer: inout SnapshotWriter) {
        writer.write(self != nil)
        self?.write(to: &writer)
    }

    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> Wrapped? {
        try reader.bool() ? try Wrapped.read(from: &reader) : nil
    }
}

extension Array: FieldValue where Element: FieldValue {
    public func writeJSON(_ json: inout CatalogJSON) { json.array(self) }

    public func write(to writer: inout SnapshotWriter) {
        writer.write(count)
        withUnsafeBufferPointer { elements in
            guard let first = elements.baseAddress else { return }
            for index in elements.indices { Element.write(at: first + index, to: &writer) }
        }
    }

    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> [Element] {
        try reader.array { r throws(SnapshotError) in try Element.read(from: &r) }
    }
}

// MARK: Described types: an object in JSON, its fields in a snapshot

extension DescribedModel {
    public func writeJSON(_ json: inout CatalogJSON) { json.object(self) }

    public static func writeJSON(at value: UnsafePointer<Self>, _ json: inout CatalogJSON) {
        json.object(at: value)
    }

    public func write(to writer: inout SnapshotWriter) {
        withUnsafePointer(to: self) { Self.write(at: $0, to: &writer) }
    }

    /// The visitors reach the value and the output through pointers: a copy of either would
    /// retain every field (the hand-written encoders this replaced copied nothing).
    public static func write(at value: UnsafePointer<Self>, to writer: inout SnapshotWriter) {
        withUnsafeMutablePointer(to: &writer) { writer in
            var fields = SnapshotFieldWriter(root: value, writer: writer)
            describe(&fields)
        }
    }

    public static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> Self {
        var value = blank
        let complete = withUnsafeMutablePointer(to: &value) { root in
            withUnsafeMutablePointer(to: &reader) { reader in
                var fields = SnapshotFieldReader(root: root, reader: reader)
                describe(&fields)
                return !fields.failed
            }
        }
        guard complete else { throw SnapshotError() }
        return value
    }
}

extension DescribedModel {
    /// A value from a snapshot that holds it alone; bytes left over make the snapshot corrupt.
    public static func read(snapshot bytes: [UInt8]) throws(SnapshotError) -> Self {
        let result = bytes.withUnsafeBytes { raw -> Result<Self, SnapshotError> in
            var reader = SnapshotReader(raw)
            do throws(SnapshotError) {
                let value = try read(from: &reader)
                return reader.isAtEnd ? .success(value) : .failure(SnapshotError())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

struct SnapshotFieldWriter<Root>: FieldVisitor {
    let root: UnsafePointer<Root>
    let writer: UnsafeMutablePointer<SnapshotWriter>

    @inline(__always)
    mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>) {
        Value.write(at: root.pointer(to: keyPath)!, to: &writer.pointee)
    }
}

struct SnapshotFieldReader<Root>: FieldVisitor {
    let root: UnsafeMutablePointer<Root>
    let reader: UnsafeMutablePointer<SnapshotReader>
    /// Set at the first field that does not read; the fields after it are skipped.
    var failed = false

    @inline(__always)
    mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>) {
        guard !failed else { return }
        do throws(SnapshotError) {
            root.pointee[keyPath: keyPath] = try Value.read(from: &reader.pointee)
        } catch {
            failed = true
        }
    }
}

/// The names a type's description lists, in order.
public struct ModelFieldNames<Root>: FieldVisitor {
    public private(set) var names: [String] = []

    public init() {}

    public static func of(_ type: Root.Type) -> [String] where Root: DescribedModel {
        var visitor = ModelFieldNames<Root>()
        Root.describe(&visitor)
        return visitor.names
    }

    public mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>) {
        names.append(name.description)
    }
}

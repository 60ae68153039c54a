import Foundation

/// A compact binary form of the model, for caches that must load faster than the documents
/// parse (a national catalogue's 87 MB of text take seconds to parse; its snapshot loads in a
/// fraction of that). Not an exchange format: the catalogue files are the diffable form, and
/// a snapshot is only ever read by the binary that wrote it (see `ImportCache`).
public struct SnapshotWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Unsigned LEB128; negative numbers do not occur in the model but are kept exact.
    public mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write<T>(_ values: [T], _ element: (inout SnapshotWriter, T) -> Void) {
        write(values.count)
        for value in values { element(&self, value) }
    }

    public mutating func write(_ values: [String]) { write(values) { $0.write($1) } }
}

public struct SnapshotError: Error, CustomStringConvertible {
    public var description: String { "snapshot terpotong atau rusak" }
}

/// Reads what `SnapshotWriter` wrote, in the same order; any inconsistency throws.
public struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int

    /// `bytes` must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func int() throws(SnapshotError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw SnapshotError() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    public mutating func bool() throws(SnapshotError) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw SnapshotError() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    public mutating func string() throws(SnapshotError) -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw SnapshotError() }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        offset += count
        return text
    }

    public mutating func optionalInt() throws(SnapshotError) -> Int? { try bool() ? try int() : nil }

    public mutating func optionalString() throws(SnapshotError) -> String? { try bool() ? try string() : nil }

    public mutating func array<T>(_ element: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError)
        -> [T]
    {
        let count = try int()
        // Each element takes at least one byte: a corrupt count cannot reserve gigabytes.
        guard count >= 0, count <= bytes.count - offset else { throw SnapshotError() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    public mutating func strings() throws(SnapshotError) -> [String] {
        try array { r throws(SnapshotError) in try r.string() }
    }

    public mutating func optionalArray<T>(_ element: (inout SnapshotReader) throws(SnapshotError) -> T)
        throws(SnapshotError) -> [T]?
    {
        try bool() ? try array(element) : nil
    }
}

extension SnapshotWriter {
    /// A model value, its fields in the order its description lists them (`DescribedModel`).
    public mutating func write<Model: DescribedModel>(_ value: Model) { value.write(to: &self) }

    public mutating func write(_ code: UnitCode) { write(code.raw) }

    public mutating func write(_ location: SourceLocation) {
        write(location.file)
        write(location.line)
    }

    public mutating func write(_ d: Diagnostic) {
        write(d.rule)
        write(d.name)
        write(d.severity.rawValue)
        write(d.message)
        write(d.location)
        write(d.subject)
        write(d.related) {
            $0.write($1.location)
            $0.write($1.message)
        }
        write(d.suppressed)
    }
}

extension SnapshotReader {
    public mutating func unitCode() throws(SnapshotError) -> UnitCode { UnitCode(try string()) }

    /// A model value as `SnapshotWriter.write(_:)` wrote it.
    public mutating func read<Model: DescribedModel>(_ type: Model.Type) throws(SnapshotError) -> Model {
        try Model.read(from: &self)
    }

    public mutating func decree() throws(SnapshotError) -> Decree { try read(Decree.self) }

    public mutating func scheme() throws(SnapshotError) -> Scheme { try read(Scheme.self) }

    public mutating func standardDecree() throws(SnapshotError) -> StandardDecree { try read(StandardDecree.self) }

    public mutating func sourceLocation() throws(SnapshotError) -> SourceLocation {
        SourceLocation(file: try string(), line: try int())
    }

    public mutating func diagnostic() throws(SnapshotError) -> Diagnostic {
        let rule = try string()
        let name = try string()
        guard let severity = Severity(rawValue: try string()) else { throw SnapshotError() }
        return Diagnostic(
            rule: rule, name: name, severity: severity, message: try string(), location: try sourceLocation(),
            subject: try string(),
            related: try array { r throws(SnapshotError) in RelatedLocation(try r.sourceLocation(), try r.string()) },
            suppressed: try bool())
    }
}

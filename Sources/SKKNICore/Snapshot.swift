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
    public mutating func write(_ code: UnitCode) { write(code.raw) }

    public mutating func write(_ reference: DecreeReference) {
        write(reference.number)
        write(reference.year)
        write(reference.title)
        write(reference.line)
    }

    public mutating func write(_ unit: QualificationUnit) {
        write(unit.number)
        write(unit.code)
        write(unit.title)
        write(unit.cleanTitle)
        write(unit.role == .inti)
        write(unit.prerequisites) { $0.write($1) }
        write(unit.line)
        writeLines(unit.continuationLines)
    }

    mutating func writeLines(_ lines: [Int]?) {
        write(lines != nil)
        if let lines { write(lines) { $0.write($1) } }
    }

    public mutating func write(_ q: Qualification) {
        write(q.id)
        write(q.letter)
        write(q.line)
        write(q.heading)
        write(q.codification)
        write(q.level)
        write(q.subfield)
        write(q.group)
        write(q.codificationText)
        write(q.description)
        write(q.workAttitudes) {
            $0.write($1.name)
            $0.write($1.text)
        }
        write(q.generalAttitudes)
        write(q.role)
        write(q.jobTitles)
        write(q.jobTitleNotes)
        write(q.packaging != nil)
        if let p = q.packaging {
            write(p.total)
            write(p.inti)
            write(p.pilihan)
            write(p.line)
        }
        write(q.units) { $0.write($1) }
    }

    public mutating func write(_ d: Decree) {
        write(d.id)
        write(d.source)
        write(d.line)
        write(d.kind)
        write(d.number)
        write(d.year)
        write(d.title)
        write(d.field)
        write(d.isDraft)
        write(d.dateSet)
        write(d.dateSetLine)
        write(d.revokes) { $0.write($1) }
        write(d.amends) { $0.write($1) }
        write(d.qualifications) { $0.write($1) }
    }

    public mutating func write(_ s: Scheme) {
        write(s.id)
        write(s.source)
        write(s.line)
        write(s.title)
        write(s.name)
        write(s.nameLine)
        write(s.packagingTypeText)
        write(s.packagingType.rawValue)
        write(s.packagingTypeLine)
        write(s.level)
        write(s.group)
        write(s.owner)
        write(s.documentNumber)
        write(s.approvedDate)
        write(s.approvedDateText)
        write(s.citations) { $0.write($1) }
        write(s.units) {
            $0.write($1.number)
            $0.write($1.code)
            $0.write($1.title)
            $0.write($1.cleanTitle)
            $0.write($1.line)
            $0.writeLines($1.continuationLines)
        }
        write(s.requirements)
    }

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

    public mutating func decreeReference() throws(SnapshotError) -> DecreeReference {
        DecreeReference(number: try int(), year: try int(), title: try optionalString(), line: try int())
    }

    mutating func lines() throws(SnapshotError) -> [Int]? {
        try optionalArray { r throws(SnapshotError) in try r.int() }
    }

    public mutating func qualificationUnit() throws(SnapshotError) -> QualificationUnit {
        QualificationUnit(
            number: try optionalInt(), code: try unitCode(), title: try string(), cleanTitle: try string(),
            role: try bool() ? .inti : .pilihan,
            prerequisites: try array { r throws(SnapshotError) in try r.unitCode() }, line: try int(),
            continuationLines: try lines())
    }

    public mutating func qualification() throws(SnapshotError) -> Qualification {
        var q = Qualification(id: try string(), letter: try string(), line: try int(), heading: try string())
        q.codification = try optionalString()
        q.level = try int()
        q.subfield = try optionalString()
        q.group = try string()
        q.codificationText = try optionalString()
        q.description = try optionalString()
        q.workAttitudes = try array { r throws(SnapshotError) in
            WorkAttitude(name: try r.string(), text: try r.string())
        }
        q.generalAttitudes = try strings()
        q.role = try optionalString()
        q.jobTitles = try strings()
        q.jobTitleNotes = try strings()
        if try bool() {
            q.packaging = PackagingRule(
                total: try optionalInt(), inti: try optionalInt(), pilihan: try optionalInt(), line: try int())
        }
        q.units = try array { r throws(SnapshotError) in try r.qualificationUnit() }
        return q
    }

    public mutating func decree() throws(SnapshotError) -> Decree {
        let id = try string()
        var d = Decree(
            source: try string(), line: try int(), kind: try string(), number: try optionalInt(), year: try int(),
            title: try string(), field: try optionalString(), draft: try bool(), dateSet: try optionalString(),
            dateSetLine: try optionalInt())
        d.id = id
        d.revokes = try array { r throws(SnapshotError) in try r.decreeReference() }
        d.amends = try array { r throws(SnapshotError) in try r.decreeReference() }
        d.qualifications = try array { r throws(SnapshotError) in try r.qualification() }
        return d
    }

    public mutating func scheme() throws(SnapshotError) -> Scheme {
        var s = Scheme(id: try string(), source: try string(), line: try int(), title: try string())
        s.name = try optionalString()
        s.nameLine = try optionalInt()
        s.packagingTypeText = try optionalString()
        guard let type = SchemeType(rawValue: try string()) else { throw SnapshotError() }
        s.packagingType = type
        s.packagingTypeLine = try optionalInt()
        s.level = try optionalInt()
        s.group = try optionalString()
        s.owner = try optionalString()
        s.documentNumber = try optionalString()
        s.approvedDate = try optionalString()
        s.approvedDateText = try optionalString()
        s.citations = try array { r throws(SnapshotError) in try r.decreeReference() }
        s.units = try array { r throws(SnapshotError) in
            SchemeUnit(
                number: try r.optionalInt(), code: try r.unitCode(), title: try r.string(), cleanTitle: try r.string(),
                line: try r.int(), continuationLines: try r.lines())
        }
        s.requirements = try strings()
        return s
    }

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

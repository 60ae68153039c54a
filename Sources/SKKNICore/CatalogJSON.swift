import Foundation

/// The catalogue files' JSON, written directly: the same bytes as `CatalogStore.encoder()`
/// (JSONEncoder, pretty-printed, sorted keys, slashes unescaped) gives, about ten times
/// faster. Every build writes or compares one file per document, and at national scale
/// JSONEncoder spent seconds of CPU on it. The tests hold the two to the same bytes on the
/// seeds, a synthetic catalogue and generated strings; JSONDecoder still reads the files.
/// Keys are listed in sorted order by hand: adding a model field means adding it here, and
/// the tests fail until it is.
public struct CatalogJSON {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the current object or array has a member yet (a comma goes before the next).
    private var hasMember: [Bool] = []

    public static func encode(_ decree: Decree) -> Data {
        var json = CatalogJSON()
        json.bytes.reserveCapacity(4096)
        json.value(decree)
        json.bytes.append(0x0A)
        return Data(json.bytes)
    }

    public static func encode(_ scheme: Scheme) -> Data {
        var json = CatalogJSON()
        json.bytes.reserveCapacity(2048)
        json.value(scheme)
        json.bytes.append(0x0A)
        return Data(json.bytes)
    }

    public static func encode(_ standard: StandardDecree) -> Data {
        var json = CatalogJSON()
        json.bytes.reserveCapacity(65536)
        json.value(standard)
        json.bytes.append(0x0A)
        return Data(json.bytes)
    }

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

    private mutating func key(_ name: StaticString) {
        member()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])  // `" : `
    }

    private mutating func object(_ body: (inout CatalogJSON) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    private mutating func array<T>(_ values: [T], _ element: (inout CatalogJSON, T) -> Void) {
        open(0x5B)
        for value in values {
            member()
            element(&self, value)
        }
        close(0x5D)
    }

    // MARK: Scalars

    private mutating func value(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }

    private mutating func value(_ text: String) { JSONString.append(text, to: &bytes) }

    private mutating func field(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    private mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        value(text)
    }

    /// Absent optionals are left out, as the synthesized `Encodable` does.
    private mutating func field(_ name: StaticString, _ number: Int?) {
        if let number { field(name, number) }
    }

    private mutating func field(_ name: StaticString, _ text: String?) {
        if let text { field(name, text) }
    }

    private mutating func field(_ name: StaticString, _ flag: Bool?) {
        guard let flag else { return }
        key(name)
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    private mutating func field(_ name: StaticString, _ texts: [String]) {
        key(name)
        array(texts) { $0.value($1) }
    }

    private mutating func field(_ name: StaticString, _ numbers: [Int]?) {
        guard let numbers else { return }
        key(name)
        array(numbers) { $0.value($1) }
    }

    // MARK: The model, keys in sorted order

    private mutating func value(_ r: DecreeReference) {
        object {
            $0.field("line", r.line)
            $0.field("number", r.number)
            $0.field("title", r.title)
            $0.field("year", r.year)
        }
    }

    private mutating func references(_ name: StaticString, _ references: [DecreeReference]) {
        key(name)
        array(references) { $0.value($1) }
    }

    private mutating func value(_ d: Decree) {
        object {
            $0.references("amends", d.amends)
            $0.field("dateSet", d.dateSet)
            $0.field("dateSetLine", d.dateSetLine)
            $0.field("draft", d.draft)
            $0.field("field", d.field)
            $0.field("id", d.id)
            $0.field("kind", d.kind)
            $0.field("line", d.line)
            $0.field("number", d.number)
            $0.key("qualifications")
            $0.array(d.qualifications) { $0.value($1) }
            $0.references("revokes", d.revokes)
            $0.field("source", d.source)
            $0.field("title", d.title)
            $0.field("year", d.year)
        }
    }

    private mutating func value(_ q: Qualification) {
        object {
            $0.field("codification", q.codification)
            $0.field("codificationText", q.codificationText)
            $0.field("description", q.description)
            $0.field("generalAttitudes", q.generalAttitudes)
            $0.field("group", q.group)
            $0.field("heading", q.heading)
            $0.field("id", q.id)
            $0.field("jobTitleNotes", q.jobTitleNotes)
            $0.field("jobTitles", q.jobTitles)
            $0.field("letter", q.letter)
            $0.field("level", q.level)
            $0.field("line", q.line)
            if let p = q.packaging {
                $0.key("packaging")
                $0.object {
                    $0.field("inti", p.inti)
                    $0.field("line", p.line)
                    $0.field("pilihan", p.pilihan)
                    $0.field("total", p.total)
                }
            }
            $0.field("role", q.role)
            $0.field("subfield", q.subfield)
            $0.key("units")
            $0.array(q.units) { json, u in
                json.object {
                    $0.field("cleanTitle", u.cleanTitle)
                    $0.field("code", u.code.raw)
                    $0.field("continuationLines", u.continuationLines)
                    $0.field("line", u.line)
                    $0.field("number", u.number)
                    $0.field("prerequisites", u.prerequisites.map(\.raw))
                    $0.field("role", u.role.rawValue)
                    $0.field("title", u.title)
                }
            }
            $0.key("workAttitudes")
            $0.array(q.workAttitudes) { json, a in
                json.object {
                    $0.field("name", a.name)
                    $0.field("text", a.text)
                }
            }
        }
    }

    private mutating func value(_ s: Scheme) {
        object {
            $0.field("approvedDate", s.approvedDate)
            $0.field("approvedDateText", s.approvedDateText)
            $0.references("citations", s.citations)
            $0.field("documentNumber", s.documentNumber)
            $0.field("group", s.group)
            $0.field("id", s.id)
            $0.field("level", s.level)
            $0.field("line", s.line)
            $0.field("name", s.name)
            $0.field("nameLine", s.nameLine)
            $0.field("owner", s.owner)
            $0.field("packagingType", s.packagingType.rawValue)
            $0.field("packagingTypeLine", s.packagingTypeLine)
            $0.field("packagingTypeText", s.packagingTypeText)
            $0.field("requirements", s.requirements)
            $0.field("source", s.source)
            $0.field("title", s.title)
            $0.key("units")
            $0.array(s.units) { json, u in
                json.object {
                    $0.field("cleanTitle", u.cleanTitle)
                    $0.field("code", u.code.raw)
                    $0.field("continuationLines", u.continuationLines)
                    $0.field("line", u.line)
                    $0.field("number", u.number)
                    $0.field("title", u.title)
                }
            }
        }
    }
}

// MARK: SKKNI decrees, keys in sorted order

extension CatalogJSON {
    fileprivate mutating func items(_ name: StaticString, _ items: [UnitDefinition.Item]) {
        key(name)
        array(items) { json, item in
            json.object {
                $0.field("line", item.line)
                $0.field("number", item.number)
                $0.field("text", item.text)
            }
        }
    }

    fileprivate mutating func value(_ s: StandardDecree) {
        object {
            $0.key("definitions")
            $0.array(s.definitions) { json, d in
                json.object {
                    $0.items("assessment", d.assessment)
                    $0.field("code", d.code.raw)
                    $0.field("description", d.description)
                    $0.key("elements")
                    $0.array(d.elements) { json, e in
                        json.object {
                            $0.key("criteria")
                            $0.array(e.criteria) { json, c in
                                json.object {
                                    $0.field("line", c.line)
                                    $0.field("number", c.number)
                                    $0.field("text", c.text)
                                }
                            }
                            $0.field("line", e.line)
                            $0.field("number", e.number)
                            $0.field("title", e.title)
                        }
                    }
                    $0.items("limits", d.limits)
                    $0.field("line", d.line)
                    $0.key("prerequisites")
                    $0.array(d.prerequisites) { json, p in
                        json.object {
                            $0.field("code", p.code.raw)
                            $0.field("line", p.line)
                            $0.field("title", p.title)
                        }
                    }
                    $0.field("title", d.title)
                    $0.field("titleLine", d.titleLine)
                }
            }
            $0.field("field", s.field)
            $0.field("id", s.id)
            $0.field("line", s.line)
            $0.key("listedUnits")
            $0.array(s.listedUnits) { json, u in
                json.object {
                    $0.field("code", u.code.raw)
                    $0.field("line", u.line)
                    $0.field("number", u.number)
                    $0.field("title", u.title)
                }
            }
            $0.field("number", s.number)
            $0.field("source", s.source)
            $0.field("title", s.title)
            $0.field("year", s.year)
        }
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

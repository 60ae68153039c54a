/// The SKKNI decree in the binary snapshot (see `Snapshot.swift`): written and read field by
/// field in the same order.
extension SnapshotWriter {
    public mutating func write(_ s: StandardDecree) {
        write(s.id)
        write(s.source)
        write(s.line)
        write(s.number)
        write(s.year)
        write(s.title)
        write(s.field)
        write(s.listedUnits) {
            $0.write($1.number)
            $0.write($1.code)
            $0.write($1.title)
            $0.write($1.line)
        }
        write(s.definitions) { $0.write($1) }
    }

    mutating func write(_ items: [UnitDefinition.Item]) {
        write(items) {
            $0.write($1.number)
            $0.write($1.text)
            $0.write($1.line)
        }
    }

    public mutating func write(_ d: UnitDefinition) {
        write(d.code)
        write(d.title)
        write(d.description)
        write(d.line)
        write(d.titleLine)
        write(d.elements) {
            $0.write($1.number)
            $0.write($1.title)
            $0.write($1.line)
            $0.write($1.criteria) {
                $0.write($1.number)
                $0.write($1.text)
                $0.write($1.line)
            }
        }
        write(d.prerequisites) {
            $0.write($1.code)
            $0.write($1.title)
            $0.write($1.line)
        }
        write(d.limits)
        write(d.assessment)
    }
}

extension SnapshotReader {
    public mutating func standardDecree() throws(SnapshotError) -> StandardDecree {
        var s = StandardDecree(
            id: try string(), source: try string(), line: try int(), number: try optionalInt(),
            year: try optionalInt(), title: try optionalString(), field: try optionalString())
        s.listedUnits = try array { r throws(SnapshotError) in
            ListedUnit(number: try r.optionalInt(), code: try r.unitCode(), title: try r.string(), line: try r.int())
        }
        s.definitions = try array { r throws(SnapshotError) in try r.unitDefinition() }
        return s
    }

    mutating func items() throws(SnapshotError) -> [UnitDefinition.Item] {
        try array { r throws(SnapshotError) in
            UnitDefinition.Item(number: try r.string(), text: try r.string(), line: try r.int())
        }
    }

    public mutating func unitDefinition() throws(SnapshotError) -> UnitDefinition {
        var d = UnitDefinition(
            code: try unitCode(), title: try string(), description: try optionalString(), line: try int(),
            titleLine: try optionalInt())
        d.elements = try array { r throws(SnapshotError) in
            UnitDefinition.Element(
                number: try r.int(), title: try r.string(), line: try r.int(),
                criteria: try r.array { r throws(SnapshotError) in
                    UnitDefinition.Criterion(number: try r.string(), text: try r.string(), line: try r.int())
                })
        }
        d.prerequisites = try array { r throws(SnapshotError) in
            UnitDefinition.Prerequisite(code: try r.unitCode(), title: try r.optionalString(), line: try r.int())
        }
        d.limits = try items()
        d.assessment = try items()
        return d
    }
}

import SKKNICore

/// The units SKKNI decrees define, by code and by identity (the highest version): for the
/// rules that compare the rows of qualifications and schemes with their definitions (built
/// once per check, in `CheckContext.standardDefinitions`).
struct StandardDefinitionIndex: Sendable {
    struct Entry: Sendable {
        var standard: StandardDecree
        var definition: UnitDefinition

        var location: SourceLocation { SourceLocation(file: standard.source, line: definition.line) }
    }

    private(set) var byCode: [String: Entry] = [:]
    private(set) var latestByIdentity: [String: Entry] = [:]

    init(_ standards: [StandardDecree]) {
        // Sized once: growing the tables moved every entry again at each doubling.
        let count = standards.reduce(0) { $0 + $1.definitions.count }
        byCode.reserveCapacity(count)
        latestByIdentity.reserveCapacity(count)
        for standard in standards {
            for d in standard.definitions where d.code.isValid {
                let entry = Entry(standard: standard, definition: d)
                if byCode[d.code.raw] == nil { byCode[d.code.raw] = entry }
                if let latest = latestByIdentity[d.code.identity],
                    latest.definition.code.versionNumber >= d.code.versionNumber
                {
                    continue
                }
                latestByIdentity[d.code.identity] = entry
            }
        }
    }

    var isEmpty: Bool { byCode.isEmpty }

    /// A row of a qualification or scheme that names a unit; what it stands in is described
    /// only when a finding needs it (every row of the catalogue is visited).
    struct UsingRow {
        enum Owner {
            case qualification(DecreeRow)
            case scheme(occupation: String)
        }

        var code: UnitCode
        var title: String
        var location: SourceLocation
        var owner: Owner

        var container: String {
            switch owner {
            case .qualification(let row): CheckContext.describe(row.qualification, in: row.decree)
            case .scheme(let occupation): "skema \(occupation)"
            }
        }
    }

    /// Every qualification row (when decrees are checked) and every scheme row, in order.
    static func forEachRow(_ context: CheckContext, _ body: (UsingRow) -> Void) {
        for row in context.checkedDecreeRows {
            body(
                UsingRow(
                    code: row.unit.code, title: row.unit.cleanTitle, location: row.location,
                    owner: .qualification(row)))
        }
        for scheme in context.schemes {
            for unit in scheme.units {
                body(
                    UsingRow(
                        code: unit.code, title: unit.cleanTitle, location: context.location(scheme, line: unit.line),
                        owner: .scheme(occupation: scheme.occupation)))
            }
        }
    }
}

extension Example {
    /// A scheme checked as a draft against a catalogue holding the SKKNI decree `annex`.
    static func scheme(_ scheme: String, standard annex: String, file: String = #filePath, line: UInt = #line)
        -> Example
    {
        var example = Example.standard(annex, file: file, line: line)
        example.documents.append(ExampleDocument(kind: .scheme, text: scheme, isDraft: true))
        return example
    }
}

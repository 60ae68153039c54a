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

    /// Every row a decree's qualification or a scheme lists, with where it is and what it is in:
    /// qualifications only when the context checks the decrees' own content.
    static func rows(_ context: CheckContext) -> [(
        code: UnitCode, title: String, location: SourceLocation, container: String
    )] {
        var rows: [(code: UnitCode, title: String, location: SourceLocation, container: String)] = []
        for row in context.checkedDecreeRows {
            rows.append(
                (
                    row.unit.code, row.unit.cleanTitle, row.location,
                    CheckContext.describe(row.qualification, in: row.decree)
                ))
        }
        for scheme in context.schemes {
            for unit in scheme.units {
                rows.append(
                    (
                        unit.code, unit.cleanTitle, context.location(scheme, line: unit.line),
                        "skema \(scheme.occupation)"
                    ))
            }
        }
        return rows
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

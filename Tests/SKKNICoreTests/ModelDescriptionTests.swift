import Testing

@testable import SKKNICore

/// Every model type's description (`DescribedModel.describe`) lists each of its stored
/// properties once, in sorted order: a property added without its line fails here, before
/// it would be missing from the catalogue files, the snapshot and the database.
@Suite struct ModelDescriptionTests {
    /// The described types, found from the three documents through their fields (arrays and
    /// optionals looked through), so a new nested type is checked without being listed here.
    // Built once before the tests read it, never written after.
    nonisolated(unsafe) static let types: [any DescribedModel.Type] = {
        var found: [any DescribedModel.Type] = []
        func visit(_ type: any DescribedModel.Type) {
            guard !found.contains(where: { $0 == type }) else { return }
            found.append(type)
            for field in fieldTypes(of: type) { visit(field) }
        }
        for document: any DescribedModel.Type in [Decree.self, Scheme.self, StandardDecree.self] { visit(document) }
        return found
    }()

    /// The described types `type`'s fields hold.
    static func fieldTypes<Model: DescribedModel>(of type: Model.Type) -> [any DescribedModel.Type] {
        var collector = TypeCollector<Model>()
        Model.describe(&collector)
        return collector.types
    }

    struct TypeCollector<Root>: FieldVisitor {
        var types: [any DescribedModel.Type] = []
        mutating func field<Value: FieldValue>(_ name: StaticString, _ keyPath: WritableKeyPath<Root, Value>) {
            var type: Any.Type = Value.self
            while let wrapper = type as? any Wrapper.Type { type = wrapper.wrapped }
            if let described = type as? any DescribedModel.Type { types.append(described) }
        }
    }

    static func names<Model: DescribedModel>(_ type: Model.Type) -> [String] { ModelFieldNames.of(type) }

    static func storedProperties<Model: DescribedModel>(_ type: Model.Type) -> [String] {
        Mirror(reflecting: Model.blank).children.compactMap(\.label)
    }

    @Test func everyModelTypeIsFound() {
        // The documents, their parts, and the parts of those: fifteen types today.
        #expect(Self.types.count == 15)
        #expect(Self.types.contains { $0 == UnitDefinition.Criterion.self })
    }

    @Test(arguments: types.map(TypeName.init))
    func everyStoredPropertyIsDescribedOnceInSortedOrder(_ type: TypeName) {
        let names = Self.names(type.type)
        let stored = Self.storedProperties(type.type)
        #expect(names.sorted() == stored.sorted(), "\(type): described \(names), stored \(stored)")
        #expect(names == names.sorted(), "\(type): the catalogue files' keys are sorted; list them so")
    }

    /// An SKKNI decree with every part filled survives the snapshot; a cut one throws. (That
    /// each key path reads the property its name says is held by the catalogue files being
    /// JSONEncoder's bytes: CatalogJSONTests.)
    @Test func aSnapshotRoundTripKeepsEveryPartOfAnSKKNIDecree() throws {
        var definition = UnitDefinition(
            code: UnitCode("J.611000.001.01"), title: "Judul", description: "Uraian",
            elements: [
                UnitDefinition.Element(
                    number: 1, title: "Elemen", line: 5,
                    criteria: [UnitDefinition.Criterion(number: "1.1", text: "KUK", line: 6)])
            ],
            prerequisites: [UnitDefinition.Prerequisite(code: UnitCode("J.611000.002.01"), title: "P", line: 7)],
            limits: [UnitDefinition.Item(number: "1", text: "Batas", line: 8)],
            assessment: [UnitDefinition.Item(number: "", text: "Panduan", line: 9)], line: 3, titleLine: 4)
        definition.description = "Uraian unit"
        let standard = StandardDecree(
            id: "kepmen-1-2020", source: "a.txt", line: 1, number: 1, year: 2020, title: "T", field: "F",
            listedUnits: [ListedUnit(number: 1, code: UnitCode("J.611000.001.01"), title: "Judul", line: 2)],
            definitions: [definition])
        var writer = SnapshotWriter()
        writer.write(standard)
        #expect(try StandardDecree.read(snapshot: writer.bytes) == standard)
        // A cut snapshot throws instead of giving a partial value.
        for end in [0, 1, writer.bytes.count / 2, writer.bytes.count - 1] {
            #expect(throws: SnapshotError.self) { try StandardDecree.read(snapshot: Array(writer.bytes[..<end])) }
        }
    }
}

/// A type's name for test arguments.
struct TypeName: CustomStringConvertible, @unchecked Sendable {
    let type: any DescribedModel.Type
    var description: String { String(describing: type) }
}

/// Optionals and arrays, looked through to the type they hold.
protocol Wrapper { static var wrapped: Any.Type { get } }
extension Optional: Wrapper { static var wrapped: Any.Type { Wrapped.self } }
extension Array: Wrapper { static var wrapped: Any.Type { Element.self } }

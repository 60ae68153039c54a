import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// `skkni diff` on SKKNI decrees: a criterion reworded in the real 299/2020 annex is a
/// changed definition of its unit, named by the decree's own numbering.
@Suite struct StandardDiffTests {
    static func imported(_ text: String) throws -> StandardDecree {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-diff-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("skkni-299-2020.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (document, _, _) = try Importer.importFile(at: file, displayPath: "skkni-299-2020.txt")
        guard case .standard(let standard) = document else { throw ImportError(file: "299", message: "bukan SKKNI") }
        return standard
    }

    @Test func aRewordedCriterionIsAChangedDefinition() throws {
        let original = try String(
            contentsOf: StandardDecreeTests.folder.appendingPathComponent(
                "skkni-kepmen-299-2020-data-science.txt"), encoding: .utf8)
        let reworded = original.replacingOccurrences(
            of: "Latar belakang dan permasalahan", with: "Latar belakang serta permasalahan")
        #expect(reworded != original)
        let before = try Self.imported(original)
        let after = try Self.imported(reworded)
        let diff = CatalogDiff.compare(
            before: Catalog(standards: [before]), after: Catalog(standards: [after]), findingsBefore: [],
            findingsAfter: [])
        #expect(
            diff.redefined == [
                CatalogDiff.DefinitionChange(
                    code: "J.62DMI00.001.1", decree: "SKKNI KEPMEN 299/2020", changes: ["KUK 1.1 berubah"])
            ])
        #expect(diff.addedUnits.isEmpty && diff.removedUnits.isEmpty && diff.retitled.isEmpty)
        #expect(
            diff.text(since: "HEAD").contains(
                "Uraian unit berubah (1):\n  ~ J.62DMI00.001.1 (SKKNI KEPMEN 299/2020): KUK 1.1 berubah"))
        // Nothing changed: nothing to say.
        let same = CatalogDiff.compare(
            before: Catalog(standards: [before]), after: Catalog(standards: [before]), findingsBefore: [],
            findingsAfter: [])
        #expect(same.isEmpty)
    }

    @Test func unitsAnSKKNIDecreeAddsAreNewUnits() throws {
        let standard = try Self.imported(
            try String(
                contentsOf: StandardDecreeTests.folder.appendingPathComponent(
                    "skkni-kepmen-299-2020-data-science.txt"), encoding: .utf8))
        let diff = CatalogDiff.compare(
            before: Catalog(), after: Catalog(standards: [standard]), findingsBefore: [], findingsAfter: [])
        #expect(diff.addedUnits.count == 21)
        #expect(diff.addedUnits.allSatisfy { $0.where_ == ["SKKNI KEPMEN 299/2020"] })
        #expect(diff.addedDocuments == ["skkni-299-2020.txt"])
    }
}

import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNISynthetic
import Testing

/// `IncrementalCheck` must give exactly what checking the edited catalogue from scratch gives.
@Suite struct IncrementalCheckTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let seeds = try! Importer.importDirectory(
        root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources"
    ).catalog

    static let sizeS: Catalog = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try! CatalogGenerator.generate(size: .S, into: dir)
        return try! Importer.importDirectory(dir, displayPrefix: "catalog/sources").catalog
    }()

    static func expectIncrementalEqualsFull(_ catalog: Catalog, schemes indices: [Int]) {
        let before = Checker.run(catalog: catalog)
        let index = DecreeIndex(catalog.decrees, standards: catalog.standards)
        var compared = 0
        for edit in SchemeEdit.allCases {
            for i in indices {
                let edited = edit.apply(to: catalog, scheme: i)
                let full = Checker.run(catalog: edited.catalog)
                let updated = IncrementalCheck.update(
                    before, catalog: edited.catalog, decreeIndex: index, changedFiles: edited.changedFiles,
                    before: edited.before)
                let same = updated == full
                #expect(same, "\(edit) on scheme \(i)")
                if !same {
                    let missing = full.filter { !updated.contains($0) }.map {
                        "\($0.location.file):\($0.location.line) \($0.rule) \($0.message)"
                    }
                    let extra = updated.filter { !full.contains($0) }.map {
                        "\($0.location.file):\($0.location.line) \($0.rule) \($0.message)"
                    }
                    Issue.record("missing: \(missing)\nextra: \(extra)")
                }
                if full != before { compared += 1 }
            }
        }
        // The edits must change findings, or the comparison proves little.
        #expect(compared > SchemeEdit.allCases.count * indices.count / 2)
    }

    @Test func everySeedSchemeEditedEveryWay() {
        Self.expectIncrementalEqualsFull(Self.seeds, schemes: Array(Self.seeds.schemes.indices))
    }

    @Test func sizeSSchemesEditedEveryWay() {
        Self.expectIncrementalEqualsFull(Self.sizeS, schemes: [0, 7, 19, 42, 100, 150, 199])
    }

    /// Rules declared `.decrees` find the same with the schemes taken away.
    @Test func decreeScopedRulesIgnoreSchemes() {
        for catalog in [Self.seeds, Self.sizeS] {
            let full = CheckContext(catalog: catalog)
            let decreesOnly = CheckContext(catalog: Catalog(decrees: catalog.decrees, standards: catalog.standards))
            for rule in RuleRegistry.rules where rule.scope == .decrees {
                let a = rule.init().check(full).sorted(by: Diagnostic.ordered)
                let b = rule.init().check(decreesOnly).sorted(by: Diagnostic.ordered)
                #expect(a == b, "\(rule.description.identifier)")
            }
        }
    }
}

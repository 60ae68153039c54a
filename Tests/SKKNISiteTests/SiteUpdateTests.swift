import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNISynthetic
import Testing

@testable import SKKNISite

/// `SiteGenerator.update` after scheme edits must leave the output a full build of the edited
/// catalogue writes, byte for byte, while rendering only some pages.
@Suite struct SiteUpdateTests {
    static let site = SiteFixture.root.appendingPathComponent("site")

    static func input(_ catalog: Catalog) -> SiteInput {
        // Source lines that depend on the catalogue, so a finding whose line moved shows it.
        let lines = Dictionary(
            catalog.schemes.flatMap { s in s.units.map { ("\(s.source):\($0.line)", $0.title) } },
            uniquingKeysWith: { a, _ in a })
        let documents = documents(catalog)
        return SiteInput(
            catalog: catalog, diagnostics: Checker.run(catalog: catalog), rules: RuleRegistry.allRules,
            sourceLine: { lines["\($0):\($1)"] ?? "baris \($1)" },
            sourceDocument: { documents[$0].map { SourceDocument(lines: $0, places: nil, original: nil) } })
    }

    /// Each document's lines, made from the model, so that an edit changes its source page.
    static func documents(_ catalog: Catalog) -> [String: [String]] {
        var documents: [String: [String]] = [:]
        for d in catalog.decrees { documents[d.source, default: []] += [d.label, d.title] }
        for s in catalog.standards { documents[s.source, default: []] += [s.label, s.title ?? ""] }
        for s in catalog.schemes {
            documents[s.source, default: []] +=
                [s.title, s.name ?? "", s.owner ?? ""] + s.units.map { "\($0.code.raw)\t\($0.title)" } + s.requirements
        }
        return documents
    }

    static func contents(of dir: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in SiteFixture.files(in: dir) {
            result[path] = FileManager.default.contents(atPath: dir.appendingPathComponent(path).path)
        }
        return result
    }

    /// Builds `catalog`, applies every edit to the schemes at `indices` one after another
    /// (each update starting from the previous one's state), and compares each result with a
    /// fresh full build. Returns how many edits were applied by `update` and how many pages
    /// those rendered in all.
    static func expectUpdatesEqualFullBuilds(_ catalog: Catalog, schemes indices: [Int]) throws -> (Int, Int) {
        let updated = SiteFixture.temporary()
        let fresh = SiteFixture.temporary()
        defer {
            try? FileManager.default.removeItem(at: updated)
            try? FileManager.default.removeItem(at: fresh)
        }
        var current = catalog
        var state = try SiteGenerator.build(input(current), siteDirectory: site, output: updated, keepState: true)
            .state!
        var applied = 0
        var rendered = 0
        for edit in SchemeEdit.allCases {
            for i in indices {
                let change = edit.apply(to: current, scheme: i)
                let next = input(change.catalog)
                if let summary = try SiteGenerator.update(
                    state, to: next, changedFiles: change.changedFiles, before: change.before, siteDirectory: site,
                    output: updated)
                {
                    state = summary.state!
                    applied += 1
                    rendered += summary.rendered
                } else {
                    state = try SiteGenerator.build(next, siteDirectory: site, output: updated, keepState: true).state!
                }
                try? FileManager.default.removeItem(at: fresh)
                _ = try SiteGenerator.build(next, siteDirectory: site, output: fresh)
                let a = contents(of: updated)
                let b = contents(of: fresh)
                let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
                let same = differing.isEmpty
                #expect(same, "\(edit) on scheme \(i): \(differing.count) files differ, \(differing.prefix(5))")
                current = change.catalog
            }
        }
        return (applied, rendered)
    }

    @Test func seedSchemesEditedEveryWay() throws {
        let seeds = try SiteFixture.seeds()
        let (applied, rendered) = try Self.expectUpdatesEqualFullBuilds(seeds, schemes: [0, 3, 7])
        // At least half the edits keep the set of units and are applied in place, each rendering a few pages.
        #expect(applied * 2 >= SchemeEdit.allCases.count * 3)
        #expect(rendered < applied * 40)
    }

    @Test func sizeSSchemesEditedEveryWay() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try CatalogGenerator.generate(size: .S, into: dir)
        let catalog = try Importer.importDirectory(dir, displayPrefix: "catalog/sources").catalog
        let (applied, rendered) = try Self.expectUpdatesEqualFullBuilds(catalog, schemes: [150])
        #expect(applied * 2 >= SchemeEdit.allCases.count)
        #expect(rendered < applied * 40)
    }
}

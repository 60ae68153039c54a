import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNISynthetic

/// The benchmark's catalogue is only worth measuring if it imports whole and its planted
/// defects are exactly what the checker reports.
@Suite struct SyntheticCatalogTests {
    @Test func sizeSImportsWithoutLossAndTheCheckerFindsExactlyThePlantedDefects() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try CatalogGenerator.generate(size: .S, into: dir)
        #expect(manifest.qualificationRows == 1000)
        #expect(manifest.schemes == 200)

        let result = try Importer.importDirectory(dir, displayPrefix: "catalog/sources")
        #expect(result.failures.isEmpty)
        let catalog = result.catalog
        #expect(catalog.decrees.count == manifest.decrees)
        #expect(catalog.qualifications.count == manifest.qualifications)
        #expect(catalog.qualifications.reduce(0) { $0 + $1.1.units.count } == manifest.qualificationRows)
        #expect(catalog.schemes.count == manifest.schemes)
        #expect(catalog.schemes.reduce(0) { $0 + $1.units.count } == manifest.schemeRows)
        let identities = Set(catalog.qualifications.flatMap { $0.1.units.map(\.code.identity) })
        #expect(identities.count == manifest.unitIdentities)

        let findings = result.diagnostics + Checker.run(catalog: catalog)
        let found = Set(findings.map { "\($0.rule) \($0.location.file):\($0.location.line)" })
        let planted = Set(manifest.planted.map { "\($0.rule) catalog/sources/\($0.file):\($0.line)" })
        #expect(findings.count == planted.count)
        #expect(found == planted)
        // Every kind of plant is there.
        #expect(
            Set(manifest.planted.map(\.rule)) == ["SKK101", "SKK103", "SKK104", "SKK201", "SKK301", "SKK401", "SKK402"])
    }

    /// Every shape the generator makes (prerequisites, packaging rules, both code formats,
    /// planted defects) comes back from the import cache exactly as parsed, findings included;
    /// and its catalogue files are byte for byte JSONEncoder's.
    @Test func sizeSFromTheImportCacheEqualsSizeSParsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-synth-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try CatalogGenerator.generate(size: .S, into: dir.appendingPathComponent("sources"))
        let cache = ImportCache(url: dir.appendingPathComponent(".cache/impor.bin"), settleSeconds: 0)
        let sources = dir.appendingPathComponent("sources")
        let parsed = try Importer.importDirectory(sources, displayPrefix: "catalog/sources", cache: cache)
        let loaded = try Importer.importDirectory(sources, displayPrefix: "catalog/sources", cache: cache)
        #expect(parsed.parsed == 201)
        #expect(loaded.parsed == 0)
        #expect(loaded.catalog.decrees == parsed.catalog.decrees)
        #expect(loaded.catalog.schemes == parsed.catalog.schemes)
        #expect(loaded.diagnostics == parsed.diagnostics)
        #expect(
            loaded.catalog.qualifications.contains { $0.qualification.units.contains { !$0.prerequisites.isEmpty } })
        #expect(Checker.run(catalog: loaded.catalog) == Checker.run(catalog: parsed.catalog))
        // The catalogue files of size S are what JSONEncoder writes.
        let encoder = CatalogStore.encoder()
        let expected =
            try loaded.catalog.decrees.map { try encoder.encode($0) + Data("\n".utf8) }
            + loaded.catalog.schemes.map { try encoder.encode($0) + Data("\n".utf8) }
        #expect(CatalogStore.files(for: loaded.catalog).map(\.data) == expected)
    }

    @Test func theSameSeedWritesTheSameDocuments() throws {
        let a = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-synth-\(UUID().uuidString)")
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-synth-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let first = try CatalogGenerator.generate(size: .S, into: a)
        _ = try CatalogGenerator.generate(size: .S, into: b)
        for name in first.documents.prefix(30) {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name))
            )
        }
    }
}

/// The Hugo side of the benchmark must render every page ours does, or the ratio flatters Hugo.
@Suite struct HugoTwinTests {
    @Test func sizeSHasOnePageForEachUnitQualificationAndSchemeAndNoKeyHugoActsOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-hugo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try CatalogGenerator.generate(size: .S, into: dir.appendingPathComponent("sources"))
        let site = dir.appendingPathComponent("hugo")
        try HugoTwin.write(sources: dir.appendingPathComponent("sources"), into: site)
        let content = site.appendingPathComponent("content")
        let fm = FileManager.default
        let sections = try fm.contentsOfDirectory(atPath: content.path).sorted()
        #expect(sections == ["kualifikasi", "skema", "unit"])
        var pages: [String: Int] = [:]
        for section in sections {
            for name in try fm.contentsOfDirectory(atPath: content.appendingPathComponent(section).path) {
                let data = try Data(contentsOf: content.appendingPathComponent("\(section)/\(name)"))
                let front = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let acted = HugoTwin.renderingKeys.intersection(front.keys)
                #expect(acted.isEmpty, "\(section)/\(name): \(acted.sorted())")
                pages[section, default: 0] += 1
            }
        }
        // Our site has a page for every unit identity a qualification or a scheme lists.
        let catalog = try Importer.importDirectory(dir.appendingPathComponent("sources"), displayPrefix: "s").catalog
        let identities = Set(
            catalog.qualifications.flatMap { $0.1.units.map(\.code.identity) }
                + catalog.schemes.flatMap { $0.units.map(\.code.identity) })
        #expect(identities.count > manifest.unitIdentities)
        #expect(pages == ["kualifikasi": manifest.qualifications, "skema": manifest.schemes, "unit": identities.count])
        // Each layout reads only keys the pages have (a renamed key would print nothing).
        for (name, template) in HugoTwin.layouts where name.hasSuffix("single.html") {
            let section = String(name.prefix { $0 != "/" })
            let sample = try #require(
                try fm.contentsOfDirectory(atPath: content.appendingPathComponent(section).path).sorted().first)
            let front = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: content.appendingPathComponent("\(section)/\(sample)")))
                    as? [String: Any])
            for match in template.matches(of: /\.Params\.(\w+)/) {
                #expect(front[String(match.1)] != nil, "\(name) reads .Params.\(match.1)")
            }
        }
    }
}

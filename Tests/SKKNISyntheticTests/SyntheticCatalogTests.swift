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
        // The SKKNI decrees: every Daftar row, Uraian block, element, criterion and prerequisite.
        let standards = catalog.standards
        #expect(manifest.standards == 2 * manifest.qualifications)
        #expect(standards.count == manifest.standards)
        #expect(standards.allSatisfy { $0.number != nil && $0.title != nil && $0.field != nil })
        #expect(standards.reduce(0) { $0 + $1.listedUnits.count } == manifest.standardRows)
        let definitions = standards.flatMap(\.definitions)
        #expect(definitions.count == manifest.definitions)
        #expect(definitions.reduce(0) { $0 + $1.elements.count } == manifest.elements)
        #expect(definitions.reduce(0) { $0 + $1.criteriaCount } == manifest.criteria)
        #expect(definitions.reduce(0) { $0 + $1.prerequisites.count } == manifest.definitionPrerequisites)
        #expect(manifest.criteria >= 11 * manifest.definitions && manifest.criteria <= 13 * manifest.definitions)
        // Each part whole: numbered as printed, wrapped lines joined, nothing spilled across the columns.
        for d in definitions {
            #expect(d.description?.hasSuffix("sesuai dengan prosedur kerja yang berlaku.") == true, "\(d.code)")
            #expect(d.title.contains(" Tahap "), "\(d.code)")
            #expect(d.elements.map(\.number) == Array(1...d.elements.count), "\(d.code)")
            for e in d.elements {
                #expect(e.title.split(separator: " ").count >= 3 && !e.title.contains("."), "\(d.code) \(e.number)")
                #expect(e.criteria.map(\.number) == e.criteria.indices.map { "\(e.number).\($0 + 1)" }, "\(d.code)")
                for c in e.criteria {
                    #expect(c.text.hasSuffix(".") && c.text.split(separator: " ").count >= 5, "\(d.code) \(c.number)")
                }
            }
            #expect(d.limits.map(\.number) == ["1", "1.1", "2", "2.1", "2.1.1", "3"], "\(d.code)")
            #expect(
                d.assessment.map(\.number).filter { !$0.hasPrefix("2.") }
                    == ["1", "2", "3", "3.1", "3.1.1", "4", "4.1", "5", "5.1"], "\(d.code)")
        }
        // Every unit a qualification or scheme lists with a valid code has its definition (the
        // planted defects aside: a code made up for a scheme, a code without its dot).
        let defined = Set(definitions.map(\.code.raw))
        let qualificationCodes = Set(catalog.qualifications.flatMap { $0.1.units.map(\.code.raw) })
        #expect(qualificationCodes.subtracting(defined).count == manifest.planted.filter { $0.rule == "SKK503" }.count)

        let findings = result.diagnostics + Checker.run(catalog: catalog)
        let found = Set(findings.map { "\($0.rule) \($0.location.file):\($0.location.line)" })
        let planted = Set(manifest.planted.map { "\($0.rule) catalog/sources/\($0.file):\($0.line)" })
        #expect(findings.count == planted.count)
        #expect(found == planted)
        // Every kind of plant is there.
        #expect(
            Set(manifest.planted.map(\.rule)) == [
                "SKK101", "SKK103", "SKK104", "SKK201", "SKK301", "SKK401", "SKK402", "SKK501", "SKK502", "SKK503",
                "SKK504", "SKK505",
            ])
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
        #expect(parsed.parsed == 221)
        #expect(loaded.parsed == 0)
        #expect(loaded.catalog.decrees == parsed.catalog.decrees)
        #expect(loaded.catalog.schemes == parsed.catalog.schemes)
        #expect(loaded.catalog.standards == parsed.catalog.standards)
        #expect(loaded.diagnostics == parsed.diagnostics)
        #expect(
            loaded.catalog.qualifications.contains { $0.qualification.units.contains { !$0.prerequisites.isEmpty } })
        #expect(Checker.run(catalog: loaded.catalog) == Checker.run(catalog: parsed.catalog))
        // The catalogue files of size S are what JSONEncoder writes.
        let encoder = CatalogStore.encoder()
        let expected =
            try loaded.catalog.decrees.map { try encoder.encode($0) + Data("\n".utf8) }
            + loaded.catalog.schemes.map { try encoder.encode($0) + Data("\n".utf8) }
            + loaded.catalog.standards.map { try encoder.encode($0) + Data("\n".utf8) }
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
    @Test func sizeSHasOnePageForEachUnitQualificationSchemeAndSKKNIDecreeAndNoKeyHugoActsOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-hugo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try CatalogGenerator.generate(size: .S, into: dir.appendingPathComponent("sources"))
        let site = dir.appendingPathComponent("hugo")
        try HugoTwin.write(sources: dir.appendingPathComponent("sources"), into: site)
        let content = site.appendingPathComponent("content")
        let fm = FileManager.default
        let sections = try fm.contentsOfDirectory(atPath: content.path).sorted()
        #expect(sections == ["kualifikasi", "skema", "skkni", "sumber", "unit"])
        var pages: [String: Int] = [:]
        for section in sections {
            // `_index.md` is the section's own page (its list), not one of its pages.
            for name in try fm.contentsOfDirectory(atPath: content.appendingPathComponent(section).path)
            where name != "_index.md" {
                let data = try Data(contentsOf: content.appendingPathComponent("\(section)/\(name)"))
                let front = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let acted = HugoTwin.renderingKeys.intersection(front.keys)
                #expect(acted.isEmpty, "\(section)/\(name): \(acted.sorted())")
                pages[section, default: 0] += 1
            }
        }
        // Our site has a page for every unit identity a qualification or a scheme lists, or an
        // SKKNI decree lists or defines.
        let catalog = try Importer.importDirectory(dir.appendingPathComponent("sources"), displayPrefix: "s").catalog
        var identities = Set(catalog.qualifications.flatMap { $0.1.units.map(\.code.identity) })
        identities.formUnion(catalog.schemes.flatMap { $0.units.map(\.code.identity) })
        identities.formUnion(catalog.standards.flatMap { $0.listedUnits.map(\.code.identity) })
        identities.formUnion(catalog.standards.flatMap { $0.definitions.map(\.code.identity) })
        #expect(identities.count > manifest.unitIdentities)
        // And one per source document, as our sumber/ pages.
        let documents = Set(
            catalog.decrees.map(\.source) + catalog.standards.map(\.source) + catalog.schemes.map(\.source))
        #expect(
            pages == [
                "kualifikasi": manifest.qualifications, "skema": manifest.schemes, "skkni": manifest.standards,
                "unit": identities.count, "sumber": documents.count,
            ])
        // The SKKNI decrees' section has its own list page, as the sections Hugo makes by itself do.
        #expect(fm.fileExists(atPath: content.appendingPathComponent("skkni/_index.md").path))
        // Unit pages carry each definition whole: every element and criterion the import read.
        var criteria = 0
        for name in try fm.contentsOfDirectory(atPath: content.appendingPathComponent("unit").path) {
            let front = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: content.appendingPathComponent("unit/\(name)")))
                    as? [String: Any])
            for version in front["versions"] as? [[String: Any]] ?? [] {
                for definition in version["definitions"] as? [[String: Any]] ?? [] {
                    for element in definition["elements"] as? [[String: Any]] ?? [] {
                        criteria += (element["criteria"] as? [Any])?.count ?? 0
                    }
                }
            }
        }
        #expect(criteria == manifest.criteria)
        // Each layout reads only keys the pages have (a renamed key would print nothing).
        for (name, template) in HugoTwin.layouts + HugoTwin.registryLayouts where name.hasSuffix("single.html") {
            let section = String(name.prefix { $0 != "/" })
            let sample = try #require(
                try fm.contentsOfDirectory(atPath: content.appendingPathComponent(section).path).sorted().first {
                    $0 != "_index.md"
                })
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

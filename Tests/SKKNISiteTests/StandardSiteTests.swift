import Foundation
import SKKNICheck
import SKKNIImport
import Testing

@testable import SKKNICore
@testable import SKKNISite

/// The seeds with two real SKKNI decrees: their pages, the definitions on unit pages, the
/// search, and every link resolving.
@Suite struct StandardSiteTests {
    static func catalog() throws -> Catalog {
        var catalog = try SiteFixture.seeds()
        for stem in ["skkni-kepmen-299-2020-data-science", "skkni-kepmen-126-2023-desain-grafis-dkv"] {
            let path = "Tests/Fixtures/real/skkni/\(stem).txt"
            let (document, _, _) = try Importer.importFile(
                at: SiteFixture.root.appendingPathComponent(path), displayPath: path)
            guard case .standard(let standard) = document else { throw ImportError(file: path, message: "bukan SKKNI") }
            catalog.standards.append(standard)
        }
        return catalog
    }

    /// Each unit defined in `catalog` with the words of its identity, title (the one its page
    /// shows, and the definition's), description, element titles and criteria.
    static func definitionWords(in catalog: Catalog) -> [String: Set<Substring>] {
        var words: [String: Set<Substring>] = [:]
        func add(_ identity: String, _ text: String) {
            words[identity, default: []].formUnion(SearchIndex.normalize(text).split(separator: " "))
        }
        let units = UnitIndex.build(catalog)
        for standard in catalog.standards {
            for d in standard.definitions {
                let identity = d.code.identity
                for text in [identity, d.title] + (d.description.map { [$0] } ?? []) { add(identity, text) }
                for element in d.elements {
                    add(identity, element.title)
                    for criterion in element.criteria { add(identity, criterion.text) }
                }
                if let title = units[identity]?.versions.first?.titles.first?.title { add(identity, title) }
            }
        }
        return words
    }

    /// The identities of the units whose definition words hold every word of `query` as the
    /// start of a word, in path order: what the search page's "Unit menurut uraian" lists.
    static func unitsWhoseDefinitionsSay(_ query: String, in catalog: Catalog) -> [String] {
        let tokens = SearchIndex.normalize(query).split(separator: " ")
        return definitionWords(in: catalog).filter { _, unitWords in
            tokens.allSatisfy { token in unitWords.contains { $0.hasPrefix(token) } }
        }.keys.sorted { SitePaths.unit($0).utf8.lexicographicallyPrecedes(SitePaths.unit($1).utf8) }
    }

    /// The word lists of the search: each word's units, decoded as the search page decodes
    /// them, are exactly the units whose definitions hold the word.
    @Test func searchWordListsNameTheUnitsWhoseDefinitionsHoldTheWord() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = try Self.catalog()
        _ = try SiteFixture.build(catalog, into: dir)
        func script(_ path: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
        }
        let index = try script("search/index.js")
        #expect(index.contains("],[") && index.contains("\"pe\""))
        // search/unit/0.js: the units with definitions, in path order.
        let chunk = try script("search/unit/0.js")
        let paths = chunk.matches(of: /"(unit\/[^"]+\.html)"/).map { String($0.output.1) }
        let words = Self.definitionWords(in: catalog)
        #expect(paths == words.keys.map { SitePaths.unit($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for word in ["permasalahan", "objektif", "latar", "diidentifikasi"] {
            let bucket = try script("search/teks/\(word.prefix(2)).js")
            let match = try #require(bucket.firstMatch(of: try Regex("\"\(word)\":\"([0-9a-z,]+)\"")), "\(word)")
            var id = 0
            var found: [String] = []
            for step in String(match.output[1].substring!).split(separator: ",") {
                id += Int(step, radix: 36)!
                found.append(paths[id])
            }
            let expected = words.filter { $0.value.contains(word[...]) }.keys.map { SitePaths.unit($0) }
            #expect(!found.isEmpty)
            #expect(found == expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(word)")
        }
        #expect(paths.contains("unit/J.62DMI00.001.html"))
        // The word lists' byte path splits every text of the two annexes as the general one does.
        for standard in catalog.standards {
            for d in standard.definitions {
                let texts =
                    [d.title, d.description ?? "", "Ünïcode (tidak) ASCII-1.1, x/y"]
                    + d.elements.flatMap { [$0.title] + $0.criteria.map(\.text) }
                for text in texts {
                    var words: [String] = []
                    SearchText.forEachWord(of: text) { words.append($0) }
                    #expect(
                        words == SearchIndex.normalizeGeneral(text).split(separator: " ").map(String.init), "\(text)")
                }
            }
        }
    }

    @Test func pagesOfStandardsAndDefinitions() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try Self.catalog(), into: dir)
        func page(_ path: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
        }
        let decree = try page("kepmen/kepmen-299-2020.html")
        #expect(decree.contains("<h1>SKKNI KEPMEN 299/2020</h1>"))
        #expect(decree.contains("KEAHLIAN ARTIFICIAL INTELLIGENCE SUBBIDANG DATA SCIENCE"))
        #expect(decree.contains("<a href=\"../unit/J.62DMI00.001.html\">J.62DMI00.001.1</a>"))
        #expect(decree.contains("Melakukan Laporan Akhir Proyek Data Science"))
        // Its own findings: the title disagreement of J.62DMI00.021.1.
        #expect(decree.contains("[SKK501] Daftar Unit Kompetensi dan Uraian Unit Kompetensi"))
        let home = try page("index.html")
        #expect(home.contains("<h2>Keputusan SKKNI</h2>"))
        #expect(home.contains("<a href=\"kepmen/kepmen-126-2023.html\">SKKNI KEPMEN 126/2023</a>"))

        let unit = try page("unit/J.62DMI00.001.html")
        #expect(unit.contains("<h1>Unit J.62DMI00.001</h1>"))
        #expect(unit.contains("Ditetapkan oleh <a href=\"../kepmen/kepmen-299-2020.html\">SKKNI KEPMEN 299/2020</a>"))
        // The defining block's place links to its line on the source page, as the decree's does.
        let stem = "Tests/Fixtures/real/skkni/skkni-kepmen-299-2020-data-science.txt"
        let definitionLine = try #require(
            try Self.catalog().standards.first { $0.id == "kepmen-299-2020" }?.definitions.first {
                $0.code.raw == "J.62DMI00.001.1"
            }?.line)
        #expect(unit.contains("#L\(definitionLine)\"><code>\(stem):\(definitionLine)</code></a>"))
        #expect(decree.contains("class=\"loc\" href=\"../sumber/"))
        #expect(
            unit.contains(
                "<li value=\"1\">Menentukan permasalahan bisnis dan poin-poin objektif bisnis proyek data science dari sisi pengguna akhir<ol class=\"criteria\"><li><span class=\"number\">1.1</span> Latar belakang dan permasalahan bisnis untuk proyek data science diidentifikasi sesuai dengan prosedur bisnis yang berlaku.</li>"
            ))
        #expect(unit.contains("<details><summary>Batasan variabel</summary>"))
        #expect(unit.contains("<details><summary>Panduan penilaian</summary>"))
        #expect(unit.contains("Belum dipakai di kualifikasi atau skema dalam katalog."))
        // A prerequisite the decree defines is linked.
        let model = try page("unit/J.62DMI00.013.html")
        #expect(
            model.contains(
                "<h4>Persyaratan kompetensi</h4><ul><li><a href=\"../unit/J.62DMI00.005.html\">J.62DMI00.005.1</a> Menelaah Data</li></ul>"
            ))
        // The malformed code has a page of its own, defined there.
        #expect(try page("unit/M74DKV13.015.html").contains("Membuat Materi Siap Produksi/Tayang"))
        // The seeds' pages do not mention definitions.
        #expect(!(try page("unit/N.78SPS02.075.html")).contains("Uraian unit"))
    }

    @Test func searchFindsUnitsByTheirDefinitionTitle() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try Self.catalog(), into: dir)
        let m = try String(contentsOf: dir.appendingPathComponent("search/me.js"), encoding: .utf8)
        // Listed as "Melakukan Laporan …", defined as "Membuat Laporan …": both find the unit.
        #expect(
            m.contains(
                "\"j62dmi00021 membuat laporan akhir proyek data science j62dmi000211 62dmi000211\",\"J.62DMI00.021\",\"Membuat Laporan Akhir Proyek Data science\",\"unit/J.62DMI00.021.html\""
            ))
        #expect(m.contains("\"j62dmi00021 melakukan laporan akhir proyek data science j62dmi000211 62dmi000211\""))
        let s = try String(contentsOf: dir.appendingPathComponent("search/sk.js"), encoding: .utf8)
        #expect(s.contains("\"kepmen/kepmen-299-2020.html\""))
    }

    @Test func everyLinkResolves() throws {
        let dir = SiteFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SiteFixture.build(try Self.catalog(), into: dir)
        var checked = 0
        for path in SiteFixture.files(in: dir) where path.hasSuffix(".html") {
            let html = try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
            for part in html.components(separatedBy: "href=\"").dropFirst() {
                let target = String(part.prefix { $0 != "\"" })
                let file = String(target.prefix { $0 != "?" && $0 != "#" })
                if file.isEmpty || target.hasPrefix("http") || file.hasSuffix(".sqlite") || file.hasSuffix(".json")
                    || file.hasSuffix(".sarif")
                {
                    continue
                }
                let resolved = dir.appendingPathComponent(path).deletingLastPathComponent()
                    .appendingPathComponent(file).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path) links to missing \(target)")
                checked += 1
            }
        }
        #expect(checked > 1000)
        let units = try String(contentsOf: dir.appendingPathComponent("unduh/units.csv"), encoding: .utf8)
        #expect(
            units.contains(
                "\"J.62DMI00.021.1\",\"J.62DMI00.021\",\"1\",\"Melakukan Laporan Akhir Proyek Data Science\""))
    }
}

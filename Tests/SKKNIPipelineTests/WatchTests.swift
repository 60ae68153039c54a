import Foundation
import SKKNIPipeline
import SKKNISite
import Testing

/// `build --watch` as a library type, driven without the binary: build once, edit a scheme,
/// poll, and find the edit in the site and its finding on the console.
@Suite struct WatchLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What a watch said, collected from its threads.
    final class Said: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// A project in a temporary folder whose catalogue holds the seeds.
    static func project() throws -> URL {
        let fm = FileManager.default
        let project = fm.temporaryDirectory.appendingPathComponent("skkni-watch-\(UUID().uuidString)")
        let sources = project.appendingPathComponent("catalog/sources")
        try fm.createDirectory(at: sources.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: root.appendingPathComponent("Tests/Fixtures/seeds"), to: sources)
        return project
    }

    /// A watch of `project` building into `_site`, saying everything to `said`.
    static func watch(_ project: URL, _ said: Said) throws -> Watch {
        try Watch(
            paths: ProjectPaths(catalog: project.appendingPathComponent("catalog").path),
            output: project.appendingPathComponent("_site").path, site: root.appendingPathComponent("site").path,
            useCache: false, console: Console(say: said.add, warn: said.add))
    }

    @Test func aSchemeEditIsRebuiltIncrementally() throws {
        let fm = FileManager.default
        let project = try Self.project()
        defer { try? fm.removeItem(at: project) }
        let sources = project.appendingPathComponent("catalog/sources")
        let output = project.appendingPathComponent("_site")
        let said = Said()
        let watch = try Self.watch(project, said)
        try watch.start()
        #expect(said.all.contains { $0.hasPrefix("dibangun (penuh): ") }, "\(said.all)")
        #expect(!watch.poll(), "nothing changed")

        let scheme = sources.appendingPathComponent("skema-klaster-pengelolaan-data-pelanggan.txt")
        let text = try String(contentsOf: scheme, encoding: .utf8)
        let from = "2\tM.702093.008.01\tMengelola Data Pelanggan\n"
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: "2\tM.702093.008.01\tMengelola Data Pelanggan Baru\n")
            .write(to: scheme, atomically: true, encoding: .utf8)
        #expect(watch.poll())
        try watch.finish()
        #expect(watch.rebuilds == 1)
        let rebuilt = said.all.first { $0.hasPrefix("dibangun (inkremental): 1 berkas berubah") }
        #expect(rebuilt != nil, "\(said.all)")
        #expect(
            said.all.contains {
                $0.contains(":72: note: [SKK402] unit M.702093.008.01 (Mengelola Data Pelanggan Baru)")
            })
        let page = try String(
            contentsOf: output.appendingPathComponent("skema/skema-klaster-pengelolaan-data-pelanggan.html"),
            encoding: .utf8)
        #expect(page.contains("Mengelola Data Pelanggan Baru"))
        for download in SiteOutputs.downloads {
            #expect(fm.fileExists(atPath: output.appendingPathComponent(download).path), "\(download)")
        }
    }

    /// An SKKNI annex is a decree to the watch: editing its Daftar rebuilds in full, so the
    /// disagreement it makes is found and the decree's page shows the new title.
    @Test func anSKKNIAnnexEditIsRebuiltInFull() throws {
        let fm = FileManager.default
        let project = try Self.project()
        defer { try? fm.removeItem(at: project) }
        let sources = project.appendingPathComponent("catalog/sources")
        let annex = sources.appendingPathComponent("skkni-kepmen-299-2020-data-science.txt")
        try fm.copyItem(
            at: Self.root.appendingPathComponent("Tests/Fixtures/real/skkni/skkni-kepmen-299-2020-data-science.txt"),
            to: annex)
        let output = project.appendingPathComponent("_site")
        let said = Said()
        let watch = try Self.watch(project, said)
        try watch.start()
        #expect(!said.all.contains { $0.contains("J.62DMI00.001.1") && $0.contains("SKK501") })
        let text = try String(contentsOf: annex, encoding: .utf8)
        let from = "1.   J.62DMI00.001.1    Menentukan Objektif Bisnis\n"
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: "1.   J.62DMI00.001.1    Menentukan Objektif Usaha\n")
            .write(to: annex, atomically: true, encoding: .utf8)
        #expect(watch.poll())
        try watch.finish()
        #expect(said.all.contains { $0.hasPrefix("dibangun (penuh): ") && !$0.contains("halaman dirender dalam 0") })
        #expect(!said.all.contains { $0.hasPrefix("dibangun (inkremental)") }, "\(said.all)")
        #expect(
            said.all.contains {
                $0.contains("skkni-kepmen-299-2020-data-science.txt:288:") && $0.contains("[SKK501]")
            }, "\(said.all.filter { $0.contains("SKK501") })")
        let page = try String(
            contentsOf: output.appendingPathComponent("kepmen/kepmen-299-2020.html"), encoding: .utf8)
        #expect(page.contains("Menentukan Objektif Usaha"))
    }

    /// The layout links every download the output declares, and nothing else under `unduh/`.
    @Test func theLayoutLinksEveryDeclaredDownload() throws {
        let layout = try String(
            contentsOf: Self.root.appendingPathComponent("site/templates/layout.mustache"), encoding: .utf8)
        let linked = layout.components(separatedBy: "href=\"{{root}}").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }.filter { $0.hasPrefix("unduh/") || $0.hasSuffix(".sqlite") }
        #expect(Set(linked) == Set(SiteOutputs.downloads))
    }
}

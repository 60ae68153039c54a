import Foundation
import Testing

/// `build --watch` as a scheme committee uses it: edit a scheme, see its findings at once, and
/// get the site a fresh `build` would write.
@Suite(.serialized) struct WatchTests {
    /// A running `build --watch`, read line by line.
    final class Watcher {
        let process = Process()
        let out = Pipe()
        var said = ""

        init(_ project: ScratchProject, rebuilds: Int) throws {
            process.executableURL = CLI.binary
            process.arguments =
                project.buildArguments + ["--watch", "--interval", "0.1", "--max-rebuilds", "\(rebuilds)"]
            process.currentDirectoryURL = project.root
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            process.environment = environment
            // Both streams in one: errors (a document that does not import) go to standard error.
            process.standardOutput = out
            process.standardError = out
            try process.run()
            // A watch that never says what a test waits for must fail the test, not hang the suite.
            DispatchQueue.global().asyncAfter(deadline: .now() + 600) { [process] in
                if process.isRunning { process.terminate() }
            }
        }

        /// Reads until `text` has been said `count` times in all; false if the build ended first.
        func waitFor(_ text: String, count: Int = 1) -> Bool {
            while said.components(separatedBy: text).count - 1 < count {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { return false }
                said += String(decoding: chunk, as: UTF8.self)
            }
            return true
        }
    }

    static let scheme = "catalog/sources/skema-klaster-pengelolaan-data-pelanggan.txt"

    static func edit(_ project: ScratchProject, _ from: String, _ to: String) throws {
        let url = project.root.appendingPathComponent(scheme)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func schemeEditsAreRebuiltIncrementallyAndEqualAFreshBuild() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let watcher = try Watcher(project, rebuilds: 3)
        defer { if watcher.process.isRunning { watcher.process.terminate() } }
        #expect(watcher.waitFor("mengawasi catalog/sources"))
        // The committed catalogue: the seeds and the eighteen real documents; with the four index
        // pages and a page for each of the 23 source documents.
        #expect(watcher.said.contains("dibangun (penuh): 495 halaman dirender"))

        // A retitled unit: a new finding on that line, shown at once; only a few pages rendered.
        try Self.edit(
            project, "2\tM.702093.008.01\tMengelola Data Pelanggan\n",
            "2\tM.702093.008.01\tMengelola Data Pelanggan Baru\n")
        #expect(watcher.waitFor("basis data diperbarui"))
        let first = watcher.said.components(separatedBy: "\n").first { $0.hasPrefix("dibangun (inkremental)") }
        #expect(first?.contains("1 berkas berubah") == true, "\(watcher.said)")
        let rendered = first.flatMap { Int($0.components(separatedBy: "berubah, ")[1].prefix { $0.isNumber }) } ?? 0
        #expect(rendered > 0 && rendered < 20)
        #expect(
            watcher.said.contains(
                "\(Self.scheme):72: note: [SKK402] unit M.702093.008.01 (Mengelola Data Pelanggan Baru)"))

        // A unit of a decree in place of the first: the scheme now drifts from the decree's title.
        try Self.edit(project, "1\tM.702093.007.01\t", "1\tM.74SPS03.088.2\t")
        // (The scheme's old first unit was its identity's only use: that page goes, so every page is compared.)
        #expect(watcher.waitFor("\(Self.scheme):71: warning: [SKK103] judul M.74SPS03.088.2 \""))
        #expect(watcher.said.contains("dibangun (periksa inkremental, semua halaman dibandingkan): 1 berkas berubah"))

        // Retitled again: incremental, and the last word before comparing with a fresh build.
        try Self.edit(project, "Mengelola Data Pelanggan Baru\n", "Mengelola Data Pelanggan Lagi\n")
        #expect(watcher.waitFor("(Mengelola Data Pelanggan Lagi)"))
        #expect(watcher.said.components(separatedBy: "dibangun (inkremental)").count == 3)
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0)

        try Self.expectOutputIsAFreshBuild(project)
    }

    /// The watched output, database included, and the catalogue's scheme files are what a fresh
    /// `build --no-cache` of the edited sources writes.
    static func expectOutputIsAFreshBuild(_ project: ScratchProject) throws {
        let watched = ScratchProject.snapshot(project.output)
        let catalogFiles = ScratchProject.snapshot(project.catalog.appendingPathComponent("schemes"))
        try FileManager.default.removeItem(at: project.output)
        let fresh = try CLI.run(project.buildArguments + ["--no-cache"], in: project.root)
        #expect(fresh.status == 0)
        let rebuilt = ScratchProject.snapshot(project.output)
        #expect(watched.count == rebuilt.count)
        let differing = Set(watched.keys).union(rebuilt.keys).filter { watched[$0] != rebuilt[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing)")
        #expect(catalogFiles == ScratchProject.snapshot(project.catalog.appendingPathComponent("schemes")))
    }

    /// What else a person does while the build watches: a new scheme file, a broken one (reported,
    /// output left alone), its removal, a template edit and a decree edit; the output at the end
    /// is a fresh build's.
    @Test func addedBrokenAndRemovedFilesATemplateAndADecree() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let watcher = try Watcher(project, rebuilds: 5)
        defer { if watcher.process.isRunning { watcher.process.terminate() } }
        #expect(watcher.waitFor("mengawasi catalog/sources"))
        let sources = project.root.appendingPathComponent("catalog/sources")
        let copy = sources.appendingPathComponent("skema-salinan.txt")

        // A new scheme: one more page, built incrementally.
        // Copied aside and renamed into place, as editors save: one change, never half a file.
        let aside = sources.appendingPathComponent(".skema-salinan.txt.tmp")
        try FileManager.default.copyItem(at: project.root.appendingPathComponent(Self.scheme), to: aside)
        #expect(rename(aside.path, copy.path) == 0)
        #expect(watcher.waitFor("dibangun (inkremental): 1 berkas berubah"))
        #expect(watcher.waitFor("unduhan dan basis data diperbarui"))
        #expect(
            FileManager.default.fileExists(
                atPath: project.output.appendingPathComponent("skema/skema-salinan.html").path))

        // Broken: said with its file and line; the output stays as it was.
        let before = ScratchProject.snapshot(project.output)
        try "bukan skema\n".write(to: copy, atomically: true, encoding: .utf8)
        #expect(watcher.waitFor("tidak dibangun ulang; keluaran lama dibiarkan"))
        #expect(watcher.said.contains("catalog/sources/skema-salinan.txt:1: galat: bukan dokumen yang dikenali"))
        #expect(ScratchProject.snapshot(project.output) == before)

        // Removed: its page goes (the change since the last build is the file's removal).
        try FileManager.default.removeItem(at: copy)
        #expect(watcher.waitFor("dibangun (inkremental)", count: 2))
        #expect(
            !FileManager.default.fileExists(
                atPath: project.output.appendingPathComponent("skema/skema-salinan.html").path))

        // A template: every page compared, the changed ones rendered.
        let template = project.site.appendingPathComponent("templates/scheme.mustache")
        try (String(contentsOf: template, encoding: .utf8) + "<!-- diubah -->\n").write(
            to: template, atomically: true, encoding: .utf8)
        #expect(watcher.waitFor("dibangun (penuh)", count: 2))

        // A decree: everything checked again.
        let decree = sources.appendingPathComponent("kepmen-3-2021-kkni-pelatihan-kerja-sertifikasi.txt")
        let text = try String(contentsOf: decree, encoding: .utf8)
        try text.replacingOccurrences(
            of: "Mengembangkan Program Pelatihan Kerja", with: "Mengembangkan Program Latihan Kerja"
        )
        .write(to: decree, atomically: true, encoding: .utf8)
        #expect(watcher.waitFor("dibangun (penuh)", count: 3))
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0, "\(watcher.said)")

        try Self.expectOutputIsAFreshBuild(project)
    }
}

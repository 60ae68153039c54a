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
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
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
        #expect(watcher.said.contains("dibangun (penuh): 218 halaman dirender"))

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
        #expect(watcher.waitFor("\(Self.scheme):71: warning: [SKK103] M.74SPS03.088.2 tertulis dengan 2 judul berbeda"))
        #expect(watcher.said.contains("dibangun (periksa inkremental, semua halaman dibandingkan): 1 berkas berubah"))

        // Retitled again: incremental, and the last word before comparing with a fresh build.
        try Self.edit(project, "Mengelola Data Pelanggan Baru\n", "Mengelola Data Pelanggan Lagi\n")
        #expect(watcher.waitFor("(Mengelola Data Pelanggan Lagi)"))
        #expect(watcher.said.components(separatedBy: "dibangun (inkremental)").count == 3)
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0)

        // The watched output, database included, is what a fresh build of the edited catalogue writes.
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
}

import Foundation
import GRDB
import Testing

/// A throwaway copy of the project (catalogue with sources and baseline, site templates).
struct ScratchProject {
    let root: URL
    var catalog: URL { root.appendingPathComponent("catalog") }
    var output: URL { root.appendingPathComponent("_site") }
    var site: URL { root.appendingPathComponent("site") }

    init() throws {
        root = try CLI.temporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(at: CLI.root.appendingPathComponent("catalog"), to: catalog)
        try fm.copyItem(at: CLI.root.appendingPathComponent("site"), to: site)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Relative paths, run from `root`: the catalogue and site then name files as a user's would.
    var buildArguments: [String] { ["build", "--catalog", "catalog", "--output", "_site", "--site", "site"] }

    func build(environment: [String: String] = [:]) throws -> CLI.Output {
        try CLI.run(buildArguments, in: root, environment: environment)
    }

    /// Every file under `dir` with its bytes.
    static func snapshot(_ dir: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: dir.path)
        while let path = enumerator?.nextObject() as? String {
            let url = dir.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try? Data(contentsOf: url)
            }
        }
        return files
    }

    /// The output holds the same files as the same catalogue built into an empty folder, each
    /// with the same bytes (the database aside).
    func expectOutputIsAFreshBuild() throws {
        let updated = ScratchProject.snapshot(output)
        try FileManager.default.removeItem(at: output)
        #expect(try build().status == 0)
        let fresh = ScratchProject.snapshot(output)
        #expect(updated.keys.sorted() == fresh.keys.sorted())
        for (path, data) in fresh where path != "skkni.sqlite" {
            #expect(updated[path] == data, "\(path)")
        }
    }

    /// Starts a build that stops at `stage` (see `TestPause`) and returns once it says so.
    func buildPaused(at stage: String) throws -> (process: Process, said: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = buildArguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["SKKNI_TEST_PAUSE"] = stage
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = ""
        while !said.contains("jeda pada tahap \(stage)") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        return (process, said)
    }

    /// A build paused at `stage`, then killed there with SIGKILL; returns what it said.
    func buildKilled(at stage: String) throws -> String {
        let (process, said) = try buildPaused(at: stage)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return said
    }

    /// Unit rows (qualification and scheme) in the site's database, after SQLite's integrity check.
    static func databaseUnits(_ site: URL) throws -> Int {
        let queue = try DatabaseQueue(path: site.appendingPathComponent("skkni.sqlite").path)
        return try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            return try Int.fetchOne(
                db, sql: "SELECT (SELECT COUNT(*) FROM qualification_units) + (SELECT COUNT(*) FROM scheme_units)")
                ?? -1
        }
    }

    /// Names next to the output that a run can leave behind (staging directory, journal).
    var leftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter {
            $0.hasPrefix("._site.new-") || $0.hasPrefix("._site.journal")
        }
    }
}

@Suite(.serialized) struct RobustnessTests {
    @Test(arguments: ["site", "database"])
    func aBuildKilledMidwayLeavesThePreviousSiteAndDatabase(stage: String) throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let first = try project.build()
        try #require(first.status == 0, "\(first.stderr)")
        let before = ScratchProject.snapshot(project.output)
        #expect(before.count > 250)
        // The next build would differ: one scheme fewer.
        try FileManager.default.removeItem(
            at: project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-produksi.txt"))

        let said = try project.buildKilled(at: stage)
        #expect(said.contains("jeda pada tahap \(stage)"))
        #expect(!project.leftovers.isEmpty)  // it really was killed mid-write
        #expect(ScratchProject.snapshot(project.output) == before)
        #expect(try ScratchProject.databaseUnits(project.output) == 641)

        let next = try project.build()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(project.leftovers.isEmpty)
        #expect(try ScratchProject.databaseUnits(project.output) == 641 - 10)  // the Produksi scheme's 10 rows
        #expect(
            !FileManager.default.fileExists(
                atPath: project.output.appendingPathComponent("skema").path + "/skema-klaster-pengelolaan-produksi.html"
            ))
    }

    /// Killed while moving the changed files into the output: the journal is on disk, so the
    /// next run finishes that build first, and the result equals a fresh build of the catalogue.
    @Test func aBuildKilledWhilePublishingIsFinishedByTheNextRun() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try #require(try project.build().status == 0)
        let fm = FileManager.default
        try fm.removeItem(at: project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-produksi.txt"))
        let scheme = project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-data-pelanggan.txt")
        try (String(contentsOf: scheme, encoding: .utf8) + "\n").write(to: scheme, atomically: true, encoding: .utf8)
        // A file the build does not make, and an empty folder: a fresh build has neither.
        try Data("asing".utf8).write(to: project.output.appendingPathComponent("skema/asing.html"))
        try fm.createDirectory(
            at: project.output.appendingPathComponent("kosong/dalam"), withIntermediateDirectories: true)

        let said = try project.buildKilled(at: "commit")
        #expect(said.contains("jeda pada tahap commit"))
        #expect(project.leftovers.contains("._site.journal"))
        // Half applied: the stale pages are already gone.
        #expect(!fm.fileExists(atPath: project.output.appendingPathComponent("skema/asing.html").path))

        let next = try project.build()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(project.leftovers.isEmpty)
        #expect(try ScratchProject.databaseUnits(project.output) == 641 - 10)
        #expect(!fm.fileExists(atPath: project.output.appendingPathComponent("kosong").path))
        try project.expectOutputIsAFreshBuild()
    }

    /// Killed while publishing an edit that the committee then undoes: the next run must first
    /// finish the killed build and only then compare against what the output holds (the killed
    /// build's pages and manifest), or it keeps the undone edit's pages as "unchanged".
    @Test func anEditUndoneAfterAKilledPublishLeavesNoTraceOfIt() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try #require(try project.build().status == 0)
        let scheme = project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-data-pelanggan.txt")
        let original = try Data(contentsOf: scheme)
        let text = String(decoding: original, as: UTF8.self)
        let edited = text.replacingOccurrences(of: "Pelanggan", with: "Klien")
        try #require(edited != text)
        try Data(edited.utf8).write(to: scheme)
        #expect(try project.buildKilled(at: "commit").contains("jeda pada tahap commit"))
        #expect(project.leftovers.contains("._site.journal"))

        try original.write(to: scheme)
        let next = try project.build()
        #expect(next.status == 0, "\(next.stderr)")
        try project.expectOutputIsAFreshBuild()
    }

    /// A first build does not wait for the disk: it leaves a marker naming this boot next to the
    /// output, and the next build of the same boot flushes the disk and drops it.
    @Test func aNewTreeIsMarkedUntilTheNextBuildOfThisBootHasFlushedIt() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let boot = try #require(try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))
        let marker = project.root.appendingPathComponent("._site.unsynced")
        try #require(try project.build().status == 0)
        #expect(try String(contentsOf: marker, encoding: .utf8) == "skkni-belum-sinkron 1\n" + boot)
        let before = ScratchProject.snapshot(project.output)
        let next = try project.build()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        #expect(ScratchProject.snapshot(project.output) == before)
    }

    /// The power went before the disk had the last tree: pages empty or cut short, while the
    /// manifest (or what survived of it) still vouches for them. The marker names another boot,
    /// so the next build compares every page with the disk, and the output is a fresh build's.
    @Test func afterARebootAnUnflushedOutputIsComparedWithTheDiskNotTrusted() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try #require(try project.build().status == 0)
        let marker = project.root.appendingPathComponent("._site.unsynced")
        try Data("skkni-belum-sinkron 1\n00000000-0000-0000-0000-000000000000\n".utf8).write(to: marker)
        let fm = FileManager.default
        let pages = try fm.contentsOfDirectory(atPath: project.output.appendingPathComponent("skema").path).sorted()
        try #require(pages.count > 2)
        try Data().write(to: project.output.appendingPathComponent("skema/\(pages[0])"))
        let cut = project.output.appendingPathComponent("skema/\(pages[1])")
        try Data(try Data(contentsOf: cut).prefix(100)).write(to: cut)
        try Data().write(to: project.output.appendingPathComponent("index.html"))

        let next = try project.build()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!fm.fileExists(atPath: marker.path))
        try project.expectOutputIsAFreshBuild()
    }

    /// The catalogue files are written alongside the pages; when they cannot be, the new site
    /// is not swapped in either.
    @Test func aCatalogueThatCannotBeWrittenLeavesThePreviousSite() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try #require(try project.build().status == 0)
        let before = ScratchProject.snapshot(project.output)
        let fm = FileManager.default
        try fm.removeItem(at: project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-produksi.txt"))
        // A file where the scheme folder should be: nothing can be written under it.
        try fm.removeItem(at: project.catalog.appendingPathComponent("schemes"))
        try Data("bukan folder".utf8).write(to: project.catalog.appendingPathComponent("schemes"))

        let failed = try project.build()
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix("catalog: galat: katalog tidak dapat ditulis: "), "\(failed.stderr)")
        #expect(ScratchProject.snapshot(project.output) == before)
        #expect(project.leftovers.isEmpty)
    }

    @Test func killsAtRandomMomentsNeverLeaveAHalfWrittenSite() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try #require(try project.build().status == 0)
        let complete = ScratchProject.snapshot(project.output)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = project.buildArguments
            process.currentDirectoryURL = project.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...900_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Same input, so whether the kill came before or after the swap, the site is whole.
            #expect(ScratchProject.snapshot(project.output) == complete)
        }
        #expect(try project.build().status == 0)
        #expect(ScratchProject.snapshot(project.output) == complete)
        #expect(project.leftovers.isEmpty)
    }

    @Test func aSecondBuildWaitsForNoOneAndSaysWhy() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let (process, said) = try project.buildPaused(at: "site")
        #expect(said.contains("jeda pada tahap site"))
        let second = try project.build()
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(second.status == 2)
        #expect(second.stderr.contains("proses skkni lain sedang menulis"))
        #expect(second.stderr.split(separator: "\n").count == 1)
        // The kernel released the killed build's lock.
        #expect(try project.build().status == 0)
    }

    @Test func buildsAreIdenticalAcrossLocaleTimeZoneAndFileOrder() throws {
        let a = try ScratchProject()
        let b = try ScratchProject()
        defer {
            a.remove()
            b.remove()
        }
        // b's sources are created in reverse name order, so directory order differs.
        let sources = b.catalog.appendingPathComponent("sources")
        let names = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
        var contents: [(String, Data)] = []
        for name in names {
            contents.append((name, try Data(contentsOf: sources.appendingPathComponent(name))))
            try FileManager.default.removeItem(at: sources.appendingPathComponent(name))
        }
        for (name, data) in contents.reversed() { try data.write(to: sources.appendingPathComponent(name)) }

        #expect(try a.build().status == 0)
        let other = try b.build(environment: [
            "TZ": "Pacific/Kiritimati", "LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8",
        ])
        #expect(other.status == 0, "\(other.stderr)")
        let siteA = ScratchProject.snapshot(a.output)
        let siteB = ScratchProject.snapshot(b.output)
        #expect(siteA.keys.sorted() == siteB.keys.sorted())
        for (path, data) in siteA { #expect(siteB[path] == data, "\(path) differs") }
        // The normalised catalogue files; the import cache records each file's inode, which differs by design.
        let catalogA = ScratchProject.snapshot(a.catalog).filter { !$0.key.hasPrefix(".cache/") }
        let catalogB = ScratchProject.snapshot(b.catalog).filter { !$0.key.hasPrefix(".cache/") }
        #expect(catalogA == catalogB)
    }

    @Test func missingCatalogAndUnwritableOutputAreOneClearLineAndExitTwo() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let missing = try CLI.run(["build", "--catalog", project.root.appendingPathComponent("tiada").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("tiada/sources"))
        #expect(missing.stderr.contains("tidak ada"))
        #expect(missing.stderr.split(separator: "\n").count == 1)

        // The output's parent is a file, not a directory.
        let blocker = project.root.appendingPathComponent("berkas")
        try Data("x".utf8).write(to: blocker)
        var arguments = project.buildArguments
        arguments[arguments.firstIndex(of: "--output")! + 1] = blocker.appendingPathComponent("_site").path
        let blocked = try CLI.run(arguments, in: project.root)
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("galat:"))
        #expect(blocked.stderr.split(separator: "\n").count == 1, "\(blocked.stderr)")
    }

    @Test func aSourceThatCannotBeImportedStopsTheBuildBeforeAnythingIsWritten() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try #require(try project.build().status == 0)
        let site = ScratchProject.snapshot(project.output)
        let catalog = ScratchProject.snapshot(project.catalog)
        // A scheme saved as UTF-16 without a BOM by a careless export.
        let scheme = project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-produksi.txt")
        let text = try String(contentsOf: scheme, encoding: .utf8)
        try text.data(using: .utf16LittleEndian)!.write(to: scheme)
        let result = try project.build()
        #expect(result.status == 2)
        // Line 2: the file starts with blank lines, and the first NUL follows the first newline.
        #expect(
            result.stderr.hasPrefix(
                "catalog/sources/skema-klaster-pengelolaan-produksi.txt:2: galat: berkas berisi byte NUL"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(ScratchProject.snapshot(project.output) == site)
        var expectedCatalog = catalog
        expectedCatalog["sources/skema-klaster-pengelolaan-produksi.txt"] = try Data(contentsOf: scheme)
        // The catalogue files are untouched; the import cache (not output: what was parsed,
        // keyed by inode) may record the documents that did import.
        let kept = { (files: [String: Data]) in
            files.filter { !$0.key.hasSuffix(".lock") && !$0.key.hasPrefix(".cache/") }
        }
        #expect(kept(ScratchProject.snapshot(project.catalog)) == kept(expectedCatalog))
    }

    /// Root, setpriv, and a build folder that another user may enter.
    static var canDropToNobody: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        let probe = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path, "--help"]
        return (try? CLI.runTool("/usr/bin/setpriv", probe)) == 0
    }

    @Test(.enabled(if: canDropToNobody, "needs root to run the build as nobody"))
    func permissionDeniedIsOneClearLine() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        // The project belongs to nobody, except one unreadable source and one root-owned folder.
        #expect(try CLI.runTool("/bin/chown", ["-R", "65534:65534", project.root.path]) == 0)
        #expect(try CLI.runTool("/bin/chmod", ["a+rx", CLI.binary.path]) == 0)
        let locked = project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-produksi.txt")
        #expect(try CLI.runTool("/bin/chown", ["0:0", locked.path]) == 0)
        #expect(try CLI.runTool("/bin/chmod", ["000", locked.path]) == 0)
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path]
        let unreadable = try CLI.run(
            ["/usr/bin/setpriv"] + asNobody + project.buildArguments, in: project.root, tool: true)
        #expect(unreadable.status == 2)
        #expect(
            unreadable.stderr
                == "catalog/sources/skema-klaster-pengelolaan-produksi.txt: galat: tidak dapat dibaca: izin ditolak\n")

        #expect(try CLI.runTool("/bin/chmod", ["644", locked.path]) == 0)
        let rootOwned = project.root.appendingPathComponent("keluaran")
        try FileManager.default.createDirectory(at: rootOwned, withIntermediateDirectories: true)
        var arguments = project.buildArguments
        arguments[arguments.firstIndex(of: "--output")! + 1] = "keluaran/_site"
        let denied = try CLI.run(["/usr/bin/setpriv"] + asNobody + arguments, in: project.root, tool: true)
        #expect(denied.status == 2)
        #expect(denied.stderr.contains("izin ditolak"), "\(denied.stderr)")
        #expect(denied.stderr.split(separator: "\n").count == 1)
    }

    static var canMountTmpfs: Bool {
        guard getuid() == 0 else { return false }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        guard (try? CLI.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path])) == 0 else {
            return false
        }
        _ = try? CLI.runTool("/bin/umount", [dir.path])
        return true
    }

    @Test(.enabled(if: canMountTmpfs, "needs root to mount a small tmpfs"))
    func aFullDiskIsOneClearLineAndLeavesThePreviousOutput() throws {
        let project = try ScratchProject()
        defer {
            _ = try? CLI.runTool("/bin/umount", [project.root.appendingPathComponent("klein").path])
            project.remove()
        }
        let small = project.root.appendingPathComponent("klein")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        #expect(try CLI.runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=512k", "tmpfs", small.path]) == 0)
        let output = small.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("situs lama".utf8).write(to: output.appendingPathComponent("index.html"))
        var arguments = project.buildArguments
        arguments[arguments.firstIndex(of: "--output")! + 1] = output.path
        let result = try CLI.run(arguments, in: project.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("ruang disk habis"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "situs lama")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: small.path).filter { !$0.hasSuffix(".lock") } == [
                "_site"
            ])
    }

    @Test func hostileDocumentTextStaysInertFromImportToSite() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let longCode = "N.78SPS02." + String(repeating: "9", count: 5000) + ".1"
        let document = """
            SKEMA SERTIFIKASI KLASTER <script>alert(1)</script>
            5.1. Jenis Kemasan : Klaster
            5.2. Nama Skema : "><img src=x onerror=alert(2)>
            NO\tKODE UNIT\tJUDUL UNIT
            1\tN.78SPS02.028.2\tjavascript:alert(3)
            2\tN.78SPS02/../../x.1\t<script>alert(4)</script>
            3\tA.\\..\\x.1\tJudul \u{1B}[31mmerah\u{07}
            4\t\(longCode)\tKode sangat panjang
            5\tN.78SPS02.019.2\t<a href="javascript:alert(5)">klik</a>

            """
        // The file name itself is hostile too.
        let name = "skema-\"><img src=x>..\\x.txt"
        try Data(document.utf8).write(
            to: project.catalog.appendingPathComponent("sources").appendingPathComponent(name))
        let result = try project.build()
        #expect(result.status == 0, "\(result.stderr)")
        let everything = ScratchProject.snapshot(project.root)
        for (path, data) in everything {
            // Nothing is written outside the catalogue, the site templates and the output (and
            // the locks and the not-yet-flushed marker beside it).
            #expect(
                path.hasPrefix("_site/") || path.hasPrefix("catalog/") || path.hasPrefix("site/")
                    || path.hasSuffix(".lock") || path == "._site.unsynced",
                "\(path)")
            guard path.hasPrefix("_site/"), path.hasSuffix(".html") || path.hasSuffix(".js") else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for raw in [
                "<script>alert", "<img src=x", "href=\"javascript:", "<a href=\"javascript", "\u{1B}", "\u{07}",
            ] {
                #expect(!text.contains(raw), "\(path) contains \(raw.debugDescription)")
            }
        }
        let pages = everything.keys.filter { $0.hasPrefix("_site/skema/") && $0 != "_site/skema/index.html" }.sorted()
        // The committed catalogue's sixteen schemes and the hostile one (besides the schemes' index).
        #expect(pages.count == 17)
        let page = try #require(pages.first { $0.contains("img") })
        #expect(page == "_site/skema/skema-img-src-x-x.html")
        let html = String(decoding: everything[page]!, as: UTF8.self)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        // Unit pages exist only for codes that parse; the hostile ones are findings with their line.
        #expect(!everything.keys.contains { $0.hasPrefix("_site/unit/") && ($0.contains("..") || $0.count > 140) })
    }
}

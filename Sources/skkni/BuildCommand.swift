import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIDatabase
import SKKNIImport
import SKKNIPipeline
import SKKNIPublish
import SKKNISite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Membangun katalog dari catalog/ (impor, periksa) lalu menulis situs dan basis data ke _site/.")

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Option(name: .long, help: "Direktori keluaran.") var output = "_site"
    @Option(
        name: .customLong("site"),
        help: "Direktori templat dan aset situs (bawaan: site/ di sini, di samping katalog, atau milik program).")
    var siteOption: String?
    var site: String { siteDirectory(siteOption, catalog: catalog).path }
    @Flag(name: .long, help: "Cetak waktu tiap tahap (untuk scripts/bench).") var timings = false
    @Flag(name: .long, help: "Urai ulang semua dokumen, tanpa cache impor <katalog>/.cache/.") var noCache = false
    @Option(name: .long, help: "Tambahkan halaman perubahan.html: perubahan makna katalog sejak revisi git ini.")
    var since: String?
    @Flag(
        name: .long,
        help:
            "Setelah membangun, awasi sumber katalog, baseline dan templat, dan bangun ulang bila berubah (hanya yang terdampak bila hanya skema yang berubah). Ctrl-C untuk berhenti."
    )
    var watch = false
    @Option(name: .long, help: "Dengan --watch: selang pemeriksaan berkas, dalam detik.") var interval = 0.25
    @Option(
        name: .long,
        help: ArgumentHelp("Dengan --watch: berhenti setelah sekian pembangunan ulang.", visibility: .hidden))
    var maxRebuilds: Int?

    func validate() throws {
        if watch, since != nil { throw ValidationError("--watch tidak dapat digabung dengan --since") }
        if !watch, maxRebuilds != nil { throw ValidationError("--max-rebuilds hanya berlaku dengan --watch") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let paths = ProjectPaths(catalog: catalog)
        let outputURL = URL(fileURLWithPath: output)
        // One build at a time per catalogue and per output; the kernel drops the locks if we are killed.
        let locks = try Pipeline.lock(paths.catalogURL, outputURL)
        defer { withExtendedLifetime(locks) {} }
        if watch {
            let session = try Watch(paths: paths, output: output, site: site, useCache: !noCache)
            session.timings = timings
            try session.run(interval: interval, limit: maxRebuilds)
            return
        }
        var build = Build(paths: paths, output: outputURL, site: URL(fileURLWithPath: site))
        build.useCache = !noCache
        build.since = since
        build.checkpoint = TestPause.at
        let result: Build.Result
        do {
            result = try build.run()
        } catch let failure as Build.Failure {
            switch failure {
            case .documents(let failures):
                for failure in failures { printError(failure.description) }
            case .catalogNotWritten(let error):
                printError("\(catalog): galat: katalog tidak dapat ditulis: \(FileErrorText.describe(error))")
            case .notPublished(let interrupted):
                printError("\(output): galat: situs tidak dapat dipasang: \(interrupted)")
            case .outputNotWritten(let error):
                printError(
                    "\(output): galat: situs tidak dapat ditulis (keluaran lama dibiarkan utuh): \(FileErrorText.describe(error))"
                )
            }
            throw ExitCode(ExitStatus.unreadable)
        }
        let run = result.run
        let c = result.catalog
        let summary = result.site
        let formatter = DiagnosticFormatter(sourceLine: run.lines.line, place: run.lines.place)
        let site = result.steps[Pipeline.Step.site]
        let checked = result.steps.steps.reduce(Duration.zero) { $0 + $1.time } - site
        let documents = c.decrees.count + c.schemes.count + c.standards.count
        let parsed = run.loaded.result.parsed
        let cacheNote =
            parsed < documents ? " (\(parsed) dari \(documents) dokumen diurai, sisanya dari cache impor)" : ""
        print(
            "\(c.decrees.count) keputusan, \(c.qualifications.count) kualifikasi, \(c.schemes.count) skema"
                + (c.standards.isEmpty ? "" : ", \(c.standards.count) keputusan SKKNI")
                + "\(cacheNote); \(formatter.summary(run.diagnostics))"
        )
        print(
            "situs: \(output)/index.html — \(summary.pages) halaman, \(summary.files + 1) berkas, \(summary.bytes / 1024) KiB tanpa basis data (impor+periksa \(milliseconds(checked)) ms, situs+basis data \(milliseconds(site)) ms)"
        )
        if timings {
            let identities = Set(
                c.qualifications.flatMap { $0.1.units.map(\.code.identity) }
                    + c.schemes.flatMap { $0.units.map(\.code.identity) })
            print(
                "waktu: unit=\(identities.count) dokumen_diurai=\(parsed) impor=\(milliseconds(run.importTime)) periksa=\(milliseconds(run.checkTime)) situs=\(milliseconds(site)) basis_data=\(milliseconds(summary.finishTime)) total=\(milliseconds(clock.now - start))"
            )
            let steps = summary.steps.map { "\($0.name)=\(milliseconds($0.time))" }.joined(separator: " ")
            print(
                "waktu situs: katalog=\(milliseconds(result.catalogTime)) \(steps) berkas_tetap=\(summary.unchanged) halaman_dirender=\(summary.rendered)"
            )
        }
        // Everything is written: exit with the catalogue and its indexes still held, so the
        // process's end releases them at once (freeing them one by one kept a core busy for
        // most of a second at national scale). The locks are released with the process.
        withExtendedLifetime(result) { Foundation.exit(0) }
    }
}

/// For the interruption tests: `SKKNI_TEST_PAUSE=site` (or `database`, `commit`) makes the build
/// announce that stage on standard error and wait there, so a test can `kill -9` it mid-write.
enum TestPause {
    static let stage = ProcessInfo.processInfo.environment["SKKNI_TEST_PAUSE"]

    static func at(_ name: String) {
        guard stage == name else { return }
        printError("skkni: jeda pada tahap \(name)")
        sleep(60)
    }
}

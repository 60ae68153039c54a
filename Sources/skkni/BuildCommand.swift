import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIDatabase
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
        let locks: [BuildLock]
        do {
            locks = [try BuildLock(for: paths.catalogURL), try BuildLock(for: outputURL)]
        } catch {
            printError("galat: \(FileErrorText.describe(error))")
            throw ExitCode(ExitStatus.unreadable)
        }
        defer { withExtendedLifetime(locks) {} }
        if watch {
            let session = try WatchSession(paths: paths, output: output, site: site, useCache: !noCache)
            session.timings = timings
            try session.run(interval: interval, limit: maxRebuilds)
            return
        }
        let run = try CheckRun.perform(
            paths: paths, drafts: [], baselinePath: nil, useBaseline: true, useCache: !noCache)
        // A source that does not import would silently vanish from the catalogue files and the
        // site; stop before writing anything (`check` reports the same as SKK000).
        let failures = run.loaded.result.failures
        if !failures.isEmpty {
            for failure in failures { printError(failure.description) }
            throw ExitCode(ExitStatus.unreadable)
        }
        let checked = clock.now
        let c = run.loaded.result.catalog
        // The catalogue files are written on their own thread while the pages render; the
        // site is published only after they are (a failure leaves the old site in place).
        let catalogURL = paths.catalogURL
        let catalogJob = BackgroundJob { _ = try CatalogStore.write(c, to: catalogURL) }
        let formatter = DiagnosticFormatter(sourceLine: run.lines.line, place: run.lines.place)
        let summary: SiteGenerator.Summary
        do {
            let extra: [(path: String, data: Data)] = [
                ("unduh/findings.json", Data(formatter.format(run.diagnostics, as: .json).utf8)),
                ("unduh/findings.sarif", Data(formatter.format(run.diagnostics, as: .sarif).utf8)),
            ]
            let lines = run.lines
            let changes = try since.map { ($0, try CatalogChanges.since($0, paths: paths)) }
            let input = SiteInput(
                catalog: c, diagnostics: run.diagnostics, rules: RuleRegistry.allRules,
                sourceLine: { lines.line($0, $1) }, changes: changes)
            let diagnostics = run.diagnostics
            summary = try SiteGenerator.build(
                input, siteDirectory: URL(fileURLWithPath: site), output: outputURL, extraFiles: extra,
                finish: { staging in
                    _ = try catalogJob.wait()
                    try CatalogDatabase.write(
                        c, diagnostics: diagnostics, to: staging.appendingPathComponent("skkni.sqlite"))
                }, checkpoint: TestPause.at)
        } catch {
            if let failure = catalogJob.failure {
                printError("\(catalog): galat: katalog tidak dapat ditulis: \(FileErrorText.describe(failure))")
            } else if let interrupted = error as? PublishInterrupted {
                printError("\(output): galat: situs tidak dapat dipasang: \(interrupted)")
            } else {
                printError(
                    "\(output): galat: situs tidak dapat ditulis (keluaran lama dibiarkan utuh): \(FileErrorText.describe(error))"
                )
            }
            throw ExitCode(ExitStatus.unreadable)
        }
        let catalogTime = (try? catalogJob.wait()) ?? .zero
        let written = clock.now
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
            "situs: \(output)/index.html — \(summary.pages) halaman, \(summary.files + 1) berkas, \(summary.bytes / 1024) KiB tanpa basis data (impor+periksa \(milliseconds(checked - start)) ms, situs+basis data \(milliseconds(written - checked)) ms)"
        )
        if timings {
            let identities = Set(
                c.qualifications.flatMap { $0.1.units.map(\.code.identity) }
                    + c.schemes.flatMap { $0.units.map(\.code.identity) })
            print(
                "waktu: unit=\(identities.count) dokumen_diurai=\(run.loaded.result.parsed) impor=\(milliseconds(run.importTime)) periksa=\(milliseconds(run.checkTime)) situs=\(milliseconds(written - checked)) basis_data=\(milliseconds(summary.finishTime)) total=\(milliseconds(written - start))"
            )
            let steps = summary.steps.map { "\($0.name)=\(milliseconds($0.time))" }.joined(separator: " ")
            print(
                "waktu situs: katalog=\(milliseconds(catalogTime)) \(steps) berkas_tetap=\(summary.unchanged) halaman_dirender=\(summary.rendered)"
            )
        }
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

import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIDatabase
import SKKNISite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Membangun katalog dari catalog/ (impor, periksa) lalu menulis situs dan basis data ke _site/.")

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Option(name: .long, help: "Direktori keluaran.") var output = "_site"
    @Option(name: .long, help: "Direktori templat dan aset situs.") var site = "site"

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let paths = ProjectPaths(catalog: catalog)
        let run = try CheckRun.perform(paths: paths, drafts: [], baselinePath: nil, useBaseline: true)
        let checked = clock.now
        do {
            _ = try CatalogStore.write(run.loaded.result.catalog, to: paths.catalogURL)
        } catch {
            printError("\(catalog): galat: katalog tidak dapat ditulis: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.unreadable)
        }
        let c = run.loaded.result.catalog
        let formatter = DiagnosticFormatter(sourceLine: run.lines.line)
        let summary: SiteGenerator.Summary
        do {
            let database = try CatalogDatabase.data(c, diagnostics: run.diagnostics)
            let extra: [(path: String, data: Data)] = [
                ("skkni.sqlite", database),
                ("unduh/findings.json", Data(formatter.format(run.diagnostics, as: .json).utf8)),
                ("unduh/findings.sarif", Data(formatter.format(run.diagnostics, as: .sarif).utf8)),
            ]
            let lines = run.lines
            let input = SiteInput(
                catalog: c, diagnostics: run.diagnostics, rules: RuleRegistry.allRules,
                sourceLine: { lines.line($0, $1) })
            summary = try SiteGenerator.build(
                input, siteDirectory: URL(fileURLWithPath: site), output: URL(fileURLWithPath: output),
                extraFiles: extra)
        } catch {
            printError("\(output): galat: situs tidak dapat ditulis (keluaran lama dibiarkan utuh): \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
        let written = clock.now
        print(
            "\(c.decrees.count) keputusan, \(c.qualifications.count) kualifikasi, \(c.schemes.count) skema; \(formatter.summary(run.diagnostics))"
        )
        print(
            "situs: \(output)/index.html — \(summary.pages) halaman, \(summary.files) berkas, \(summary.bytes / 1024) KiB (impor+periksa \(ms(checked - start)) ms, situs+basis data \(ms(written - checked)) ms)"
        )
    }

    func ms(_ d: Duration) -> Int {
        Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
    }
}

import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIDatabase

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Membangun katalog dari catalog/ (impor, periksa) lalu menulis basis data dan situs ke _site/.")

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Option(name: .long, help: "Direktori keluaran.") var output = "_site"

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let paths = ProjectPaths(catalog: catalog)
        let run = try CheckRun.perform(paths: paths, drafts: [], baselinePath: nil, useBaseline: true)
        let imported = clock.now
        do {
            _ = try CatalogStore.write(run.loaded.result.catalog, to: paths.catalogURL)
        } catch {
            printError("\(catalog): galat: katalog tidak dapat ditulis: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.unreadable)
        }
        let outputURL = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: outputURL, withIntermediateDirectories: true)
            try CatalogDatabase.write(run.loaded.result.catalog, diagnostics: run.diagnostics, to: outputURL.appendingPathComponent("skkni.sqlite"))
        } catch {
            printError("\(output): galat: basis data tidak dapat ditulis: \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
        let written = clock.now
        let formatter = DiagnosticFormatter(sourceLine: run.lines.line)
        let c = run.loaded.result.catalog
        print(
            "\(c.decrees.count) keputusan, \(c.qualifications.count) kualifikasi, \(c.schemes.count) skema; \(formatter.summary(run.diagnostics))")
        print("basis data: \(output)/skkni.sqlite  (impor+periksa \(ms(imported - start)) ms, tulis \(ms(written - imported)) ms)")
    }

    func ms(_ d: Duration) -> Int { Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000) }
}

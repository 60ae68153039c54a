import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Mengimpor dokumen di catalog/sources/ menjadi berkas katalog (JSON) di catalog/.",
        discussion: """
            Tanpa argumen: mengimpor ulang semua dokumen sumber. Dengan BERKAS: memeriksa dan menambahkan \
            dokumen itu ke catalog/sources/, lalu mengimpor ulang katalog. Dokumen yang tidak dikenali ditolak \
            dengan pesan yang menyebut berkasnya, dan tidak ada yang disalin.
            """)

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Flag(name: .long, help: "Hanya periksa bahwa berkas katalog mutakhir; keluar 1 bila ada yang akan berubah.")
    var check = false
    @Argument(help: "Dokumen baru (teks hasil ekstraksi PDF) untuk ditambahkan ke katalog.") var files: [String] = []

    func run() throws {
        let paths = ProjectPaths(catalog: catalog)
        let lock: BuildLock
        do {
            lock = try BuildLock(for: paths.catalogURL)
        } catch {
            printError("galat: \(FileErrorText.describe(error))")
            throw ExitCode(ExitStatus.unreadable)
        }
        defer { withExtendedLifetime(lock) {} }
        var rejected = false
        for file in files {
            do throws(ImportError) {
                let (_, diagnostics, _) = try Importer.importFile(at: URL(fileURLWithPath: file), displayPath: file)
                printError(
                    DiagnosticFormatter(sourceLine: { _, _ in nil }).text(diagnostics).trimmingCharacters(in: .newlines)
                )
                let target = paths.sourcesURL.appendingPathComponent((file as NSString).lastPathComponent)
                if target.standardizedFileURL.path != URL(fileURLWithPath: file).standardizedFileURL.path {
                    try? FileManager.default.createDirectory(at: paths.sourcesURL, withIntermediateDirectories: true)
                    if FileManager.default.fileExists(atPath: target.path) {
                        printError(
                            "\(file): galat: \(target.path) sudah ada; ganti nama berkas atau hapus yang lama dahulu")
                        rejected = true
                        continue
                    }
                    do {
                        try FileManager.default.copyItem(at: URL(fileURLWithPath: file), to: target)
                    } catch {
                        printError(
                            "\(file): galat: tidak dapat disalin ke \(target.path): \(FileErrorText.describe(error))")
                        rejected = true
                    }
                }
            } catch {
                printError(error.description)
                rejected = true
            }
        }
        let loaded = try LoadedCatalog.loadOrExit(paths)
        for failure in loaded.result.failures { printError(failure.description) }
        let lines = SourceLines(loaded.result.documents)
        if !loaded.importDiagnostics.isEmpty {
            printError(DiagnosticFormatter(sourceLine: lines.line).text(loaded.importDiagnostics))
        }
        let summary: CatalogStore.WriteSummary
        do {
            summary = try CatalogStore.write(loaded.result.catalog, to: paths.catalogURL, dryRun: check)
        } catch {
            printError("\(catalog): galat: katalog tidak dapat ditulis: \(FileErrorText.describe(error))")
            throw ExitCode(ExitStatus.unreadable)
        }
        let c = loaded.result.catalog
        let units =
            c.decrees.flatMap(\.qualifications).reduce(0) { $0 + $1.units.count }
            + c.schemes.reduce(0) { $0 + $1.units.count }
        print(
            "\(c.decrees.count) keputusan, \(c.decrees.flatMap(\.qualifications).count) kualifikasi, \(c.schemes.count) skema, \(units) baris unit; "
                + "\(summary.written.count) berkas \(check ? "akan ditulis" : "ditulis"), \(summary.unchanged.count) tidak berubah, \(summary.removed.count) \(check ? "akan dihapus" : "dihapus")"
        )
        for path in summary.written + summary.removed where check { print("  berubah: \(catalog)/\(path)") }
        if check, !(summary.written.isEmpty && summary.removed.isEmpty) { throw ExitCode(ExitStatus.findings) }
        if rejected || !loaded.result.failures.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

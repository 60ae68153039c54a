import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPipeline
import SKKNIPublish

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
    @Option(name: .long, help: "Format keluaran untuk dokumen yang ditolak: text atau json (objek JSON di stdout).")
    var format: OutputFormatArgument = .text
    @Argument(help: "Dokumen baru (PDF, .docx atau teks) untuk ditambahkan ke katalog.") var files: [String] = []

    func run() throws {
        let paths = ProjectPaths(catalog: catalog)
        let lock = try Pipeline.lock(paths.catalogURL)
        defer { withExtendedLifetime(lock) {} }
        // Every new document is read first: one that is refused changes nothing, and nothing else is said.
        switch AddDocuments.read(files, paths: paths) {
        case .failure(let refused):
            if format.value == .json {
                FileHandle.standardOutput.write(Data(ImportRefusal.json(refused.errors).utf8))
            } else {
                for refusal in refused.errors { printError(refusal.description) }
            }
            throw ExitCode(ExitStatus.findings)
        case .success(let accepted):
            for document in accepted {
                let formatter = DiagnosticFormatter(
                    sourceLine: { _, line in document.text.shownLine(line) },
                    place: { _, line in document.text.place(line) })
                printError(formatter.text(document.diagnostics).trimmingCharacters(in: .newlines))
                try AddDocuments.copy(document, paths: paths)
            }
        }
        let loaded = try LoadedCatalog.load(paths)
        for failure in loaded.result.failures { printError(failure.description) }
        let lines = SourceLines(loaded.result.documents, root: paths.root)
        if !loaded.importDiagnostics.isEmpty {
            printError(DiagnosticFormatter(sourceLine: lines.line, place: lines.place).text(loaded.importDiagnostics))
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
                + (c.standards.isEmpty
                    ? ""
                    : "\(c.standards.count) keputusan SKKNI (\(c.standards.reduce(0) { $0 + $1.definitions.count }) uraian unit); ")
                + "\(summary.written.count) berkas \(check ? "akan ditulis" : "ditulis"), \(summary.unchanged.count) tidak berubah, \(summary.removed.count) \(check ? "akan dihapus" : "dihapus")"
        )
        for path in summary.written + summary.removed where check { print("  berubah: \(catalog)/\(path)") }
        if check, !(summary.written.isEmpty && summary.removed.isEmpty) { throw ExitCode(ExitStatus.findings) }
        if !loaded.result.failures.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

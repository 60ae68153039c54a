import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPipeline
import SKKNIPublish
import SKKNISite

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Menulis satu halaman HTML mandiri untuk rapat panitia: unit draf, temuan dan perbaikannya, kemasan.")

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Option(
        name: .long, help: "Direktori templat situs (bawaan: site/ di sini, di samping katalog, atau milik program).")
    var site: String?
    @Option(name: .long, help: "Berkas HTML yang ditulis (bawaan: <draf>.html).") var output: String?
    @Argument(help: "Draf skema: teks (.txt) atau Word (.docx).") var draft: String

    func run() throws {
        let paths = ProjectPaths(catalog: catalog)
        let loaded = try LoadedCatalog.load(paths)
        let document: DocumentText
        let scheme: Scheme
        let importFindings: [Diagnostic]
        do throws(ImportError) {
            (scheme, importFindings, document) = try importDraft(draft, paths: paths)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.unreadable)
        }
        let review = DraftReviewer.review(scheme, catalog: loaded.result.catalog, importFindings: importFindings)
        let shown = scheme.source
        let target = output ?? ((draft as NSString).deletingPathExtension + ".html")
        do {
            let html = try ReportPage.render(
                review, siteDirectory: siteDirectory(site, catalog: catalog),
                sourceLine: { file, line in file == shown ? document.line(line) : nil },
                place: { file, line in (file == shown ? document.place(line) : nil) ?? "baris \(line)" },
                provenance: ReportPage.Provenance(
                    date: Pipeline.today(), revision: CatalogChanges.revision(of: catalog)))
            try Data(html.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            printError("\(target): galat: laporan tidak dapat ditulis: \(FileErrorText.describe(error))")
            throw ExitCode(ExitStatus.unreadable)
        }
        let errors = review.findings.flatMap { [$0.diagnostic] + $0.resolves }.filter { $0.severity == .error }.count
        print(
            "laporan ditulis ke \(target): \(review.units.count) unit, \(review.findingCount) temuan (\(errors) galat) dari \(review.findings.count) penyebab"
        )
        if errors > 0 { throw ExitCode(ExitStatus.findings) }
    }
}

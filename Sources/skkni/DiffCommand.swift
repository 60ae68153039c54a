import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPipeline
import SKKNIPublish

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Mencantumkan perubahan makna katalog sejak revisi git: unit, versi, judul, temuan.")

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Argument(help: "Revisi git pembanding, mis. origin/main atau HEAD~1.") var revision: String

    func run() throws {
        let paths = ProjectPaths(catalog: catalog)
        let diff = try CatalogChanges.since(revision, paths: paths)
        print(diff.text(since: revision), terminator: "")
    }
}

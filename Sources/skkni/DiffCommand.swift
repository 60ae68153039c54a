import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
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

/// The catalogue at a git revision against the catalogue the sources give now.
enum CatalogChanges {
    static func since(_ revision: String, paths: ProjectPaths) throws -> CatalogDiff {
        let old = try catalog(at: revision, paths: paths)
        let loaded = try LoadedCatalog.loadOrExit(paths)
        let now = loaded.result.catalog
        return CatalogDiff.compare(
            before: old, after: now, findingsBefore: Checker.run(catalog: old), findingsAfter: Checker.run(catalog: now)
        )
    }

    /// Extracts `<catalog>/decrees` and `<catalog>/schemes` as committed at `revision`.
    static func catalog(at revision: String, paths: ProjectPaths) throws -> Catalog {
        let fm = FileManager.default
        let prefix = try git(["rev-parse", "--show-prefix"], in: paths.catalogURL).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let root = try git(["rev-parse", "--show-toplevel"], in: paths.catalogURL).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let temporary = fm.temporaryDirectory.appendingPathComponent("skkni-diff-\(getpid())-\(UUID().uuidString)")
        try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: temporary) }
        let listing = try git(["ls-tree", "-r", "--name-only", revision, "--", prefix], in: URL(fileURLWithPath: root))
        for path in listing.split(separator: "\n").map(String.init)
        where path.hasSuffix(".json")
            && [CatalogStore.decreesFolder, CatalogStore.schemesFolder, CatalogStore.standardsFolder].contains(where: {
                path.hasPrefix(prefix + $0 + "/")
            })
        {
            let relative = String(path.dropFirst(prefix.count))
            guard OutputDirectory.isSafe(relative) else { continue }
            let data = try gitData(["show", "\(revision):\(path)"], in: URL(fileURLWithPath: root))
            let target = temporary.appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        do {
            return try CatalogStore.read(from: temporary)
        } catch {
            printError("\(revision): galat: katalog pada revisi itu tidak dapat dibaca: \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    static func git(_ arguments: [String], in directory: URL) throws -> String {
        String(decoding: try gitData(arguments, in: directory), as: UTF8.self)
    }

    static func gitData(_ arguments: [String], in directory: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            printError("galat: git tidak dapat dijalankan: \(FileErrorText.describe(error))")
            throw ExitCode(ExitStatus.unreadable)
        }
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            printError("galat: git \(arguments.joined(separator: " ")): \(reason)")
            throw ExitCode(ExitStatus.unreadable)
        }
        return data
    }
}

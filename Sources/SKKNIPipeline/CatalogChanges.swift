import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPublish

/// The catalogue at a git revision against the catalogue the sources give now.
public enum CatalogChanges {
    public static func since(_ revision: String, paths: ProjectPaths) throws(Unreadable) -> CatalogDiff {
        let old = try catalog(at: revision, paths: paths)
        let now = try LoadedCatalog.load(paths).result.catalog
        return CatalogDiff.compare(
            before: old, after: now, findingsBefore: Checker.run(catalog: old), findingsAfter: Checker.run(catalog: now)
        )
    }

    /// Extracts `<catalog>/decrees` and `<catalog>/schemes` as committed at `revision`.
    static func catalog(at revision: String, paths: ProjectPaths) throws(Unreadable) -> Catalog {
        let fm = FileManager.default
        let prefix = try git(["rev-parse", "--show-prefix"], in: paths.catalogURL).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let root = try git(["rev-parse", "--show-toplevel"], in: paths.catalogURL).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let temporary = fm.temporaryDirectory.appendingPathComponent("skkni-diff-\(getpid())-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: temporary) }
        let listing = try git(["ls-tree", "-r", "--name-only", revision, "--", prefix], in: URL(fileURLWithPath: root))
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
            for path in listing.split(separator: "\n").map(String.init)
            where path.hasSuffix(".json")
                && [CatalogStore.decreesFolder, CatalogStore.schemesFolder, CatalogStore.standardsFolder].contains(
                    where: { path.hasPrefix(prefix + $0 + "/") })
            {
                let relative = String(path.dropFirst(prefix.count))
                guard OutputDirectory.isSafe(relative) else { continue }
                let data = try gitData(["show", "\(revision):\(path)"], in: URL(fileURLWithPath: root))
                let target = temporary.appendingPathComponent(relative)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable("galat: \(FileErrorText.describe(error))")
        }
        do {
            return try CatalogStore.read(from: temporary)
        } catch {
            throw Unreadable("\(revision): galat: katalog pada revisi itu tidak dapat dibaca: \(error)")
        }
    }

    static func git(_ arguments: [String], in directory: URL) throws(Unreadable) -> String {
        String(decoding: try gitData(arguments, in: directory), as: UTF8.self)
    }

    static func gitData(_ arguments: [String], in directory: URL) throws(Unreadable) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw Unreadable("galat: git tidak dapat dijalankan: \(FileErrorText.describe(error))")
        }
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw Unreadable("galat: git \(arguments.joined(separator: " ")): \(reason)")
        }
        return data
    }

    /// The catalogue's git revision for a report (`a1b2c3d, 2026-11-30`, with a note when the
    /// catalogue has uncommitted changes), or nil outside git.
    public static func revision(of catalog: String) -> String? {
        let directory = URL(fileURLWithPath: catalog)
        func git(_ arguments: [String]) -> String? {
            (try? gitData(arguments, in: directory)).map {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        guard let head = git(["log", "-1", "--format=%h, %cs", "--", "."]), !head.isEmpty else { return nil }
        let dirty = git(["status", "--porcelain", "--", "."]).map { !$0.isEmpty } ?? false
        return dirty ? head + " + perubahan belum di-commit" : head
    }
}

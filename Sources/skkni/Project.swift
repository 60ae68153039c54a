import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport

/// Exit codes: 0 no errors, 1 errors found, 2 usage or unreadable input.
enum ExitStatus {
    static let findings: Int32 = 1
    static let unreadable: Int32 = 2
}

/// Options every command shares: where the catalogue lives.
struct ProjectPaths {
    var catalog: String

    var catalogURL: URL { URL(fileURLWithPath: catalog) }
    var sourcesDisplay: String { (catalog as NSString).appendingPathComponent("sources") }
    var sourcesURL: URL { URL(fileURLWithPath: sourcesDisplay) }
    var baselineDisplay: String { (catalog as NSString).appendingPathComponent("baseline.json") }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Source lines for showing under findings: from imported documents, else read from disk.
final class SourceLines: @unchecked Sendable {
    private var documents: [String: DocumentText]
    private let lock = NSLock()

    init(_ documents: [String: DocumentText]) { self.documents = documents }

    /// The texts read so far, except those of `files` (which changed): for the next rebuild.
    func forgetting(_ files: Set<String>) -> SourceLines {
        SourceLines(lock.withLock { documents.filter { !files.contains($0.key) } })
    }

    func line(_ file: String, _ line: Int) -> String? {
        guard let text = text(file), line >= 1, line <= text.lines.count else { return nil }
        return text.shownLine(line)
    }

    /// `halaman 3 baris 12` for a line of a PDF (a .docx's table and row); nil for text files.
    func place(_ file: String, _ line: Int) -> String? { text(file)?.place(line) }

    private func text(_ file: String) -> DocumentText? {
        lock.lock()
        defer { lock.unlock() }
        if documents[file] == nil, let data = FileManager.default.contents(atPath: file) {
            documents[file] =
                (try? Importer.readText(data, path: file))
                ?? DocumentText(path: file, text: String(decoding: data, as: UTF8.self))
        }
        return documents[file]
    }
}

/// A draft scheme for `check` and `report`, text or Word; a decree is refused.
/// Its findings name it by `draftDisplayPath(path)`, whichever way the path was written.
func importDraft(_ path: String) throws(ImportError) -> (scheme: Scheme, findings: [Diagnostic], text: DocumentText) {
    let display = draftDisplayPath(path)
    let (document, findings, text) = try Importer.importFile(at: URL(fileURLWithPath: path), displayPath: display)
    guard case .scheme(let scheme) = document else {
        throw ImportError(file: display, line: 1, message: "draf harus berupa skema sertifikasi, bukan keputusan")
    }
    return (scheme, findings, text)
}

/// A draft's path as findings name it: relative to the working directory when inside it.
func draftDisplayPath(_ path: String) -> String {
    SourcePath.display(path, base: FileManager.default.currentDirectoryPath)
}

/// Whole milliseconds of a duration, for timings.
func milliseconds(_ d: Duration) -> Int {
    Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
}

/// The catalogue imported from its sources, with every finding.
struct LoadedCatalog {
    var result: ImportResult
    var importDiagnostics: [Diagnostic]

    /// Documents unchanged since the last run come from the catalogue's import cache
    /// (`<catalog>/.cache/`), unless `useCache` is false.
    static func load(_ paths: ProjectPaths, useCache: Bool = true) throws(ImportError) -> LoadedCatalog {
        let result = try Importer.importDirectory(
            paths.sourcesURL, displayPrefix: paths.sourcesDisplay,
            cache: useCache ? .forCatalog(paths.catalogURL) : ImportCache(url: nil))
        return LoadedCatalog(result: result, importDiagnostics: result.diagnostics)
    }

    /// `load`, or the reason it failed on standard error and exit status 2.
    static func loadOrExit(_ paths: ProjectPaths, useCache: Bool = true) throws -> LoadedCatalog {
        do throws(ImportError) {
            return try load(paths, useCache: useCache)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    /// Documents that failed to import, as diagnostics: a catalogue that lost a document is an error.
    var failureDiagnostics: [Diagnostic] {
        result.failures.map { failure in
            ImportIssue.unreadableDocument.diagnostic(
                failure.message, file: failure.file, line: failure.line ?? 1, subject: failure.file)
        }
    }
}

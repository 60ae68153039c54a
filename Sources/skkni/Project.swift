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

    func line(_ file: String, _ line: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if documents[file] == nil, let data = FileManager.default.contents(atPath: file) {
            documents[file] =
                (try? Importer.readText(data, path: file))
                ?? DocumentText(path: file, text: String(decoding: data, as: UTF8.self))
        }
        guard let text = documents[file], line >= 1, line <= text.lines.count else { return nil }
        return text.shownLine(line)
    }
}

/// The catalogue imported from its sources, with every finding.
struct LoadedCatalog {
    var result: ImportResult
    var importDiagnostics: [Diagnostic]

    static func load(_ paths: ProjectPaths) throws(ImportError) -> LoadedCatalog {
        let result = try Importer.importDirectory(paths.sourcesURL, displayPrefix: paths.sourcesDisplay)
        return LoadedCatalog(result: result, importDiagnostics: result.diagnostics)
    }

    /// Documents that failed to import, as diagnostics: a catalogue that lost a document is an error.
    var failureDiagnostics: [Diagnostic] {
        result.failures.map { failure in
            ImportIssue.unreadableDocument.diagnostic(
                failure.message, file: failure.file, line: failure.line ?? 1, subject: failure.file)
        }
    }
}

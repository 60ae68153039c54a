import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNISite

/// Exit codes: 0 no errors, 1 errors found, 2 usage or unreadable input.
public enum ExitStatus {
    public static let findings: Int32 = 1
    public static let unreadable: Int32 = 2
}

/// Input that cannot be read or output that cannot be written: the lines to show on standard
/// error, then exit status 2 (`ExitStatus.unreadable`). The executable prints them.
public struct Unreadable: Error, CustomStringConvertible {
    public var messages: [String]
    public init(_ messages: [String]) { self.messages = messages }
    public init(_ message: String) { messages = [message] }
    public var description: String { messages.joined(separator: "\n") }
}

/// Where a running pipeline's messages go: standard output and error for the executable, a
/// list for tests.
public struct Console: Sendable {
    public var say: @Sendable (String) -> Void
    public var warn: @Sendable (String) -> Void

    public init(say: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
        self.say = say
        self.warn = warn
    }

    /// Lines to standard output at once (a pipe would otherwise hold them back: a watching
    /// build talks while it runs), warnings to standard error.
    public static let standard = Console(
        say: { text in
            print(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            _ = fflush(nil)  // every output stream: `stdout` itself is not concurrency-safe to name
        },
        warn: { text in
            FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        })
}

/// Options every command shares: where the catalogue lives.
///
/// Findings name files relative to the repository, the catalogue's parent folder, whatever the
/// working directory and however `--catalog` was written: `catalog/sources/…` from the
/// repository root and from `/tmp` with `--catalog /work/repo/catalog` alike, so the baseline
/// and SARIF paths hold everywhere.
public struct ProjectPaths: Sendable {
    public var catalog: String

    public init(catalog: String) { self.catalog = catalog }

    public var catalogURL: URL { URL(fileURLWithPath: catalog) }
    /// The repository root: the catalogue's parent folder, absolute.
    public var root: String {
        let absolute = SourcePath.display(catalog, base: FileManager.default.currentDirectoryPath)
        let full = absolute.hasPrefix("/") ? absolute : FileManager.default.currentDirectoryPath + "/" + absolute
        return (full as NSString).deletingLastPathComponent
    }
    /// The catalogue folder as findings name it (`catalog`).
    public var catalogDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath
        let shown = SourcePath.display(catalog, base: cwd)
        let full = shown.hasPrefix("/") ? shown : cwd + "/" + shown
        return SourcePath.display(full, base: root)
    }
    public var sourcesDisplay: String { catalogDisplay + "/sources" }
    public var sourcesURL: URL { catalogURL.appendingPathComponent("sources") }
    public var baselineDisplay: String { catalogDisplay + "/baseline.json" }
    public var baselinePath: String { catalogURL.appendingPathComponent("baseline.json").path }

    /// A path given on the command line as findings name it (see `SourcePath.display`).
    public func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let shown = SourcePath.display(path, base: cwd)
        return SourcePath.display(shown.hasPrefix("/") ? shown : cwd + "/" + shown, base: root)
    }
}

/// The site's templates and static files: `--site` when given; else `site/` in the working
/// directory, next to the catalogue, or where the running binary was built or installed
/// (`.build/<config>/skkni` -> `site/`, `bin/skkni` -> `share/skkni/site/`), so every command
/// works from any folder.
public func siteDirectory(_ option: String?, catalog: String) -> URL {
    if let option { return URL(fileURLWithPath: option) }
    let fm = FileManager.default
    var candidates = [
        URL(fileURLWithPath: "site"),
        URL(fileURLWithPath: catalog).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("site"),
    ]
    let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = binary.deletingLastPathComponent()
    for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("site"))
        candidates.append(folder.appendingPathComponent("share/skkni/site"))
        folder = folder.deletingLastPathComponent()
    }
    return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("templates/layout.mustache").path) }
        ?? candidates[0]
}

/// Source lines for showing under findings: from imported documents, else read from disk.
public final class SourceLines: @unchecked Sendable {
    private var documents: [String: DocumentText]
    /// Lines read ahead for findings (`prefetch`), by file and line: their shown text and place.
    private var shown: [String: [Int: (line: String, place: String?)]] = [:]
    private let lock = NSLock()
    /// What relative names are relative to (the repository root); nil: the working directory.
    let root: String?

    public init(_ documents: [String: DocumentText], root: String? = nil) {
        self.documents = documents
        self.root = root
    }

    /// The texts and lines read so far, except those of `files` (which changed): for the next
    /// rebuild.
    public func forgetting(_ files: Set<String>) -> SourceLines {
        lock.withLock {
            let kept = SourceLines(documents.filter { !files.contains($0.key) }, root: root)
            kept.shown = shown.filter { !files.contains($0.key) }
            return kept
        }
    }

    /// Reads every line the findings point at (their own and their related places), one file
    /// at a time on all cores, keeping only those lines: a national catalogue's findings touch
    /// thousands of documents, whose whole texts held at once took gigabytes.
    public func prefetch(_ diagnostics: [Diagnostic]) {
        var wanted: [String: Set<Int>] = [:]
        for d in diagnostics {
            wanted[d.location.file, default: []].insert(d.location.line)
            for r in d.related { wanted[r.location.file, default: []].insert(r.location.line) }
        }
        let files = lock.withLock {
            wanted.filter { documents[$0.key] == nil && shown[$0.key] == nil }.sorted { $0.key < $1.key }
        }
        let read = ConcurrentMap.map(files) { file, numbers -> [Int: (line: String, place: String?)]? in
            guard let text = readText(file) else { return nil }
            var lines: [Int: (line: String, place: String?)] = [:]
            for n in numbers where n >= 1 && n <= text.lines.count {
                lines[n] = (text.shownLine(n), text.place(n))
            }
            return lines
        }
        lock.withLock {
            for ((file, _), lines) in zip(files, read) { if let lines { shown[file] = lines } }
        }
    }

    public func line(_ file: String, _ line: Int) -> String? {
        if let ahead = lock.withLock({ shown[file]?[line] }) { return ahead.line }
        guard let text = text(file), line >= 1, line <= text.lines.count else { return nil }
        return text.shownLine(line)
    }

    /// A whole document for its page under `sumber/`: lines, places, and a PDF's bytes. Read
    /// outside the lock and not kept (a page at a time on all cores; a national catalogue's
    /// documents held at once took gigabytes).
    public func document(_ file: String) -> SourceDocument? {
        guard let text = lock.withLock({ documents[file] }) ?? readText(file) else { return nil }
        let path = file.hasPrefix("/") || root == nil ? file : root! + "/" + file
        let original = file.lowercased().hasSuffix(".pdf") ? FileManager.default.contents(atPath: path) : nil
        return SourceDocument(lines: text.lines, places: text.places, original: original)
    }

    /// `halaman 3 baris 12` for a line of a PDF (a .docx's table and row); nil for text files.
    public func place(_ file: String, _ line: Int) -> String? {
        if let ahead = lock.withLock({ shown[file]?[line] }) { return ahead.place }
        return text(file)?.place(line)
    }

    private func text(_ file: String) -> DocumentText? {
        lock.lock()
        defer { lock.unlock() }
        if documents[file] == nil, let text = readText(file) { documents[file] = text }
        return documents[file]
    }

    private func readText(_ file: String) -> DocumentText? {
        let path = file.hasPrefix("/") || root == nil ? file : root! + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        // Only shown, never parsed: without the lines' plain forms.
        return (try? Importer.readText(data, path: file, readingPlainLines: false))
            ?? DocumentText(path: file, text: String(decoding: data, as: UTF8.self), readingPlainLines: false)
    }
}

/// A draft scheme for `check` and `report`, text or Word; a decree is refused.
/// Its findings name it as `paths.display(path)` does, whichever way the path was written.
public func importDraft(_ path: String, paths: ProjectPaths) throws(ImportError) -> (
    scheme: Scheme, findings: [Diagnostic], text: DocumentText
) {
    let display = paths.display(path)
    let (document, findings, text) = try Importer.importFile(at: URL(fileURLWithPath: path), displayPath: display)
    guard case .scheme(let scheme) = document else {
        throw ImportError(file: display, line: 1, message: "draf harus berupa skema sertifikasi, bukan keputusan")
    }
    return (scheme, findings, text)
}

/// The catalogue imported from its sources, with every finding.
public struct LoadedCatalog {
    public var result: ImportResult
    public var importDiagnostics: [Diagnostic]

    /// Documents unchanged since the last run come from the catalogue's import cache
    /// (`<catalog>/.cache/`), unless `useCache` is false. A document folder that cannot be
    /// read is `Unreadable`.
    public static func load(_ paths: ProjectPaths, useCache: Bool = true) throws(Unreadable) -> LoadedCatalog {
        do throws(ImportError) {
            let result = try Importer.importDirectory(
                paths.sourcesURL, displayPrefix: paths.sourcesDisplay,
                cache: useCache ? .forCatalog(paths.catalogURL) : .disabled)
            return LoadedCatalog(result: result, importDiagnostics: result.diagnostics)
        } catch {
            throw Unreadable(error.description)
        }
    }

    /// Documents that failed to import, as diagnostics: a catalogue that lost a document is an error.
    public var failureDiagnostics: [Diagnostic] {
        result.failures.map { failure in
            ImportIssue.unreadableDocument.diagnostic(
                failure.message, file: failure.file, line: failure.line ?? 1, subject: failure.file)
        }
    }
}

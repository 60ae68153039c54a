import Foundation
import SKKNICore
import SKKNIPublish

/// The documents of a sources directory held in memory between rebuilds (`build --watch`):
/// `refresh` looks at every file's stamp and imports only those added, changed or removed.
public final class WatchedDocuments {
    public let directory: URL
    public let displayPrefix: String
    /// The catalogue, findings and failures of the documents as last refreshed.
    public private(set) var result: ImportResult
    private var files: [String: Importer.FileImport] = [:]
    private var order: [String] = []

    /// Imports the directory (with `cache` as `importDirectory` does).
    public init(directory: URL, displayPrefix: String, cache: ImportCache) throws(ImportError) {
        self.directory = directory
        self.displayPrefix = displayPrefix
        let list = try Importer.documentFiles(in: directory).map { ($0, displayPrefix + "/" + $0.lastPathComponent) }
        let (result, each) = Importer.importEach(list, cache: cache)
        self.result = result
        order = list.map(\.1)
        for (file, imported) in zip(list, each) {
            var imported = imported
            // Stamps are compared on every refresh, with or without a cache file.
            if imported.stamp == nil { imported.stamp = FileStamp(file.0.path) }
            files[file.1] = imported
        }
    }

    /// What one refresh found: the display paths of the files added, changed or removed, and
    /// the documents they held before (none for an added file, or one that had failed).
    public struct Change: Sendable {
        public var files: Set<String>
        public var before: [ImportedDocument]
    }

    /// Re-reads the directory; nil when no file was added, changed or removed. The changed
    /// files are parsed again and `result` updated.
    /// `names`: the file names that may have changed (from `DirectoryEvents`); nil looks at
    /// every file.
    public func refresh(names candidates: Set<String>? = nil) throws(ImportError) -> Change? {
        let prefix = displayPrefix + "/"
        let root = directory.path + "/"
        var names: [String]
        if let candidates {
            names = candidates.filter { Importer.isDocumentName($0) }.sorted()
            if names.isEmpty { return nil }
            // An added or removed file changes the order of documents: list the directory then.
            if names.contains(where: { (files[prefix + $0] == nil) != (FileStamp(root + $0) == nil) }) {
                return try refresh(names: nil)
            }
        } else {
            names = try Importer.documentNames(in: directory)
        }
        let stamps = ConcurrentMap.map(names) { FileStamp(root + $0) }
        var changed: [(url: URL, display: String, stamp: FileStamp?)] = []
        for (name, stamp) in zip(names, stamps) {
            let display = prefix + name
            if stamp == nil || files[display]?.stamp != stamp {
                changed.append((directory.appendingPathComponent(name), display, stamp))
            }
        }
        var removed: [String] = []
        if candidates == nil,
            names.count - changed.count != order.count || changed.contains(where: { files[$0.display] == nil })
        {
            let present = Set(names.map { prefix + $0 })
            removed = order.filter { !present.contains($0) }
        }
        guard !changed.isEmpty || !removed.isEmpty else { return nil }
        var before: [ImportedDocument] = []
        for path in changed.map(\.display) + removed {
            if case .success(let (document, _, _))? = files[path]?.outcome { before.append(document) }
        }
        let parsed = ConcurrentMap.map(changed) {
            Importer.importOne(($0.url, $0.display), stamp: $0.stamp, keepingText: false)
        }
        for (file, imported) in zip(changed, parsed) { files[file.display] = imported }
        for path in removed { files[path] = nil }
        if candidates == nil { order = names.map { prefix + $0 } }
        let touched = Set(changed.map(\.display) + removed)
        result =
            Self.patched(result, replacing: touched, with: parsed.map(\.outcome), before: before)
            ?? Importer.assemble(order.map { files[$0]!.outcome })
        result.parsed = changed.count
        return Change(files: touched, before: before)
    }

    /// `result` with the scheme documents of `files` replaced by `outcomes`, without assembling
    /// every document again; nil unless every outcome is a scheme whose id no other file gives,
    /// and every document it replaces was a scheme (then assemble, which also says why not).
    static func patched(
        _ result: ImportResult, replacing files: Set<String>, with outcomes: [Importer.Outcome],
        before: [ImportedDocument]
    ) -> ImportResult? {
        guard result.failures.isEmpty, before.allSatisfy({ if case .scheme = $0 { true } else { false } }) else {
            return nil
        }
        var added: [Scheme] = []
        var diagnostics = result.diagnostics.filter { !files.contains($0.location.file) }
        for outcome in outcomes {
            guard case .success(let (.scheme(scheme), found, _)) = outcome else { return nil }
            added.append(scheme)
            diagnostics += found
        }
        let schemes = result.catalog.schemes.filter { !files.contains($0.source) } + added
        guard Set(schemes.map(\.id)).count == schemes.count else { return nil }
        var patched = result
        patched.catalog = Catalog(
            decrees: result.catalog.decrees, schemes: schemes, standards: result.catalog.standards)
        patched.diagnostics = diagnostics.sorted(by: Diagnostic.ordered)
        return patched
    }
}

import Foundation
import SKKNICore

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
            if imported.stamp == nil { imported.stamp = ImportCache.FileStamp(file.0.path) }
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
    /// files are parsed again and `result` assembled anew.
    public func refresh() throws(ImportError) -> Change? {
        let list = try Importer.documentFiles(in: directory).map { ($0, displayPrefix + "/" + $0.lastPathComponent) }
        let stamps = ConcurrentMap.map(list) { ImportCache.FileStamp($0.0.path) }
        var changed: [(url: URL, display: String, stamp: ImportCache.FileStamp?)] = []
        for (file, stamp) in zip(list, stamps) where stamp == nil || files[file.1]?.stamp != stamp {
            changed.append((file.0, file.1, stamp))
        }
        let present = Set(list.map(\.1))
        let removed = order.filter { !present.contains($0) }
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
        order = list.map(\.1)
        result = Importer.assemble(order.map { files[$0]!.outcome })
        result.parsed = changed.count
        return Change(files: Set(changed.map(\.display) + removed), before: before)
    }
}

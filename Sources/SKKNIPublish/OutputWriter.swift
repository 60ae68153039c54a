import Foundation

/// The one seam every output file goes through (as Zola's `ContentWriter`): the pages, search
/// files, downloads, static files and findings are handed to a writer, which puts them in a
/// staging directory to be published at once (`StagingDirectory`), keeps them in memory (the
/// fuzzer, tests: `MemoryOutput`) or replaces them in a live output (`InPlaceOutput`).
/// Writers are called from several threads at once.
public protocol OutputWriter: Sendable {
    /// Writes `data` at `path`, relative to the output.
    func write(_ path: String, _ data: Data) throws
    /// Writes the file at `path` from the pieces `fill` hands to its argument, in order, so that
    /// a large file (the national criteria download is 190 MB) is never whole in memory.
    func write(_ path: String, streaming fill: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws
}

extension OutputWriter {
    /// Writers that keep whole files anyway collect the pieces.
    public func write(_ path: String, streaming fill: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        var bytes: [UInt8] = []
        try fill { bytes += $0 }
        try write(path, Data(bytes))
    }
}

extension StagingDirectory: OutputWriter {}

/// Files kept in memory instead of written.
public final class MemoryOutput: OutputWriter, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [(String, Data)] = []

    public init() {}

    public func write(_ path: String, _ data: Data) throws {
        lock.withLock { collected.append((path, data)) }
    }

    /// Every file written, by path.
    public var files: [(String, Data)] { lock.withLock { collected.sorted { $0.0 < $1.0 } } }
}

/// Files replaced one by one in a published output, each in one rename when complete
/// (`RawFile.replace`): what a watching build does with its downloads once the pages are out.
public struct InPlaceOutput: OutputWriter {
    public let directory: URL

    public init(_ directory: URL) { self.directory = directory }

    public func write(_ path: String, _ data: Data) throws {
        try RawFile.replace(directory.path + "/" + path, with: data)
    }
}

import Foundation
import SKKNICore

/// The catalogue on disk: one JSON file per decree (`decrees/<id>.json`) and per scheme
/// (`schemes/<id>.json`), pretty-printed with sorted keys so files diff well and the same
/// catalogue always gives the same bytes.
public enum CatalogStore {
    public static let decreesFolder = "decrees"
    public static let schemesFolder = "schemes"
    /// SKKNI decrees, one file each (`standards/kepmen-321-2016.json`).
    public static let standardsFolder = "standards"

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The files a catalogue is written as, relative to the catalogue directory: what
    /// `encoder()` gives, written by `CatalogJSON`. Encoded on all cores (a national catalogue
    /// has tens of thousands of schemes).
    public static func files(for catalog: Catalog) -> [(path: String, data: Data)] {
        ConcurrentMap.map(encodings(for: catalog)) { ($0.path, $0.encode()) }
    }

    /// Each file's path and how to encode it, in the catalogue's order (decrees, schemes,
    /// SKKNI decrees): encoded only when it is compared or written, so a national catalogue
    /// (half a gigabyte of JSON) is never held whole.
    static func encodings(for catalog: Catalog) -> [(path: String, encode: @Sendable () -> Data)] {
        catalog.decrees.map { decree in ("\(decreesFolder)/\(decree.id).json", { CatalogJSON.encode(decree) }) }
            + catalog.schemes.map { scheme in ("\(schemesFolder)/\(scheme.id).json", { CatalogJSON.encode(scheme) }) }
            + catalog.standards.map { standard in
                ("\(standardsFolder)/\(standard.id).json", { CatalogJSON.encode(standard) })
            }
    }

    public struct WriteSummary: Sendable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// Writes the catalogue under `directory`: files whose bytes are unchanged are left alone,
    /// changed ones are replaced atomically, and JSON files no document produces any more are
    /// removed. With `dryRun`, only reports what would change.
    public static func write(_ catalog: Catalog, to directory: URL, dryRun: Bool = false) throws -> WriteSummary {
        var summary = WriteSummary()
        let fm = FileManager.default
        let files = encodings(for: catalog)
        let expected = Set(files.map(\.path))
        if !dryRun {
            // The folders that will hold files, made before the workers write into them.
            for folder in Set(files.map { $0.path.prefix { $0 != "/" } }).sorted() {
                try fm.createDirectory(
                    at: directory.appendingPathComponent(String(folder)), withIntermediateDirectories: true)
            }
        }
        // Each file encoded, compared and (when changed) written by one worker, then let go.
        let changed = ConcurrentMap.map(files) { file -> Result<Bool, Error> in
            let url = directory.appendingPathComponent(file.path)
            let data = file.encode()
            if (try? Data(contentsOf: url)) == data { return .success(false) }
            if dryRun { return .success(true) }
            return Result { try data.write(to: url, options: .atomic) }.map { true }
        }
        for (file, outcome) in zip(files, changed) {
            if try outcome.get() {
                summary.written.append(file.path)
            } else {
                summary.unchanged.append(file.path)
            }
        }
        for folder in [decreesFolder, schemesFolder, standardsFolder] {
            let names = (try? fm.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                let path = "\(folder)/\(name)"
                if expected.contains(path) { continue }
                summary.removed.append(path)
                if !dryRun { try fm.removeItem(at: directory.appendingPathComponent(path)) }
            }
        }
        return summary
    }

    /// Writes the files of `schemes` (unless their bytes are there already) and removes those of
    /// the scheme ids `removing`: after a few scheme documents changed.
    public static func write(schemes: [Scheme], removing: [String], to directory: URL) throws {
        let fm = FileManager.default
        for scheme in schemes {
            let url = directory.appendingPathComponent("\(schemesFolder)/\(scheme.id).json")
            let data = CatalogJSON.encode(scheme)
            if (try? Data(contentsOf: url)) == data { continue }
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        }
        for id in removing {
            let url = directory.appendingPathComponent("\(schemesFolder)/\(id).json")
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
        }
    }

    /// Reads a catalogue written by `write`.
    public static func read(from directory: URL) throws -> Catalog {
        let decoder = JSONDecoder()
        let fm = FileManager.default
        func load<T: Decodable>(_ folder: String, as type: T.Type) throws -> [T] {
            let dir = directory.appendingPathComponent(folder)
            let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }
                .sorted()
            return try names.map { try decoder.decode(T.self, from: Data(contentsOf: dir.appendingPathComponent($0))) }
        }
        return Catalog(
            decrees: try load(decreesFolder, as: Decree.self), schemes: try load(schemesFolder, as: Scheme.self),
            standards: try load(standardsFolder, as: StandardDecree.self))
    }
}

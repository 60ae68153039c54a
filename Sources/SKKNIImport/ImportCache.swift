import Foundation
import SKKNICore
import SKKNIPublish

/// Documents parsed by an earlier run, so a rebuild parses only the files that changed: a
/// national catalogue's 20,000 documents take seconds to parse and a fraction of that to
/// load from here. A file is taken from the cache only when its size, modification and
/// change times and inode are those recorded (what make and ninja trust), and only by the
/// same `skkni` binary that wrote it: any other binary may parse differently, so the whole
/// cache is ignored. The cache is never a source of truth; deleting it costs one slow run.
public struct ImportCache: Sendable {
    /// Where the cache lives; `nil` keeps nothing between runs.
    public let url: URL?
    /// Documents changed less than this many seconds before saving are not kept (see `save`).
    let settleSeconds: Double
    /// Without a cache, whether every document's text stays with the import: for callers whose
    /// display paths do not name the files, so that `SourceLines` could not read them again.
    let keepsTexts: Bool

    public init(url: URL?, settleSeconds: Double = 2, keepingTexts: Bool = true) {
        self.url = url
        self.settleSeconds = settleSeconds
        self.keepsTexts = keepingTexts
    }

    /// No cache, and no texts kept: a project's build reads again, from its root, the few
    /// documents its findings show (a national catalogue's texts held took 2.1 GB at peak).
    public static let disabled = ImportCache(url: nil, keepingTexts: false)

    /// The cache of a catalogue: `<catalog>/.cache/impor.bin` (ignored by git).
    public static func forCatalog(_ catalog: URL) -> ImportCache {
        ImportCache(url: catalog.appendingPathComponent(".cache/impor.bin"))
    }

    private static let magic = Array("skkni-impor 3\n".utf8)

    /// One document as the cache holds it: its path, stamp and encoded outcome.
    struct Entry {
        var path: String
        var stamp: FileStamp
        var payload: ArraySlice<UInt8>
    }

    /// The entries of the cache file, by document path; empty when there is no usable cache.
    func load() -> [String: Entry] {
        guard let url, let bytes = RawFile.contents(of: url.path), bytes.starts(with: ImportCache.magic) else {
            return [:]
        }
        return bytes.withUnsafeBytes { raw -> [String: Entry] in
            var reader = SnapshotReader(raw, offset: ImportCache.magic.count)
            do throws(SnapshotError) {
                // A rebuilt `skkni` may parse differently: it starts from an empty cache.
                guard try reader.string() == RunningBinary.stamp else { return [:] }
                let count = try reader.int()
                guard count >= 0, count <= bytes.count else { return [:] }
                var entries: [String: Entry] = [:]
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let stamp = try ImportCache.readStamp(&reader)
                    let length = try reader.int()
                    let start = reader.offset
                    guard length >= 0, length <= bytes.count - start else { return [:] }
                    reader = SnapshotReader(raw, offset: start + length)
                    entries[path] = Entry(path: path, stamp: stamp, payload: bytes[start..<start + length])
                }
                return reader.isAtEnd ? entries : [:]
            } catch {
                return [:]
            }
        }
    }

    static func readStamp(_ reader: inout SnapshotReader) throws(SnapshotError) -> FileStamp {
        FileStamp(
            size: try reader.int(), modified: try reader.int(), changed: try reader.int(), inode: try reader.int())
    }

    static func write(_ stamp: FileStamp, to writer: inout SnapshotWriter) {
        writer.write(stamp.size)
        writer.write(stamp.modified)
        writer.write(stamp.changed)
        writer.write(stamp.inode)
    }

    /// Whether a document's lines are kept with its parse: those of a PDF or a .docx, which only
    /// an extraction gives (poppler takes a second per long decree), not a text file's, which
    /// reading the file again gives (and a national catalogue's text is hundreds of MB).
    static func keepsLines(of text: DocumentText) -> Bool { text.places != nil }

    /// A parsed document in the cache's form, with its lines when `keepsLines(of:)` says so.
    static func encode(_ document: ImportedDocument, _ diagnostics: [Diagnostic], text: DocumentText? = nil)
        -> [UInt8]
    {
        var writer = SnapshotWriter()
        switch document {
        case .decree(let decree):
            writer.write(0)
            writer.write(decree)
        case .scheme(let scheme):
            writer.write(1)
            writer.write(scheme)
        case .standard(let standard):
            writer.write(2)
            writer.write(standard)
        }
        writer.write(diagnostics) { $0.write($1) }
        if let text, keepsLines(of: text), let places = text.places {
            writer.write(1)
            writer.write(text.path)
            writer.write(text.encoding)
            writer.write(text.lines) { $0.write($1) }
            writer.write(places) { $0.write($1) }
        } else {
            writer.write(0)
        }
        return writer.bytes
    }

    static func decode(_ payload: ArraySlice<UInt8>) -> (ImportedDocument, [Diagnostic])? {
        decodeWithLines(payload).map { ($0.0, $0.1) }
    }

    /// `decode`, with the document's lines when they were kept.
    static func decodeWithLines(_ payload: ArraySlice<UInt8>) -> (ImportedDocument, [Diagnostic], DocumentText?)? {
        payload.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            do throws(SnapshotError) {
                let document: ImportedDocument
                switch try reader.int() {
                case 0: document = .decree(try reader.decree())
                case 1: document = .scheme(try reader.scheme())
                case 2:
                    var standard = try reader.standardDecree()
                    standard.shareRepeatedTexts()
                    document = .standard(standard)
                default: return nil
                }
                let diagnostics = try reader.array { r throws(SnapshotError) in try r.diagnostic() }
                var text: DocumentText?
                if try reader.int() == 1 {
                    let path = try reader.string()
                    let encoding = try reader.string()
                    let lines = try reader.array { r throws(SnapshotError) in try r.string() }
                    let places = try reader.array { r throws(SnapshotError) in try r.string() }
                    guard places.count == lines.count else { return nil }
                    text = DocumentText(path: path, lines: lines, places: places, encoding: encoding)
                }
                return reader.isAtEnd ? (document, diagnostics, text) : nil
            } catch { return nil }
        }
    }

    /// Replaces the cache file with these documents (written aside, then renamed: a reader
    /// never sees half a cache). A document changed in the last seconds is left out: a write
    /// within the same clock tick as our reading could leave its stamp unchanged (git's "racy
    /// clean" case), so it is parsed again next time. A cache that cannot be written is only
    /// a slower next run.
    func save(_ entries: [Entry]) {
        guard let url else { return }
        let settled = Int((Date().timeIntervalSince1970 - settleSeconds) * 1_000_000_000)
        let kept = entries.filter { $0.stamp.changed < settled && $0.stamp.modified < settled }
        var head = SnapshotWriter()
        head.write(RunningBinary.stamp)
        head.write(kept.count)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.path + "/.\(url.lastPathComponent).\(getpid())"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        // Streamed through a small buffer: the cache of a national catalogue is tens of megabytes.
        var buffer = ImportCache.magic + head.bytes
        var complete = true
        func flush() {
            if complete {
                do {
                    try buffer.withUnsafeBytes { try RawFile.write($0, to: descriptor, path: temporary) }
                } catch {
                    complete = false
                }
            }
            buffer.removeAll(keepingCapacity: true)
        }
        for entry in kept {
            var head = SnapshotWriter()
            head.write(entry.path)
            ImportCache.write(entry.stamp, to: &head)
            head.write(entry.payload.count)
            buffer += head.bytes
            buffer += entry.payload
            if buffer.count >= 1 << 20 { flush() }
        }
        flush()
        close(descriptor)
        if !complete || rename(temporary, url.path) != 0 { unlink(temporary) }
    }
}

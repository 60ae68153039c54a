import Foundation
import SKKNICore
import SKKNIPublish

/// What one document turned into.
public enum ImportedDocument: Sendable {
    case decree(Decree)
    case scheme(Scheme)
    /// An SKKNI decree: the document that defines units.
    case standard(StandardDecree)
}

/// The result of importing a set of documents: the catalogue, the importer's diagnostics,
/// and the documents that could not be imported at all.
public struct ImportResult: Sendable {
    public var catalog: Catalog
    public var diagnostics: [Diagnostic]
    public var failures: [ImportError]
    /// The decoded text of every document read, by path, for showing source lines.
    public var documents: [String: DocumentText]
    /// How many documents were parsed; the others came from the import cache.
    public var parsed = 0
}

public enum Importer {
    /// File extensions the importer reads.
    public static let documentExtensions: Set<String> = ["txt", "docx", "pdf"]

    /// A file name made safe for a catalogue path and id: lower-case letters, digits and dashes.
    public static func sanitizedID(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if out.last != "-", !out.isEmpty {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "dokumen" : String(out.prefix(120))
    }

    /// Imports one document's text, deciding from its content whether it is a decree or a scheme.
    public static func importDocument(_ document: DocumentText) throws(ImportError) -> (
        ImportedDocument, [Diagnostic]
    ) {
        switch classify(document) {
        case .decree:
            var parser = DecreeParser(document: document)
            let decree = try parser.parse()
            return (.decree(decree), document.readerNotes + parser.diagnostics)
        case .scheme:
            let stem = ((document.path as NSString).lastPathComponent as NSString).deletingPathExtension
            var parser = SchemeParser(document: document, id: sanitizedID(stem))
            let scheme = try parser.parse()
            return (.scheme(scheme), document.readerNotes + parser.diagnostics)
        case .standard:
            let stem = ((document.path as NSString).lastPathComponent as NSString).deletingPathExtension
            var parser = StandardDecreeParser(document: document, fallbackID: "skkni-" + sanitizedID(stem))
            let standard = parser.parse()
            return (.standard(standard), document.readerNotes + parser.diagnostics)
        case nil:
            // The whole document is refused: the kind it came closest to, and what it lacks.
            throw refusal(document)
        }
    }

    enum Kind { case decree, scheme, standard }

    /// How many lines from the top a document's heading (decree header, scheme title) may be:
    /// enough for a cover page, a document-control box and a table of contents before it.
    static let headingWindow = 400

    static func classify(_ document: DocumentText) -> Kind? {
        var decreeHeader = false
        var schemeTitle = false
        for plain in document.plainLines.prefix(headingWindow) {
            // `KEPUTUSAN MENTERI …` or `PERATURAN MENTERI …` (PERMEN, PERMENDAG…), drafts included.
            if DecreeParser.isHeaderLine(plain) { decreeHeader = true }
            if SchemeParser.titleText(plain) != nil { schemeTitle = true }
        }
        if document.furniture.contains(where: { SchemeParser.titleText($0) != nil }) { schemeTitle = true }
        if decreeHeader,
            document.plainLines.contains(where: { DecreeParser.qualificationHeading($0) != nil })
        {
            return .decree
        }
        if schemeTitle, document.plainLines.contains(where: SchemeParser.isTableHeader) {
            return .scheme
        }
        if StandardDecreeParser.recognises(document) { return .standard }
        return nil
    }

    /// Reads and imports a file; `displayPath` is how diagnostics name it.
    public static func importFile(at url: URL, displayPath: String) throws(ImportError) -> (
        ImportedDocument, [Diagnostic], DocumentText
    ) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ImportError(file: displayPath, message: "tidak dapat dibaca: \(Importer.reason(error))")
        }
        let text: DocumentText
        if PDFReader.looksLikePDF(data) {
            text = try PDFReader.read(data, path: displayPath)
        } else if isWord(data, path: displayPath) {
            text = try WordDocument.read(contentsOf: url, data: data, path: displayPath)
        } else {
            text = try DocumentText(path: displayPath, data: data)
        }
        let (document, diagnostics) = try importDocument(text)
        return (document, diagnostics, text)
    }

    /// A document's lines: a Word package (by its content, whatever its name) through the
    /// Word reader, anything else as text.
    public static func readText(_ data: Data, path: String, readingPlainLines: Bool = true) throws(ImportError)
        -> DocumentText
    {
        if PDFReader.looksLikePDF(data) { return try PDFReader.read(data, path: path) }
        return isWord(data, path: path)
            ? try WordDocument.read(data, path: path)
            : try DocumentText(path: path, data: data, readingPlainLines: readingPlainLines)
    }

    /// A Word package, or a Word 97-2003 `.doc` (an OLE2 compound file, whatever its name),
    /// which the Word reader refuses with what to do instead.
    static func isWord(_ data: Data, path: String) -> Bool {
        WordDocument.looksLikePackage(data) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            || (path as NSString).pathExtension.lowercased() == "docx"
    }

    static func reason(_ error: Error) -> String { FileErrorText.describe(error) }

    /// Whether a file of this name is read as a document (not hidden, with a known extension).
    public static func isDocumentName(_ name: String) -> Bool {
        !name.hasPrefix(".") && documentExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// The document files directly in `directory`, sorted by name so results never depend
    /// on file-system order.
    public static func documentFiles(in directory: URL) throws(ImportError) -> [URL] {
        try documentNames(in: directory).map { directory.appendingPathComponent($0) }
    }

    /// The names of those files, sorted: without a URL per file, for a watching build that
    /// lists 20,000 of them while it runs.
    public static func documentNames(in directory: URL) throws(ImportError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ImportError(file: directory.path, message: "direktori sumber tidak dapat dibaca: \(reason(error))")
        }
        return names.filter(isDocumentName).sorted()
    }

    /// Imports every document in `directory`, naming each as `displayPrefix/<file name>`;
    /// documents are parsed in parallel and assembled in name order.
    public static func importDirectory(
        _ directory: URL, displayPrefix: String, cache: ImportCache = ImportCache(url: nil)
    ) throws(ImportError) -> ImportResult {
        let files = try documentFiles(in: directory)
        return importFiles(files.map { ($0, displayPrefix + "/" + $0.lastPathComponent) }, cache: cache)
    }

    /// A document parsed, with its text when it was read in this run (from the cache it was
    /// not; `SourceLines` reads it when a finding needs one of its lines).
    public typealias Outcome = Result<(ImportedDocument, [Diagnostic], DocumentText?), ImportError>

    /// Imports `files`, taking from `cache` the documents whose file has not changed since
    /// it was written, and saving the cache again when any had. `parsed` is how many
    /// documents were parsed rather than loaded.
    public static func importFiles(_ files: [(url: URL, display: String)], cache: ImportCache = ImportCache(url: nil))
        -> ImportResult
    {
        importEach(files, cache: cache).result
    }

    /// One file's import: its outcome, its stamp when read (nil without a cache), its cache
    /// entry, and whether it was parsed rather than loaded.
    struct FileImport {
        var outcome: Outcome
        var stamp: FileStamp?
        var entry: ImportCache.Entry?
        var parsed: Bool
    }

    /// `importFiles`, also giving each file's import.
    static func importEach(_ files: [(url: URL, display: String)], cache: ImportCache) -> (
        result: ImportResult, each: [FileImport]
    ) {
        let cached = cache.load()
        let results = ConcurrentMap.map(files) { file -> FileImport in
            // The stamp is taken before the file is read: a change while reading then shows as
            // a different stamp next time, never as an old stamp on new content.
            // Without a cache there is nothing to compare or keep.
            let stamp = cache.url == nil ? nil : FileStamp(file.url.path)
            if let stamp, let entry = cached[file.display], entry.stamp == stamp,
                let (document, diagnostics, text) = ImportCache.decodeWithLines(entry.payload)
            {
                return FileImport(
                    outcome: .success((document, diagnostics, text)), stamp: stamp, entry: entry, parsed: false)
            }
            return importOne(file, stamp: stamp, keepingText: cache.url == nil && cache.keepsTexts)
        }
        var result = assemble(results.map(\.outcome))
        result.parsed = results.count { $0.parsed }
        if cache.url != nil, result.parsed > 0 || cached.count != files.count {
            cache.save(results.compactMap(\.entry))
        }
        return (result, results)
    }

    /// Parses one file (`stamp` taken before reading it, for its cache entry).
    static func importOne(_ file: (url: URL, display: String), stamp: FileStamp?, keepingText: Bool)
        -> FileImport
    {
        do throws(ImportError) {
            let (document, diagnostics, text) = try importFile(at: file.url, displayPath: file.display)
            let entry = stamp.map {
                ImportCache.Entry(
                    path: file.display, stamp: $0,
                    payload: ArraySlice(ImportCache.encode(document, diagnostics, text: text)))
            }
            // With a cache, texts are not kept either: most are never asked for, and
            // `SourceLines` reads the few that are (a national catalogue's text is hundreds of MB).
            // An extracted document's lines are kept: only another extraction would give them.
            let kept = keepingText || ImportCache.keepsLines(of: text)
            return FileImport(
                outcome: .success((document, diagnostics, kept ? text : nil)), stamp: stamp, entry: entry,
                parsed: true)
        } catch {
            return FileImport(outcome: .failure(error), stamp: stamp, entry: nil, parsed: true)
        }
    }

    /// Puts imported documents together into one catalogue, refusing documents that would
    /// collide with an earlier one (the same decree twice, two files that give one scheme id).
    public static func assemble(_ outcomes: [Outcome]) -> ImportResult {
        var decrees: [Decree] = []
        var schemes: [Scheme] = []
        var standards: [StandardDecree] = []
        var diagnostics: [Diagnostic] = []
        var failures: [ImportError] = []
        var documents: [String: DocumentText] = [:]
        var decreeSources: [String: String] = [:]
        var schemeSources: [String: String] = [:]
        for outcome in outcomes {
            switch outcome {
            case .success(let (document, found, text)):
                diagnostics += found
                if let text { documents[text.path] = text }
                switch document {
                case .decree(let decree):
                    if let other = decreeSources[decree.id] {
                        failures.append(
                            ImportError(
                                file: decree.source, line: decree.line,
                                message: "\(decree.label) sudah diimpor dari \(other); dokumen ini dilewati"))
                    } else {
                        decreeSources[decree.id] = decree.source
                        decrees.append(decree)
                    }
                case .scheme(let scheme):
                    // Ids come from file names; two names that sanitise alike would share a page.
                    if let other = schemeSources[scheme.id] {
                        failures.append(
                            ImportError(
                                file: scheme.source, line: scheme.line,
                                message:
                                    "nama berkas memberi id skema '\(scheme.id)' yang sama dengan \(other); ganti nama berkas"
                            ))
                    } else {
                        schemeSources[scheme.id] = scheme.source
                        schemes.append(scheme)
                    }
                case .standard(let standard):
                    // KKNI and SKKNI decrees share ids (`kepmen-321-2016`) and pages.
                    if let other = decreeSources[standard.id] {
                        failures.append(
                            ImportError(
                                file: standard.source, line: standard.line,
                                message: "\(standard.label) sudah diimpor dari \(other); dokumen ini dilewati"))
                    } else {
                        decreeSources[standard.id] = standard.source
                        standards.append(standard)
                    }
                }
            case .failure(let error):
                failures.append(error)
            }
        }
        return ImportResult(
            catalog: Catalog(decrees: decrees, schemes: schemes, standards: standards),
            diagnostics: diagnostics.sorted(by: Diagnostic.ordered), failures: failures, documents: documents)
    }
}

import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPipeline
import SKKNIPublish
import SKKNISite

/// One mutated document, reproducible from the run's seed and its index.
public struct FuzzCase: Sendable {
    public var index: Int
    public var path: String
    public var mutations: [Mutation]
    /// For a PDF seed, its mutations (the text mutations would only break the PDF syntax).
    public var pdfMutations: [PDFMutation] = []
    public var data: Data

    /// What was done to the seed, for file names and messages.
    public var mutationNames: [String] { mutations.map(\.rawValue) + pdfMutations.map { "pdf-\($0.rawValue)" } }
}

/// What happened to one case. Crashes and hangs are seen by the supervising process.
public enum FuzzOutcome: Sendable, Equatable {
    case imported
    /// Refused with a located message (the expected result for many mutations).
    case rejected
    /// A rejection or finding without a usable file:line.
    case unlocated(String)
    /// Document text reached the site unescaped, or a page left the output directory.
    case leak(String)

    public var code: String {
        switch self {
        case .imported: "ok"
        case .rejected: "rejected"
        case .unlocated: "unlocated"
        case .leak: "leak"
        }
    }
}

/// Mutates seed documents and runs import + check + site rendering on each, inside the
/// rest of the seed catalogue, so cross-document rules and every page kind see the damage.
public struct FuzzHarness: Sendable {
    let seeds: [(path: String, data: Data)]
    let baseline: [Importer.Outcome]
    let siteDirectory: URL
    public let seed: UInt64

    public init(sourcesDirectory: URL, siteDirectory: URL, seed: UInt64) throws {
        let files = try Importer.documentFiles(in: sourcesDirectory)
        seeds = try files.map { ("catalog/sources/\($0.lastPathComponent)", try Data(contentsOf: $0)) }
        baseline = try seeds.map { path, data in
            let text = try Importer.readText(data, path: path)
            let (document, diagnostics) = try Importer.importDocument(text)
            return .success((document, diagnostics, text))
        }
        self.siteDirectory = siteDirectory
        self.seed = seed
    }

    public func makeCase(_ index: Int) -> FuzzCase {
        var random = FuzzRandom(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let source = seeds[Int(random.next() % UInt64(seeds.count))]
        if PDFReader.looksLikePDF(source.data) {
            let (data, mutations) = PDFMutator.mutate(source.data, random: &random)
            return FuzzCase(index: index, path: source.path, mutations: [], pdfMutations: mutations, data: data)
        }
        let (data, mutations) = Mutator.mutate(source.data, random: &random)
        return FuzzCase(index: index, path: source.path, mutations: mutations, data: data)
    }

    public func run(_ fuzzCase: FuzzCase) -> FuzzOutcome {
        // The mutated document replaces its seed; the catalogue is assembled as `skkni build` does.
        let outcome: Importer.Outcome
        do throws(ImportError) {
            let document = try Importer.readText(fuzzCase.data, path: fuzzCase.path)
            let (imported, diagnostics) = try Importer.importDocument(document)
            outcome = .success((imported, diagnostics, document))
        } catch {
            return located(error)
        }
        let result = Importer.assemble(
            zip(seeds, baseline).map { seed, original in seed.path == fuzzCase.path ? outcome : original })
        if let failure = result.failures.first { return located(failure) }
        let catalog = result.catalog
        let documents = result.documents
        let diagnostics = Pipeline.findings(of: result)
        for diagnostic in diagnostics {
            let location = diagnostic.location
            guard let text = documents[location.file], location.line >= 1, location.line <= max(1, text.lines.count)
            else {
                return .unlocated(
                    "finding at \(location.file):\(location.line): [\(diagnostic.rule)] \(diagnostic.message)")
            }
        }
        let texts = documents
        let input = Pipeline.siteInput(catalog, diagnostics, sourceLine: { file, line in texts[file]?.line(line) })
        let files: [(String, Data)]
        do {
            files = try SiteGenerator.render(input, siteDirectory: siteDirectory).files
        } catch {
            return .leak("site failed: \(error)")
        }
        return Self.scan(files) ?? .imported
    }

    /// A leak: an output path that could leave the directory, two files at one path, or a
    /// hostile marker unescaped in a page or script.
    static func scan(_ files: [(String, Data)]) -> FuzzOutcome? {
        var paths = Set<String>()
        for (path, data) in files {
            guard OutputDirectory.isSafe(path) else { return .leak("unsafe output path \(path)") }
            guard paths.insert(path).inserted else { return .leak("two files at \(path)") }
            guard path.hasSuffix(".html") || path.hasSuffix(".js") else { continue }
            let text = String(decoding: data, as: UTF8.self).lowercased()
            for marker in HostileText.markers where text.contains(marker) {
                return .leak("\(path) contains \(marker) unescaped")
            }
        }
        return nil
    }

    func located(_ error: ImportError) -> FuzzOutcome {
        // A PDF refused as a whole (damaged, encrypted, no text) has no line to name.
        if !error.file.isEmpty, error.line == nil, error.file.lowercased().hasSuffix(".pdf") { return .rejected }
        guard !error.file.isEmpty, let line = error.line, line >= 1 else {
            return .unlocated("rejection without file:line: \(error.description)")
        }
        return .rejected
    }
}

import Foundation
import SKKNICheck
import SKKNICore
import SKKNIDatabase
import SKKNIImport
import SKKNIPublish
import SKKNISite

/// Import, check, baseline: the steps `check`, `build` and `report` share.
public struct CheckRun {
    public var loaded: LoadedCatalog
    public var drafts: [Scheme]
    public var diagnostics: [Diagnostic]
    public var lines: SourceLines
    /// The steps as they ran: `impor`, `draf`, `periksa`, `baseline`, `baris_sumber`.
    public var steps = Stopwatch()
    public var importTime: Duration { steps[Pipeline.Step.read] }
    public var checkTime: Duration { steps[Pipeline.Step.check] }
    /// Index building and each rule, for `check --benchmark`.
    public var checkSteps: [(name: String, time: Duration)] = []

    /// Reads the catalogue's documents (and `draftPaths`), checks them and applies the
    /// baseline (`baselinePath`, else the catalogue's own, when `useBaseline`).
    public static func perform(
        paths: ProjectPaths, drafts draftPaths: [String], baselinePath: String?, useBaseline: Bool,
        useCache: Bool = true
    ) throws -> CheckRun {
        var steps = Stopwatch()
        let loaded = try steps.step(Pipeline.Step.read) { try LoadedCatalog.load(paths, useCache: useCache) }
        // What reading freed (each document's text, the import cache's encoded entries: a
        // quarter of a gigabyte at national scale) goes back to the system before the
        // checker and the site allocate their own.
        ReleaseMemory.now()
        var documents = loaded.result.documents
        var drafts: [Scheme] = []
        var draftDiagnostics: [Diagnostic] = []
        for path in draftPaths {
            do throws(ImportError) {
                let draft = try importDraft(path, paths: paths)
                drafts.append(draft.scheme)
                draftDiagnostics += draft.findings
                documents[draft.scheme.source] = draft.text
            } catch {
                throw DraftRefusal(error: error)
            }
        }
        steps.lap(Pipeline.Step.drafts)
        let checked = Checker.timed(catalog: loaded.result.catalog, drafts: drafts)
        var diagnostics = loaded.importDiagnostics + loaded.failureDiagnostics + draftDiagnostics + checked.diagnostics
        diagnostics.sort(by: Diagnostic.ordered)
        ReleaseMemory.now()
        steps.lap(Pipeline.Step.check)
        if useBaseline {
            let path = baselinePath ?? paths.baselinePath
            let shown = baselinePath.map(paths.display) ?? paths.baselineDisplay
            diagnostics = try Pipeline.applyBaseline(
                to: diagnostics, path: path, displayPath: shown, named: path, required: baselinePath != nil)
        }
        steps.lap(Pipeline.Step.baseline)
        let lines = SourceLines(documents, root: paths.root)
        lines.prefetch(diagnostics)
        steps.lap(Pipeline.Step.sourceLines)
        return CheckRun(
            loaded: loaded, drafts: drafts, diagnostics: diagnostics, lines: lines, steps: steps,
            checkSteps: checked.steps)
    }
}

/// A draft given to `check` that could not be read as a scheme.
public struct DraftRefusal: Error {
    public var error: ImportError
}

/// The steps every command goes through, by name: read documents -> catalogue -> findings ->
/// outputs. Their names are the keys `--timings` prints (and `scripts/bench` reads).
public enum Pipeline {
    public enum Step {
        /// Reading and importing the documents (from the import cache when unchanged).
        public static let read = "impor"
        public static let drafts = "draf"
        /// The rules, on the whole catalogue or on what changed.
        public static let check = "periksa"
        public static let baseline = "baseline"
        /// The source lines the findings show, read ahead.
        public static let sourceLines = "baris_sumber"
        /// The pages, downloads and catalogue files, published.
        public static let site = "situs"
    }

    /// `diagnostics` with the findings the baseline at `path` accepts marked as suppressed; as
    /// they are when there is no baseline there, unless it is `required`. `name` is how an
    /// error names the file.
    public static func applyBaseline(
        to diagnostics: [Diagnostic], path: String, displayPath: String, named name: String, required: Bool = false
    ) throws(Unreadable) -> [Diagnostic] {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw Unreadable("\(path): galat: berkas baseline tidak ada") }
            return diagnostics
        }
        do {
            return try Baseline.load(from: URL(fileURLWithPath: path), displayPath: displayPath).apply(to: diagnostics)
        } catch {
            throw Unreadable("\(name): galat: baseline tidak dapat dibaca: \(FileErrorText.describe(error))")
        }
    }

    /// The findings as the output's downloads (`SiteOutputs.findings`): JSON and SARIF.
    public static func findingFiles(_ diagnostics: [Diagnostic], lines: SourceLines) -> [(path: String, data: Data)] {
        let formatter = DiagnosticFormatter(sourceLine: lines.line, place: lines.place)
        return [
            (SiteOutputs.findingsJSON, Data(formatter.format(diagnostics, as: .json).utf8)),
            (SiteOutputs.findingsSARIF, Data(formatter.format(diagnostics, as: .sarif).utf8)),
        ]
    }

    /// What a build writes beside the site's own files: the findings downloads and the
    /// database (after `after`, on the database's thread).
    public static func extras(
        _ catalog: Catalog, _ diagnostics: [Diagnostic], lines: SourceLines,
        after: @escaping @Sendable () throws -> Void = {}
    ) -> ExtraOutputs {
        ExtraOutputs(
            files: findingFiles(diagnostics, lines: lines),
            database: { directory in
                try after()
                try CatalogDatabase.write(
                    catalog, diagnostics: diagnostics, to: directory.appendingPathComponent(SiteOutputs.database))
            })
    }

    /// What the site is built from: the catalogue, its findings and every rule.
    public static func siteInput(
        _ catalog: Catalog, _ diagnostics: [Diagnostic], sourceLine: @escaping @Sendable (String, Int) -> String?,
        changes: (revision: String, diff: CatalogDiff)? = nil,
        sourceDocument: (@Sendable (String) -> SourceDocument?)? = nil
    ) -> SiteInput {
        SiteInput(
            catalog: catalog, diagnostics: diagnostics, rules: RuleRegistry.allRules, sourceLine: sourceLine,
            changes: changes, sourceDocument: sourceDocument)
    }

    /// The findings of an imported catalogue, sorted: the importer's and the checker's (what
    /// the fuzzer holds to their source lines).
    public static func findings(of result: ImportResult) -> [Diagnostic] {
        (result.diagnostics + Checker.run(catalog: result.catalog)).sorted(by: Diagnostic.ordered)
    }
}

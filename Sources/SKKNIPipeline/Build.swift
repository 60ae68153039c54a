import Foundation
import SKKNICheck
import SKKNICore
import SKKNIDatabase
import SKKNIImport
import SKKNIPublish
import SKKNISite

/// `build`: read documents -> catalogue -> findings -> outputs (the catalogue files, the
/// pages, the downloads and the database), each step timed.
public struct Build {
    public var paths: ProjectPaths
    public var output: URL
    public var site: URL
    public var useCache = true
    /// Adds `perubahan.html`: what changed since this git revision.
    public var since: String?
    /// Called at each stage of the publish (`site`, `database`, `commit`): for tests that
    /// interrupt a build there.
    public var checkpoint: (String) -> Void = { _ in }

    public init(paths: ProjectPaths, output: URL, site: URL) {
        self.paths = paths
        self.output = output
        self.site = site
    }

    /// Why a build wrote nothing (the previous output and catalogue files stay as they were).
    public enum Failure: Error {
        /// Documents that do not import: they would silently vanish from the catalogue files
        /// and the site (`check` reports the same as SKK000).
        case documents([ImportError])
        case catalogNotWritten(any Error)
        case notPublished(PublishInterrupted)
        case outputNotWritten(any Error)
    }

    public struct Result {
        public var run: CheckRun
        public var site: SiteGenerator.Summary
        /// The whole build's steps: `impor`, `periksa` … as `CheckRun` timed them, then `situs`.
        public var steps: Stopwatch
        /// How long writing the catalogue files took, beside the pages.
        public var catalogTime: Duration
        public var catalog: Catalog { run.loaded.result.catalog }
    }

    public func run() throws -> Result {
        var steps = Stopwatch()
        let run = try CheckRun.perform(
            paths: paths, drafts: [], baselinePath: nil, useBaseline: true, useCache: useCache)
        for step in run.steps.steps { steps.record(step.name, step.time) }
        let failures = run.loaded.result.failures
        if !failures.isEmpty { throw Failure.documents(failures) }
        let c = run.loaded.result.catalog
        // The catalogue files are written on their own thread while the pages render; the
        // site is published only after they are (a failure leaves the old site in place).
        let catalogURL = paths.catalogURL
        let catalogJob = BackgroundJob { _ = try CatalogStore.write(c, to: catalogURL) }
        let summary: SiteGenerator.Summary
        do {
            let extras = Pipeline.extras(c, run.diagnostics, lines: run.lines, after: { _ = try catalogJob.wait() })
            let lines = run.lines
            let paths = paths
            let changes = try since.map { ($0, try CatalogChanges.since($0, paths: paths)) }
            let input = Pipeline.siteInput(
                c, run.diagnostics, sourceLine: { lines.line($0, $1) }, changes: changes,
                sourceDocument: { lines.document($0) })
            summary = try SiteGenerator.build(
                input, siteDirectory: site, output: output, extras: extras, checkpoint: checkpoint)
        } catch let unreadable as Unreadable {
            _ = catalogJob.failure
            throw unreadable
        } catch {
            if let failure = catalogJob.failure { throw Failure.catalogNotWritten(failure) }
            if let interrupted = error as? PublishInterrupted { throw Failure.notPublished(interrupted) }
            throw Failure.outputNotWritten(error)
        }
        let catalogTime = (try? catalogJob.wait()) ?? .zero
        steps.lap(Pipeline.Step.site)
        return Result(run: run, site: summary, steps: steps, catalogTime: catalogTime)
    }
}

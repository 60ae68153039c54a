import Foundation
import SKKNICheck
import SKKNICore
import SKKNIDatabase
import SKKNIImport
import SKKNIPublish
import SKKNISite

/// `build --watch`: builds once, then keeps the catalogue, its findings and the site's state
/// in memory and, whenever a source document, the baseline or a template changes, rebuilds
/// from them. A change to scheme documents alone parses those documents, checks what they can
/// change (`IncrementalCheck`) and renders the pages they can touch (`SiteGenerator.update`);
/// anything else (a decree, a template) checks everything and fingerprints every page. The
/// output is what `build` would write, byte for byte; the database follows on its own thread.
///
/// `start` builds once, `poll` looks for changes and rebuilds; `run` does both on a timer.
/// What it has to say goes to `console`.
public final class Watch {
    let paths: ProjectPaths
    let console: Console
    let output: URL
    let outputDisplay: String
    let site: URL
    let documents: WatchedDocuments
    /// What the kernel says changed in the sources folder (nil: look at every file each time).
    var events: DirectoryEvents?
    /// The last built catalogue and what was computed from it.
    var catalog: Catalog
    var decreeIndex: DecreeIndex
    /// The checker's findings on `catalog` (without import findings or the baseline).
    var checkerFindings: [Diagnostic]
    var siteState: SiteState?
    /// Files changed since the last successful build, and what they held then.
    var pending = Set<String>()
    var database: BackgroundJob?
    /// Flushes a full build's tree (published without waiting for the disk, see `PendingFlush`).
    var settling: BackgroundJob?
    var databaseCancelled: CancelFlag?
    /// Source lines read for findings, kept for the next rebuild except those of changed files.
    var lines = SourceLines([:])
    var watchedStamps: [String: FileStamp] = [:]
    let clock = ContinuousClock()
    /// `build --watch --timings`: each rebuild's steps.
    public var timings = false
    var steps = Stopwatch()
    /// Rebuilds so far (after the first build).
    public private(set) var rebuilds = 0

    func lap(_ name: String) { if timings { steps.lap(name) } }

    public init(paths: ProjectPaths, output: String, site: String, useCache: Bool, console: Console = .standard)
        throws(Unreadable)
    {
        self.paths = paths
        self.console = console
        outputDisplay = output
        self.output = URL(fileURLWithPath: output)
        self.site = URL(fileURLWithPath: site)
        // Watched from before the first import, so no change made meanwhile is missed.
        events = DirectoryEvents(paths.sourcesURL.path)
        do throws(ImportError) {
            documents = try WatchedDocuments(
                directory: paths.sourcesURL, displayPrefix: paths.sourcesDisplay,
                cache: useCache ? .forCatalog(paths.catalogURL) : .disabled)
        } catch {
            throw Unreadable(error.description)
        }
        catalog = documents.result.catalog
        decreeIndex = DecreeIndex(catalog.decrees, standards: catalog.standards)
        checkerFindings = []
        watchedStamps = stampsOfWatchedFiles()
    }

    /// Builds, then polls every `interval` seconds; returns after `limit` rebuilds (for tests
    /// and the benchmark), otherwise runs until interrupted.
    public func run(interval: Double, limit: Int?) throws {
        try start()
        console.say("mengawasi \(paths.sourcesDisplay), baseline dan templat; Ctrl-C untuk berhenti")
        while limit.map({ rebuilds < $0 }) ?? true {
            usleep(UInt32(max(0.01, interval) * 1_000_000))
            poll()
        }
        try finish()
    }

    /// The first build; `Unreadable` when it did not build (the reasons are on the console).
    public func start() throws(Unreadable) {
        steps = Stopwatch()
        guard rebuild(changed: nil, started: clock.now) else { throw Unreadable([]) }
    }

    /// Looks for changed documents, baseline, templates and static files, and rebuilds when
    /// there are any: whether it rebuilt.
    @discardableResult
    public func poll() -> Bool {
        steps = Stopwatch()
        let began = steps.start
        let change: WatchedDocuments.Change?
        do throws(ImportError) {
            let names = events?.names()
            // Events lost, or the folder itself replaced: watch it anew, and look at every file.
            if events != nil, names == nil { events = DirectoryEvents(paths.sourcesURL.path) }
            change = try documents.refresh(names: events == nil ? nil : names)
        } catch {
            console.warn(error.description)
            return false
        }
        lap("dokumen")
        let stamps = stampsOfWatchedFiles()
        let othersChanged = stamps != watchedStamps
        watchedStamps = stamps
        guard change != nil || othersChanged else { return false }
        if let change { pending.formUnion(change.files) }
        _ = rebuild(changed: othersChanged ? nil : pending, started: began)
        rebuilds += 1
        return true
    }

    /// Waits for the downloads and database still being written, and for the disk.
    public func finish() throws {
        _ = try database?.wait()
        _ = try settling?.wait()
    }

    /// Builds from `documents.result`: incrementally when only the scheme documents `changed`
    /// changed since the last build, otherwise in full (`changed` nil). False when it did not
    /// build (a document does not import, or the output cannot be written); the output then
    /// stays as it was and the next change tries again.
    @discardableResult
    func rebuild(changed: Set<String>?, started: ContinuousClock.Instant) -> Bool {
        let result = documents.result
        if !result.failures.isEmpty {
            for failure in result.failures { console.warn(failure.description) }
            console.warn("\(outputDisplay): tidak dibangun ulang; keluaran lama dibiarkan")
            return false
        }
        let new = result.catalog
        let before = catalog.schemes.filter { changed?.contains($0.source) ?? false }
        // An SKKNI decree is a decree here too: its units and definitions reach every page
        // and finding that names them.
        let decreesChanged =
            changed == nil || catalog.decrees.contains { changed!.contains($0.source) }
            || new.decrees.contains { changed!.contains($0.source) }
            || catalog.standards.contains { changed!.contains($0.source) }
            || new.standards.contains { changed!.contains($0.source) } || siteState == nil
        let index = decreesChanged ? DecreeIndex(new.decrees, standards: new.standards) : decreeIndex
        let found =
            decreesChanged
            ? Checker.run(catalog: new)
            : IncrementalCheck.update(
                checkerFindings, catalog: new, decreeIndex: index, changedFiles: changed!, before: before)
        let checked = clock.now
        lap("periksa")
        var diagnostics = (result.diagnostics + found).sorted(by: Diagnostic.ordered)
        do throws(Unreadable) {
            diagnostics = try Pipeline.applyBaseline(
                to: diagnostics, path: paths.baselinePath, displayPath: paths.baselineDisplay,
                named: paths.baselineDisplay)
        } catch {
            for message in error.messages { console.warn(message) }
            return false
        }
        let findings = diagnostics
        let lines = changed.map { self.lines.forgetting($0) } ?? SourceLines([:], root: paths.root)
        lines.prefetch(findings)
        self.lines = lines
        let formatter = DiagnosticFormatter(sourceLine: lines.line, place: lines.place)
        let findingFiles: @Sendable () -> [(path: String, data: Data)] = {
            Pipeline.findingFiles(findings, lines: lines)
        }
        let input = Pipeline.siteInput(
            new, diagnostics, sourceLine: { lines.line($0, $1) }, sourceDocument: { lines.document($0) })
        lap("baseline_unduhan")
        // A database still being written is for a catalogue already out of date: stopped, and
        // written anew after this build (never two at once, nor beside a full publish).
        databaseCancelled?.set()
        _ = try? database?.wait()
        lap("tunggu_basis_data")
        var summary: SiteGenerator.Summary?
        var updated = false
        do {
            if let state = siteState, let changed, !decreesChanged {
                // The downloads (findings, CSV, database) follow the pages: see below.
                summary = try SiteGenerator.update(
                    state, to: input, changedFiles: changed, before: before, siteDirectory: site, output: output,
                    extras: .later)
                updated = summary != nil
            }
            if summary == nil {
                _ = try? settling?.wait()  // it would drop the marker this build may write
                // A full rebuild writes the database inside the publish, as `build` does.
                summary = try SiteGenerator.build(
                    input, siteDirectory: site, output: output, extras: Pipeline.extras(new, findings, lines: lines),
                    keepState: true)
            }
            lap("situs")
            try writeCatalogFiles(new, changed: decreesChanged ? nil : changed, before: before)
            lap("katalog")
        } catch {
            console.warn("\(outputDisplay): galat: situs tidak dapat ditulis: \(FileErrorText.describe(error))")
            // What the output holds is no longer sure (a publish may have been cut short, to be
            // finished by the next one): the next rebuild compares every page.
            siteState = nil
            return false
        }
        let published = clock.now
        if !updated {
            let output = output
            settling = BackgroundJob { PendingFlush.settleNow(output) }
        }
        if updated, let state = summary?.state {
            // The pages are out; the downloads follow on their own thread, each file replaced in
            // one rename when complete (the database takes seconds at national scale). A newer
            // change stops them and writes its own.
            let output = output
            let cancelled = CancelFlag()
            databaseCancelled = cancelled
            let outputDisplay = outputDisplay
            let console = console
            database = BackgroundJob { [clock] in
                let began = clock.now
                do {
                    let writer = InPlaceOutput(output)
                    for (path, data) in findingFiles() {
                        if cancelled.isSet { throw CancellationError() }
                        try writer.write(path, data)
                    }
                    if cancelled.isSet { throw CancellationError() }
                    try SiteGenerator.writeDownloads(of: state, to: writer)
                    try CatalogDatabase.write(
                        new, diagnostics: findings, to: output.appendingPathComponent(SiteOutputs.database),
                        cancelled: { cancelled.isSet })
                    console.say("unduhan dan basis data diperbarui dalam \(milliseconds(clock.now - began)) ms")
                    // A process that runs for hours: what this rebuild freed goes back to the system.
                    ReleaseMemory.now()
                } catch is CancellationError {
                    // A newer change writes them.
                } catch {
                    console.warn(
                        "\(outputDisplay): galat: unduhan dan basis data tidak dapat ditulis (yang lama tetap): \(FileErrorText.describe(error))"
                    )
                }
            }
        }
        catalog = new
        decreeIndex = index
        checkerFindings = found
        siteState = summary!.state
        pending = []
        let kind =
            updated ? "inkremental" : decreesChanged ? "penuh" : "periksa inkremental, semua halaman dibandingkan"
        let files = changed.map { "\($0.count) berkas berubah, " } ?? ""
        console.say(
            "dibangun (\(kind)): \(files)\(summary!.rendered) halaman dirender dalam \(milliseconds(published - started)) ms (periksa \(milliseconds(checked - started)) ms); \(formatter.summary(diagnostics))"
        )
        // What the person editing wants to see: the findings in the files they changed.
        let mine = diagnostics.filter { changed?.contains($0.location.file) ?? false }
        if !mine.isEmpty { console.say(formatter.text(mine, summary: false)) }
        if timings, !steps.steps.isEmpty {
            let steps = steps.steps.map { "\($0.name)=\(milliseconds($0.time))" }
            let site = summary!.steps.map { "\($0.name)=\(milliseconds($0.time))" }
            console.say("waktu: " + steps.joined(separator: " ") + " (situs: " + site.joined(separator: " ") + ")")
        }
        return true
    }

    /// The catalogue files: those of the changed schemes, or all of them after a full rebuild.
    func writeCatalogFiles(_ catalog: Catalog, changed: Set<String>?, before: [Scheme]) throws {
        guard let changed else {
            _ = try CatalogStore.write(catalog, to: paths.catalogURL)
            return
        }
        try CatalogStore.write(
            schemes: catalog.schemes.filter { changed.contains($0.source) },
            removing: before.map(\.id).filter { id in !catalog.schemes.contains { $0.id == id } }, to: paths.catalogURL)
    }

    /// A stamp of each file of the baseline and the site's templates and static files.
    func stampsOfWatchedFiles() -> [String: FileStamp] {
        var files = [paths.baselinePath]
        for folder in ["templates", "static"] {
            let directory = site.appendingPathComponent(folder).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                files.append(directory + "/" + name)
            }
        }
        var stamps: [String: FileStamp] = [:]
        for file in files { stamps[file] = FileStamp(file) }
        return stamps
    }
}

/// A yes/no set once from one thread and read from another.
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

import Foundation
import SKKNICore
import SKKNIPublish
import SKKNITemplates

/// Builds the static site: load templates -> declare pages -> render -> write, in one pass,
/// into a staging directory that is published to the output only when all succeeded.
public enum SiteGenerator {
    public struct Summary: Sendable {
        public var pages: Int
        public var files: Int
        public var bytes: Int
        /// Files identical to the previous output's, left in place instead of written.
        public var unchanged = 0
        /// Pages rendered; the others had the fingerprint of the previous build and were kept.
        public var rendered = 0
        /// Whether the search files were kept unread (their entries had not changed).
        public var searchKept = false
        /// Wall time of each step, in order, for `build --timings`.
        public var steps: [(name: String, time: Duration)] = []
        /// How long `finish` ran, alongside the pages.
        public var finishTime = Duration.zero
        /// What the next `update` needs to rewrite only what a change touches.
        public var state: SiteState?
    }

    /// Renders every page, the search index, the CSV downloads and `site/static/*` in memory
    /// (the fuzzer's view of a site; `build` streams the same files to disk instead).
    public static func render(_ input: SiteInput, siteDirectory: URL) throws -> (pages: Int, files: [(String, Data)]) {
        let collected = MemoryOutput()
        var stopwatch = Stopwatch()
        let pages = try produce(
            input, siteDirectory: siteDirectory, stopwatch: &stopwatch, previous: [:], reuse: { _, _ in false },
            to: collected
        ).pages
        return (pages, collected.files)
    }

    /// Declares the pages, renders them on all cores and hands each file to `writer` as soon as
    /// it exists (from several threads at once), then the search index with the downloads
    /// beside it, and the static files. A page whose fingerprint equals `previous[path]`'s is
    /// not rendered when `reuse` can take the previous output's file (of that size) instead;
    /// `has` says, without taking it, whether the previous output has a file. Returns the
    /// number of pages and how many were rendered.
    static func produce(
        _ input: SiteInput, siteDirectory: URL, stopwatch: inout Stopwatch, previous: [String: PageManifest.Entry],
        has: @Sendable (String) -> Bool = { _ in false }, reuse: @Sendable (String, Int) -> Bool,
        keepState: Bool = false, to writer: any OutputWriter
    ) throws -> (pages: Int, rendered: Int, searchKept: Bool, state: SiteState?) {
        let library = try TemplateLibrary(directory: siteDirectory.appendingPathComponent("templates"))
        let templatesFingerprint = fingerprint(of: library)
        let factory = PageFactory(input: input)
        let plans = factory.plan()
        stopwatch.lap("deklarasi")
        let pages = try render(
            plans, factory: factory, library: library, templatesFingerprint: templatesFingerprint,
            previous: previous, reuse: reuse, to: writer)
        var manifest = pages.manifest
        stopwatch.lap("render")
        // The downloads are written beside the search: both have sequential stretches (the
        // search groups its words and writes its unit lists on one core; one CSV is larger than
        // the others) that left a core idle.
        let catalog = input.catalog
        let downloads = BackgroundValue { () throws -> Downloads.Parts in
            var parts = Downloads.Parts()
            try Downloads.write(catalog, keeping: &parts, collecting: keepState, to: writer)
            return parts
        }
        let searchKept: Bool
        let paths: [String]
        let manifestEntries: [String: PageManifest.Entry]
        do {
            // The search files are a function of the search entries alone: when every previous
            // search file was recorded with these entries' fingerprint, they are kept unread;
            // else they are written on all cores, each file as it is made. After the pages, not
            // beside them: at national scale the search's 150 MB and the pages' took the build
            // over 1 GiB, and the two only shared the same cores.
            let searchBefore = previous.filter { $0.key.hasPrefix(SearchIndex.folder) }
            let entries = factory.searchEntries()
            let print = SearchIndex.fingerprint(of: entries)
            searchKept =
                !searchBefore.isEmpty && searchBefore.keys.allSatisfy(has)
                && searchBefore.values.allSatisfy({ $0.fingerprint == print })
            if searchKept {
                for (path, entry) in searchBefore where reuse(path, entry.size) { manifest.append((path, entry)) }
            } else {
                manifest += try SearchIndex.write(entries, to: writer).map {
                    ($0.path, PageManifest.Entry(fingerprint: print, size: $0.size))
                }
            }
            stopwatch.lap("cari")
            paths = manifest.map(\.path).sorted()
            manifestEntries = Dictionary(manifest, uniquingKeysWith: { a, _ in a })
            try writer.write(PageManifest.path, PageManifest.encode(sorted: paths, manifestEntries))
            stopwatch.lap("indeks")
            try writeStaticFiles(siteDirectory, to: writer)
            for (path, data) in PageFactory.originals(input, files: factory.sourceFiles) {
                try writer.write(path, data)
            }
        } catch {
            // Not under the downloads' feet: the staging directory is removed on the way out.
            _ = try? downloads.get()
            throw error
        }
        // What the downloads still took after the search and the rest were written.
        let downloadParts = try downloads.get()
        stopwatch.lap("csv")
        guard keepState else { return (plans.count, pages.rendered, searchKept, nil) }
        let state = SiteState(
            input: input, units: factory.units, manifest: manifestEntries, paths: paths,
            searchPaths: paths.filter { $0.hasPrefix(SearchIndex.folder) },
            templatesFingerprint: templatesFingerprint.text, downloads: downloadParts)
        return (plans.count, pages.rendered, searchKept, state)
    }

    static func writeStaticFiles(_ siteDirectory: URL, to writer: any OutputWriter) throws {
        let staticDir = siteDirectory.appendingPathComponent("static")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staticDir.path))?.sorted() ?? []
        where !name.hasPrefix(".") {
            try writer.write("static/\(name)", try Data(contentsOf: staticDir.appendingPathComponent(name)))
        }
    }

    /// Renders `plans` on all cores, handing each page to `write`; a page whose fingerprint
    /// equals `previous[path]`'s is kept when `reuse` can take the previous output's file.
    static func render(
        _ plans: [PagePlan], factory: PageFactory, library: TemplateLibrary,
        templatesFingerprint: PageFingerprint, previous: [String: PageManifest.Entry],
        reuse: @Sendable (String, Int) -> Bool, to writer: any OutputWriter
    ) throws -> (manifest: [(path: String, entry: PageManifest.Entry)], rendered: Int) {
        let outcomes = ConcurrentMap.map(plans.map { PlanBox(plan: $0) }) {
            box -> Result<(path: String, entry: PageManifest.Entry, rendered: Bool), SiteError> in
            let page = factory.page(box.plan)
            var context = page.context
            let depth = page.path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            context["root"] = .text(String(repeating: "../", count: depth))
            context["pageTitle"] = .text(page.title)
            let crumbs = Breadcrumbs.of(path: page.path, title: page.title, context: page.context)
            context["crumbs"] = crumbs
            context["hasCrumbs"] = .flag(crumbs != .list([]))
            let fingerprint = PageFingerprint.of(
                templates: templatesFingerprint, template: page.template, context: context
            ).text
            if let before = previous[page.path], before.fingerprint == fingerprint, reuse(page.path, before.size) {
                return .success((page.path, before, false))
            }
            guard let html = library.render(context, withTemplate: page.template) else {
                return .failure(SiteError(description: "templat '\(page.template)' tidak ada (halaman \(page.path))"))
            }
            do {
                try writer.write(page.path, Data(html))
            } catch {
                return .failure(SiteError(description: "\(page.path): \(FileErrorText.describe(error))"))
            }
            return .success((page.path, PageManifest.Entry(fingerprint: fingerprint, size: html.count), true))
        }
        var manifest: [(path: String, entry: PageManifest.Entry)] = []
        var rendered = 0
        for outcome in outcomes {
            let page = try outcome.get()
            manifest.append((page.path, page.entry))
            if page.rendered { rendered += 1 }
        }
        return (manifest, rendered)
    }

    /// Every template's name and text, as the library read them, and the running binary: a
    /// change to any template, or a new `skkni` (whose renderer may write other bytes),
    /// changes every page's fingerprint.
    static func fingerprint(of library: TemplateLibrary) -> PageFingerprint {
        var fingerprint = PageFingerprint()
        fingerprint.add(tag: .binary, RunningBinary.stamp)
        for source in library.sources {
            fingerprint.add(tag: .templateName, source.name + ".mustache")
            fingerprint.add(tag: .templateText, source.text)
        }
        return fingerprint
    }

    /// Renders the site straight into a staging directory and publishes it at `output`
    /// (see `OutputDirectory.replace`: only changed files are written and moved in), with
    /// `extras` beside it. The database runs on its own thread while the pages are rendered:
    /// page writing waits on the disk, and the database fills the gaps.
    /// With `keepState`, the summary carries what `update` needs next time (`build --watch`).
    public static func build(
        _ input: SiteInput, siteDirectory: URL, output: URL, extras: ExtraOutputs = ExtraOutputs(),
        checkpoint: (String) -> Void = { _ in }, keepState: Bool = false
    ) throws -> Summary {
        var stopwatch = Stopwatch()
        var pages = 0
        var counts = (files: 0, bytes: 0)
        var unchanged = 0
        var rendered = 0
        var searchKept = false
        var finishTime = Duration.zero
        var state: SiteState?
        try OutputDirectory.replace(output, checkpoint: checkpoint) { staging in
            // Read here, after a killed build's journal is applied: it describes the pages the
            // output holds. After a reboot that may have lost them it says nothing: every page
            // is rendered and compared with the file on disk.
            let previous = staging.previousTrusted ? PageManifest.read(from: output) : [:]
            let stagingURL = staging.url
            let database = BackgroundJob { try extras.database?(stagingURL) }
            do {
                (pages, rendered, searchKept, state) = try produce(
                    input, siteDirectory: siteDirectory, stopwatch: &stopwatch, previous: previous,
                    has: { staging.hasPrevious($0) }, reuse: { staging.keepPrevious($0, size: $1) },
                    keepState: keepState, to: staging)
                checkpoint("site")
                for (path, data) in extras.files { try staging.write(path, data) }
            } catch {
                // The staging directory is removed on the way out: not under the database's feet.
                _ = try? database.wait()
                throw error
            }
            counts = staging.written
            unchanged = staging.unchanged
            checkpoint("database")
            finishTime = try database.wait()
            stopwatch.lap("tunggu_basis_data")
        }
        stopwatch.lap("sinkron_tukar")
        return Summary(
            pages: pages, files: counts.files, bytes: counts.bytes, unchanged: unchanged, rendered: rendered,
            searchKept: searchKept, steps: stopwatch.steps, finishTime: finishTime, state: state)
    }
}

struct PlanBox: @unchecked Sendable {
    let plan: PagePlan
}

/// Search data split by first letter, loaded as scripts so it works from `file://`.
enum SearchIndex {
    static func normalize(_ text: String) -> String {
        if let plain = TitleText.plainASCII(text) {
            // The same on bytes for plain ASCII (nearly every code and title).
            var out: [UInt8] = []
            out.reserveCapacity(plain.count)
            forEachASCIIWord(plain) { word in
                if !out.isEmpty { out.append(0x20) }
                out += word
            }
            return String(decoding: out, as: UTF8.self)
        }
        return normalizeGeneral(text)
    }

    /// The words `normalize` leaves of plain ASCII bytes (`TitleText.plainASCII`): letters
    /// lowered, digits kept, a space, `/`, `-`, `(`, `)` or `,` ends a word, anything else
    /// vanishes (`N.78SPS02.07` is `n78sps0207`).
    static func forEachASCIIWord(_ plain: some Sequence<UInt8>, _ body: ([UInt8]) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        for byte in plain {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: word.append(byte)
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x20, 0x2F, 0x2D, 0x28, 0x29, 0x2C:
                if !word.isEmpty { body(word) }
                word.removeAll(keepingCapacity: true)
            default: break
            }
        }
        if !word.isEmpty { body(word) }
    }

    static func normalizeGeneral(_ text: String) -> String {
        var out = ""
        var lastSpace = true
        for ch in TitleText.clean(text).lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
                lastSpace = false
            } else if ch == " " || ch == "/" || ch == "-" || ch == "(" || ch == ")" || ch == "," {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            }
            // Dots and other punctuation vanish, so `N.78SPS02.07` matches `n78sps0207`.
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    struct Entry: Sendable {
        var label: String
        var title: String
        var path: String
        /// One of `kinds`: what the search page groups the entry under.
        var kind = "Unit"
        /// Codes the entry is also found by (a unit's versions), see `words(of:)`.
        var codes: [String] = []
        /// What a unit's definitions say (description, elements, criteria): found by word
        /// through `SearchText`, not copied into the buckets.
        var text: [String] = []
    }

    static let folder = "search/"

    /// What the search files are a function of: the entries, in order, and the running binary.
    static func fingerprint(of entries: [Entry]) -> String {
        // Runs of a fixed length hashed on all cores, then their fingerprints in order: the
        // same value on any number of cores (one core hashing every criterion took a second).
        let runs = stride(from: 0, to: entries.count, by: 4096).map { $0..<min($0 + 4096, entries.count) }
        let parts = ConcurrentMap.map(runs) { run -> PageFingerprint in
            var fingerprint = PageFingerprint()
            for entry in entries[run] {
                fingerprint.add(tag: .searchLabel, entry.label)
                fingerprint.add(tag: .searchTitle, entry.title)
                fingerprint.add(tag: .searchPath, entry.path)
                fingerprint.add(tag: .searchKind, entry.kind)
                for code in entry.codes { fingerprint.add(tag: .searchCode, code) }
                for text in entry.text { fingerprint.add(tag: .searchText, text) }
            }
            return fingerprint
        }
        var fingerprint = PageFingerprint()
        fingerprint.add(tag: .binary, RunningBinary.stamp)
        for part in parts {
            fingerprint.add(word: part.a)
            fingerprint.add(word: part.b)
        }
        return fingerprint.text
    }
}

import Foundation
import SKKNICore
import SKKNIPublish
import SKKNITemplates

/// What a site build leaves for the next one (`build --watch` keeps it in memory): the input
/// and unit index it was built from, and every page's fingerprint and size.
public final class SiteState: Sendable {
    let input: SiteInput
    let units: [String: UnitIndex.Entry]
    let manifest: [String: PageManifest.Entry]
    /// The manifest's paths, sorted (as it is written), and those of the search files.
    let paths: [String]
    let searchPaths: [String]
    let templatesFingerprint: String
    let downloads: Downloads.Parts

    init(
        input: SiteInput, units: [String: UnitIndex.Entry], manifest: [String: PageManifest.Entry], paths: [String],
        searchPaths: [String], templatesFingerprint: String, downloads: Downloads.Parts
    ) {
        self.input = input
        self.units = units
        self.manifest = manifest
        self.paths = paths
        self.searchPaths = searchPaths
        self.templatesFingerprint = templatesFingerprint
        self.downloads = downloads
    }
}

extension SiteGenerator {
    /// What a change of scheme documents changed, given the site built before it.
    struct SchemeChange {
        /// What the pages can read that changed: the pages to render are derived from it
        /// (`SiteChange.plans`).
        var site: SiteChange
        /// Pages of schemes and source documents that are gone.
        var removedPaths: [String]
        /// Files beside the pages that are gone (a removed PDF's copy under `sumber/`).
        var removedFiles: [String]
        var units: [String: UnitIndex.Entry]
        var searchChanged: Bool
    }

    /// What changed when the scheme documents `changedFiles` changed (they held `before`),
    /// decrees staying the same; nil when the change reaches what only a full build redoes
    /// (`SiteRead.isFullBuildOnly`: a unit identity appears or disappears, which turns links
    /// on other pages on or off; units come to share a title or stop sharing it; `--since`):
    /// then every page is fingerprinted.
    static func schemeChange(
        from state: SiteState, to input: SiteInput, changedFiles: Set<String>, before: [Scheme]
    ) -> SchemeChange? {
        guard input.changes == nil, state.input.changes == nil else { return nil }
        let changed = input.catalog.schemes.filter { changedFiles.contains($0.source) }
        var identities = Set<String>()
        for scheme in before + changed {
            for unit in scheme.units { identities.insert(unit.code.identity) }
        }
        let rebuilt = UnitIndex.build(input.catalog, only: identities)
        var units = state.units
        var site = SiteChange(documents: changedFiles, units: identities)
        var searchChanged = false
        var changedTitleKeys = Set<String>()
        for identity in identities {
            guard (units[identity] != nil) == (rebuilt[identity] != nil) else { return nil }
            // A unit whose titles change may come to share a title with another unit, or stop
            // sharing it: then one "replaces" the other, on both pages (see UnitStatusIndex).
            let titleKeys = { (entry: UnitIndex.Entry?) in Set(entry?.versions.flatMap { $0.titles.map(\.key) } ?? []) }
            changedTitleKeys.formUnion(titleKeys(units[identity]).symmetricDifference(titleKeys(rebuilt[identity])))
            // The unit list shows each unit's first title and its versions; the search finds
            // a unit by them too.
            let firstTitle = { (entry: UnitIndex.Entry?) in entry?.versions.first?.titles.first?.title }
            if firstTitle(units[identity]) != firstTitle(rebuilt[identity])
                || units[identity]?.versions.map(\.code) != rebuilt[identity]?.versions.map(\.code)
            {
                searchChanged = true
                site.reads.insert(.unitList)
            }
            units[identity] = rebuilt[identity]
        }
        if !changedTitleKeys.isEmpty {
            for (identity, entry) in state.units where !identities.contains(identity) {
                for version in entry.versions
                where version.titles.contains(where: { changedTitleKeys.contains($0.key) }) {
                    return nil
                }
            }
        }
        // The search lists each scheme by id and name.
        let searchKey = { (schemes: [Scheme]) in
            schemes.map { [$0.id, $0.name ?? $0.title, $0.documentNumber ?? ""] }.sorted { $0[0] < $1[0] }
        }
        if searchKey(before) != searchKey(changed) { searchChanged = true }
        if !sameSchemeList(state.input.catalog.schemes, input.catalog.schemes) { site.reads.insert(.schemeList) }

        // Findings that differ, or whose shown source line or link may: what pages listing them show.
        let old = Set(state.input.diagnostics)
        let new = Set(input.diagnostics)
        var touched = old.symmetricDifference(new)
        let schemeIDs = Set((before + changed).map(\.id))
        for finding in old.union(new)
        where changedFiles.contains(finding.location.file) || schemeIDs.contains(finding.subject) {
            touched.insert(finding)
        }
        if !touched.isEmpty { site.reads.insert(.findings) }
        var counts: [FindingCount: Int] = [:]
        for finding in touched where old.contains(finding) != new.contains(finding) {
            counts[FindingCount(finding), default: 0] += new.contains(finding) ? 1 : -1
        }
        if counts.values.contains(where: { $0 != 0 }) { site.reads.insert(.findingCounts) }
        site.findingSubjects = Set(touched.map(\.subject))
        site.findingRules = Set(touched.map(\.rule))

        // The pages of documents that are gone: a removed scheme's, and its document's.
        let remaining = Set(input.catalog.schemes.map(\.id))
        var removedPaths = before.filter { !remaining.contains($0.id) }.map { SitePaths.scheme($0.id) }
        var removedFiles: [String] = []
        let sources = Set(input.catalog.schemes.map(\.source))
        let gone = changedFiles.filter { !sources.contains($0) }.sorted()
        if !gone.isEmpty, input.sourceDocument != nil {
            let published = Set(PageFactory.sourceFiles(of: input).map(SitePaths.source))
            for file in gone where !published.contains(SitePaths.source(file)) {
                removedPaths.append(SitePaths.source(file))
                removedFiles.append(SitePaths.sourceOriginal(file))
            }
        }
        return SchemeChange(
            site: site, removedPaths: removedPaths, removedFiles: removedFiles, units: units,
            searchChanged: searchChanged)
    }

    /// What findings are counted by (`findingCounts`).
    struct FindingCount: Hashable {
        var rule: String
        var severity: Severity
        var suppressed: Bool

        init(_ finding: Diagnostic) {
            rule = finding.rule
            severity = finding.severity
            suppressed = finding.suppressed
        }
    }

    /// Whether two scheme lists show the same on the home page and the scheme index (`schemeList`).
    static func sameSchemeList(_ a: [Scheme], _ b: [Scheme]) -> Bool {
        // By index: zipping copied 20,000 schemes out of each list for every watched change.
        a.count == b.count
            && a.indices.allSatisfy { i in
                a[i].id == b[i].id && a[i].occupation == b[i].occupation && a[i].packagingType == b[i].packagingType
                    && a[i].owner == b[i].owner && a[i].units.count == b[i].units.count
            }
    }

    /// Updates the site built into `output` from `state` after the scheme documents
    /// `changedFiles` changed (they held `before`; the decrees did not change): renders only the
    /// pages the change can touch, and gives the output a full build would. Returns nil, having
    /// written nothing, when the change needs every page looked at (see `schemeChange`) or the
    /// templates changed; then call `build`. `extras` are written with the pages; with
    /// `extras.later`, the downloads and the database are left as they are, for the caller to
    /// replace (with `writeDownloads(of:to:)`) once the pages are out.
    public static func update(
        _ state: SiteState, to input: SiteInput, changedFiles: Set<String>, before: [Scheme], siteDirectory: URL,
        output: URL, extras: ExtraOutputs = ExtraOutputs(), checkpoint: (String) -> Void = { _ in }
    ) throws -> Summary? {
        var stopwatch = Stopwatch()
        let library = try TemplateLibrary(directory: siteDirectory.appendingPathComponent("templates"))
        let templatesFingerprint = fingerprint(of: library)
        stopwatch.lap("templat")
        guard templatesFingerprint.text == state.templatesFingerprint,
            let change = schemeChange(from: state, to: input, changedFiles: changedFiles, before: before)
        else { return nil }
        stopwatch.lap("terdampak")
        let factory = PageFactory(input: input, units: change.units)
        stopwatch.lap("deklarasi")
        let plans = change.site.plans(factory)
        stopwatch.lap("pilih_halaman")
        var manifest = state.manifest
        for path in change.removedPaths { manifest[path] = nil }
        var summary = Summary(pages: 0, files: 0, bytes: 0)
        var paths: [String] = []
        var searchPaths = state.searchPaths
        // The rows of changed schemes are made again; the other schemes' rows are kept.
        var downloads = state.downloads
        for scheme in before { downloads.schemeRows[scheme.id] = nil }
        for scheme in input.catalog.schemes where changedFiles.contains(scheme.source) {
            downloads.schemeRows[scheme.id] = Downloads.rows(of: scheme)
        }
        let downloadPaths = Downloads.paths
        let extraPaths = Set(extras.files.map(\.path) + extras.keptPaths)
        let kept = state.manifest
        try OutputDirectory.replace(
            output, checkpoint: checkpoint,
            // The output is what the state's build wrote: not listed again (120,000 files at national scale).
            knownFiles: { kept[$0] != nil || downloadPaths.contains($0) || extraPaths.contains($0) }
        ) { staging in
            staging.keepUnmentioned(dropping: change.removedPaths + change.removedFiles)
            let pages = try render(
                plans, factory: factory, library: library, templatesFingerprint: templatesFingerprint,
                previous: state.manifest, reuse: { staging.keepPrevious($0, size: $1) },
                to: staging)
            var added: [String] = []
            var removed = Set(change.removedPaths)
            for (path, entry) in pages.manifest {
                if manifest.updateValue(entry, forKey: path) == nil { added.append(path) }
            }
            summary.rendered = pages.rendered
            stopwatch.lap("render")
            summary.searchKept = !change.searchChanged
            if !summary.searchKept {
                let entries = factory.searchEntries()
                let searchPrint = SearchIndex.fingerprint(of: entries)
                for path in searchPaths {
                    manifest[path] = nil
                    removed.insert(path)
                }
                searchPaths = []
                for (path, size) in try SearchIndex.write(entries, to: staging) {
                    manifest[path] = PageManifest.Entry(fingerprint: searchPrint, size: size)
                    searchPaths.append(path)
                    if removed.remove(path) == nil { added.append(path) }
                }
                searchPaths.sort()
            }
            paths = Self.sortedPaths(state.paths, removing: removed, adding: added)
            try staging.write(PageManifest.path, PageManifest.encode(sorted: paths, manifest))
            stopwatch.lap("indeks")
            // Scheme rows are in two downloads; the qualification rows are the decrees' alone and kept.
            if !extras.later {
                try Downloads.write(input.catalog, only: [.units, .schemeUnits], keeping: &downloads, to: staging)
            }
            try writeStaticFiles(siteDirectory, to: staging)
            for (path, data) in PageFactory.originals(input, files: factory.sourceFiles) {
                try staging.write(path, data)
            }
            for (path, data) in extras.files { try staging.write(path, data) }
            stopwatch.lap("csv")
            (summary.files, summary.bytes) = staging.written
            summary.unchanged = staging.unchanged
        }
        stopwatch.lap("sinkron_tukar")
        summary.pages = paths.count - searchPaths.count
        summary.steps = stopwatch.steps
        summary.state = SiteState(
            input: input, units: change.units, manifest: manifest, paths: paths, searchPaths: searchPaths,
            templatesFingerprint: templatesFingerprint.text, downloads: downloads)
        return summary
    }

    /// The CSV downloads that scheme rows are in (units.csv, scheme_units.csv), for the catalogue
    /// a state was built from: what `update` with `extras.later` leaves to the caller.
    public static func writeDownloads(of state: SiteState, to writer: any OutputWriter) throws {
        var parts = state.downloads
        try Downloads.write(state.input.catalog, only: [.units, .schemeUnits], keeping: &parts, to: writer)
    }

    /// Sorted `paths` without `removed`, with `added` (none of them in `paths`) in their places.
    static func sortedPaths(_ paths: [String], removing removed: Set<String>, adding added: [String]) -> [String] {
        var result = removed.isEmpty ? paths : paths.filter { !removed.contains($0) }
        for path in added {
            var low = 0
            var high = result.count
            while low < high {
                let middle = (low + high) / 2
                if result[middle] < path { low = middle + 1 } else { high = middle }
            }
            result.insert(path, at: low)
        }
        return result
    }
}

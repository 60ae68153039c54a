import SKKNICore
import SKKNITemplates

/// `cari.html`, and what the search finds.
enum SearchPage: PageKind {
    static let identifier = "search"
    static let description = """
        The search form. What it searches (`searchEntries`, written under `search/` apart from the pages) is not read by the page: its own files are rewritten when the entries change.
        """
    static let reads: Set<SiteRead> = []

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.search() }
}

extension PageFactory {
    /// What the search finds: unit identities, qualifications and schemes, with their pages.
    func searchEntries() -> [SearchIndex.Entry] {
        var entries: [SearchIndex.Entry] = input.catalog.decrees.map {
            SearchIndex.Entry(label: $0.label, title: $0.title, path: SitePaths.decree($0.id), kind: "Keputusan")
        }
        for (d, q) in qualifications {
            entries.append(
                SearchIndex.Entry(
                    label: "Kualifikasi \(q.letter)", title: "\(q.group) jenjang \(q.level) · \(d.label)",
                    path: SitePaths.qualification(q.id), kind: "Kualifikasi", codes: q.codification.map { [$0] } ?? []))
        }
        // The units' entries on all cores (one core took a second of a national build here).
        entries += ConcurrentMap.map(unitIdentities, unitSearchEntry)
        for s in input.catalog.schemes {
            entries.append(
                SearchIndex.Entry(
                    label: "Skema", title: s.name ?? s.title, path: SitePaths.scheme(s.id), kind: "Skema",
                    codes: s.documentNumber.map { [$0] } ?? []))
        }
        entries += standardSearchEntries()
        return entries
    }

    /// A unit's entry, with what its definitions say: description, elements and criteria.
    private func unitSearchEntry(_ identity: String) -> SearchIndex.Entry {
        let entry = units[identity]!
        var text: [String] = []
        for version in entry.versions {
            for place in version.definitions {
                let d = place.definition
                if let description = d.description { text.append(description) }
                for element in d.elements {
                    text.append(element.title)
                    for criterion in element.criteria { text.append(criterion.text) }
                }
            }
        }
        return SearchIndex.Entry(
            label: identity, title: entry.versions.first?.titles.first?.title ?? "",
            path: SitePaths.unit(identity), codes: entry.versions.map(\.code.raw), text: text)
    }

    func search() -> Page {
        Page(path: "cari.html", template: "search", title: "Cari", context: [:])
    }

    /// The search finds SKKNI decrees by title, and units by their definition's title where it
    /// differs from the title the unit is listed under.
    func standardSearchEntries() -> [SearchIndex.Entry] {
        ConcurrentMap.map(input.catalog.standards, searchEntries(of:)).flatMap { $0 }
    }

    /// A decree's entry, and one for each unit it defines under a title other than the one
    /// the unit's page shows.
    private func searchEntries(of s: StandardDecree) -> [SearchIndex.Entry] {
        var entries = [
            SearchIndex.Entry(
                label: s.label, title: s.title ?? s.source, path: SitePaths.decree(s.id), kind: "Keputusan")
        ]
        for d in s.definitions {
            guard let entry = units[d.code.identity] else { continue }
            let shown = entry.versions.first?.titles.first?.title ?? ""
            if TitleText.fold(shown) != TitleText.fold(d.title) {
                entries.append(
                    SearchIndex.Entry(
                        label: d.code.identity, title: d.title, path: SitePaths.unit(d.code.identity),
                        codes: [d.code.raw]))
            }
        }
        return entries
    }
}

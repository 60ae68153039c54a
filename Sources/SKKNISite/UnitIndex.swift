import SKKNICore

/// Every unit identity with its versions, titles, uses and prerequisite links.
enum UnitIndex {
    struct Use {
        var label: String
        var role: String
        var href: String
    }

    /// A unit's definition in an SKKNI decree (`Uraian Unit Kompetensi`).
    struct Definition {
        var decreeID: String
        var decreeLabel: String
        var source: String
        var definition: UnitDefinition
    }

    struct Version {
        var code: UnitCode
        /// Distinct titles (by folded key) with where each was seen.
        var titles: [(key: String, title: String, places: [SourceLocation])] = []
        var uses: [Use] = []
        var prerequisites: [UnitCode] = []
        var requiredBy: [(code: UnitCode, label: String)] = []
        var definitions: [Definition] = []
    }

    struct Entry {
        var identity: String
        var versions: [Version]
    }

    /// Every identity's entry; with `only`, just those identities' entries (the same as the
    /// whole index gives for them: the same rows in the same order), for updating an index
    /// after a few schemes changed.
    static func build(_ catalog: Catalog, only: Set<String>? = nil) -> [String: Entry] {
        func wanted(_ code: UnitCode) -> Bool { only?.contains(code.identity) ?? true }
        // Versions in an array, found by code once per row (not once per field touched).
        var versions: [Version] = []
        var position: [String: Int] = [:]
        func index(_ code: UnitCode) -> Int {
            if let i = position[code.raw] { return i }
            versions.append(Version(code: code))
            position[code.raw] = versions.count - 1
            return versions.count - 1
        }
        func addTitle(_ i: Int, _ title: String, _ place: SourceLocation) {
            // The same text has the same folded key: fold only a title not seen as it is.
            if let t = versions[i].titles.firstIndex(where: { $0.title == title }) {
                versions[i].titles[t].places.append(place)
                return
            }
            let key = TitleText.fold(title)
            if let t = versions[i].titles.firstIndex(where: { $0.key == key }) {
                versions[i].titles[t].places.append(place)
            } else {
                versions[i].titles.append((key, title, [place]))
            }
        }
        // Rows are reached by index and their codes asked first: with `only` (a watched change),
        // copying every definition, qualification and scheme out of the catalogue to ask was
        // most of the walk.
        // SKKNI decrees first: the documents that define units give their titles first.
        for standard in catalog.standards {
            // One label string for all its definitions (the national catalogue has 100,000).
            let label = standard.label
            for r in standard.listedUnits.indices where wanted(standard.listedUnits[r].code) {
                let row = standard.listedUnits[r]
                addTitle(index(row.code), row.title, SourceLocation(file: standard.source, line: row.line))
            }
            for d in standard.definitions.indices where wanted(standard.definitions[d].code) {
                let definition = standard.definitions[d]
                let i = index(definition.code)
                addTitle(i, definition.title, SourceLocation(file: standard.source, line: definition.line))
                versions[i].definitions.append(
                    Definition(
                        decreeID: standard.id, decreeLabel: label, source: standard.source, definition: definition))
            }
        }
        for decree in catalog.decrees {
            for q in decree.qualifications.indices {
                let units = decree.qualifications[q].units
                guard
                    only == nil
                        || units.contains(where: { wanted($0.code) || $0.prerequisites.contains(where: wanted) })
                else { continue }
                let qualification = decree.qualifications[q]
                let use = Use(
                    label:
                        "Kualifikasi \(qualification.letter) (\(decree.label), jenjang \(qualification.level) \(qualification.group))",
                    role: "", href: SitePaths.qualification(qualification.id))
                let requiredBy = "di kualifikasi \(qualification.letter)"
                for u in units {
                    if wanted(u.code) {
                        let i = index(u.code)
                        addTitle(i, u.cleanTitle, SourceLocation(file: decree.source, line: u.line))
                        var roleUse = use
                        roleUse.role = u.role.rawValue
                        versions[i].uses.append(roleUse)
                        for p in u.prerequisites where !versions[i].prerequisites.contains(p) {
                            versions[i].prerequisites.append(p)
                        }
                    }
                    for p in u.prerequisites where wanted(p) {
                        versions[index(p)].requiredBy.append((u.code, requiredBy))
                    }
                }
            }
        }
        for s in catalog.schemes.indices {
            let units = catalog.schemes[s].units
            var use: Use?
            for u in units.indices where wanted(units[u].code) {
                let row = units[u]
                if use == nil {
                    let scheme = catalog.schemes[s]
                    use = Use(label: "Skema \(scheme.occupation)", role: "skema", href: SitePaths.scheme(scheme.id))
                }
                let i = index(row.code)
                addTitle(i, row.cleanTitle, SourceLocation(file: catalog.schemes[s].source, line: row.line))
                versions[i].uses.append(use!)
            }
        }
        var entries: [String: Entry] = [:]
        for version in versions {
            entries[version.code.identity, default: Entry(identity: version.code.identity, versions: [])].versions
                .append(version)
        }
        for key in entries.keys { entries[key]!.versions.sort { $0.code < $1.code } }
        return entries
    }
}

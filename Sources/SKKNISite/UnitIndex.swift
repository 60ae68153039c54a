import SKKNICore

/// Every unit identity with its versions, titles, uses and prerequisite links.
enum UnitIndex {
    struct Use {
        var label: String
        var role: String
        var href: String
    }

    struct Version {
        var code: UnitCode
        /// Distinct titles (by folded key) with where each was seen.
        var titles: [(key: String, title: String, places: [SourceLocation])] = []
        var uses: [Use] = []
        var prerequisites: [UnitCode] = []
        var requiredBy: [(code: UnitCode, label: String)] = []
    }

    struct Entry {
        var identity: String
        var versions: [Version]
    }

    static func build(_ catalog: Catalog) -> [String: Entry] {
        var versions: [String: Version] = [:]
        func touch(_ code: UnitCode) {
            if versions[code.raw] == nil { versions[code.raw] = Version(code: code) }
        }
        func addTitle(_ code: UnitCode, _ title: String, _ place: SourceLocation) {
            let key = TitleText.fold(title)
            if let i = versions[code.raw]!.titles.firstIndex(where: { $0.key == key }) {
                versions[code.raw]!.titles[i].places.append(place)
            } else {
                versions[code.raw]!.titles.append((key, title, [place]))
            }
        }
        for (decree, q) in catalog.qualifications {
            for u in q.units {
                touch(u.code)
                addTitle(u.code, u.cleanTitle, SourceLocation(file: decree.source, line: u.line))
                versions[u.code.raw]!.uses.append(
                    Use(
                        label: "Kualifikasi \(q.letter) (\(decree.label), jenjang \(q.level) \(q.group))",
                        role: u.role.rawValue, href: SitePaths.qualification(q.id)))
                for p in u.prerequisites {
                    touch(p)
                    if !versions[u.code.raw]!.prerequisites.contains(p) {
                        versions[u.code.raw]!.prerequisites.append(p)
                    }
                    versions[p.raw]!.requiredBy.append((u.code, "di kualifikasi \(q.letter)"))
                }
            }
        }
        for s in catalog.schemes {
            for u in s.units {
                touch(u.code)
                addTitle(u.code, u.cleanTitle, SourceLocation(file: s.source, line: u.line))
                versions[u.code.raw]!.uses.append(
                    Use(label: "Skema \(s.occupation)", role: "skema", href: SitePaths.scheme(s.id)))
            }
        }
        var entries: [String: Entry] = [:]
        for version in versions.values {
            entries[version.code.identity, default: Entry(identity: version.code.identity, versions: [])].versions
                .append(version)
        }
        for key in entries.keys { entries[key]!.versions.sort { $0.code < $1.code } }
        return entries
    }
}

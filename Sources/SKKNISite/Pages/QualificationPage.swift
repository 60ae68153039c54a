import SKKNICore
import SKKNITemplates

/// `kualifikasi/<id>.html`.
enum QualificationPage: PageKind {
    static let identifier = "qualification"
    static let description = """
        A qualification: its decree, level and group, the core and elective unit tables with prerequisites, the prerequisite tree and graph, and the findings about it and its units.
        """
    static let reads: Set<SiteRead> = [.decrees, .unitIdentities, .findingsAbout]

    static func pages(_ site: PageFactory) -> [PageKey] { site.qualifications.indices.map(PageKey.index) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        site.qualification(site.qualifications[key.index].qualification, in: site.qualifications[key.index].decree)
    }

    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects {
        PageSubjects(findingSubjects: findingSubjects(site.qualifications[key.index].qualification))
    }

    /// The qualification and its units' codes: the findings its page lists.
    static func findingSubjects(_ q: Qualification) -> [String] { [q.id] + q.units.map(\.code.raw) }
}

extension PageFactory {
    func qualification(_ q: Qualification, in d: Decree) -> Page {
        let intiCodes = Set(q.units(.inti).map(\.code))
        let pilihanCodes = Set(q.units(.pilihan).map(\.code))
        let packaged = Set(q.units.map(\.code))
        func rows(_ role: UnitRole) -> TemplateValue {
            .list(
                q.units(role).map { u in
                    [
                        "number": .text(u.number.map(String.init) ?? ""), "code": unitLink(u.code),
                        "title": .text(u.cleanTitle), "line": .number(u.line),
                        "lineHref": .textOrFalse(sourceHref(d.source, u.line)),
                        "duplicate": .flag(intiCodes.contains(u.code) && pilihanCodes.contains(u.code)),
                        "prerequisites": .list(u.prerequisites.map { unitLink($0, missing: !packaged.contains($0)) }),
                    ]
                })
        }
        // The prerequisite structure as a nested list: each unit with prerequisites, and theirs.
        // Each unit's prerequisites are expanded once per page (later mentions are leaves), so a
        // hostile table cannot make the tree grow exponentially (found by the fuzzer).
        let byCode = Dictionary(q.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var expanded = Set<UnitCode>()
        func tree(_ code: UnitCode, depth: Int, seen: Set<UnitCode>) -> TemplateValue {
            var children: [UnitCode] = []
            if depth < 6, expanded.insert(code).inserted {
                var distinct = Set<UnitCode>()
                children = (byCode[code]?.prerequisites ?? []).filter {
                    !seen.contains($0) && distinct.insert($0).inserted
                }
            }
            return [
                "code": unitLink(code), "inPackage": .flag(packaged.contains(code)),
                "children": .list(children.map { tree($0, depth: depth + 1, seen: seen.union([code])) }),
                "hasChildren": .flag(!children.isEmpty),
            ]
        }
        var roots: [TemplateValue] = []
        for unit in q.units where !unit.prerequisites.isEmpty && !expanded.contains(unit.code) {
            roots.append(tree(unit.code, depth: 0, seen: []))
        }
        let context: TemplateObject = [
            "letter": .text(q.letter), "heading": .text(q.heading), "decreeLabel": .text(d.label),
            "draft": .flag(d.isDraft),
            "decreeHref": .text(SitePaths.decree(d.id)), "codification": .text(q.codification ?? ""),
            "level": .number(q.level), "group": .text(q.group), "subfield": .text(q.subfield ?? ""),
            "description": .text(q.description ?? ""), "role": .text(q.role ?? ""), "jobTitles": .texts(q.jobTitles),
            "total": .text(q.packaging?.total.map(String.init) ?? "?"),
            "inti": .text(q.packaging?.inti.map(String.init) ?? "?"),
            "pilihan": .text(q.packaging?.pilihan.map(String.init) ?? "?"),
            "intiTable": ["rows": rows(.inti)], "pilihanTable": ["rows": rows(.pilihan)],
            "prerequisiteTree": .list(roots), "hasTree": .flag(!roots.isEmpty), "graph": prerequisiteGraph(q),
            "source": .text(d.source),
            "sourceHref": .textOrFalse(sourceHref(d.source, q.line)),
            "line": .number(q.line), "findings": findings(about: QualificationPage.findingSubjects(q)),
        ]
        return Page(
            path: SitePaths.qualification(q.id), template: "qualification",
            title: "Kualifikasi \(q.letter) — \(d.label)", context: context)
    }
}

import SKKNICore
import SKKNITemplates

/// `unit/<identity>.html`.
enum UnitPage: PageKind {
    static let identifier = "unit"
    static let description = """
        A unit identity: each version with its titles and where each is written, where it is used, its prerequisites and what requires it, its SKKNI definitions, whether it is current, and the findings about it.
        """
    static let reads: Set<SiteRead> = [.decrees, .unitIdentities, .unitTitles, .unitEntry, .findingsAbout]

    static func pages(_ site: PageFactory) -> [PageKey] { site.unitIdentities.map(PageKey.name) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.unit(site.units[key.name]!) }

    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects {
        // The page names the newest version of each unit it replaces (one of its title that
        // only schemes use).
        PageSubjects(
            findingSubjects: findingSubjects(site.units[key.name]!),
            units: [key.name] + (site.unitStatus.replaces[key.name] ?? []).map(\.identity))
    }

    /// The identity and its versions' codes: the findings its page lists.
    static func findingSubjects(_ entry: UnitIndex.Entry) -> [String] {
        [entry.identity] + entry.versions.map(\.code.raw)
    }
}

extension PageFactory {
    func unit(_ entry: UnitIndex.Entry) -> Page {
        let versions: [TemplateValue] = entry.versions.map { v in
            var version: TemplateObject = [
                "code": .text(v.code.raw),
                "titles": .list(
                    v.titles.map {
                        [
                            "title": .text($0.title),
                            "places": .list(
                                $0.places.map {
                                    [
                                        "file": .text($0.file), "line": .number($0.line),
                                        "href": .textOrFalse(sourceHref($0.file, $0.line)),
                                    ]
                                }),
                        ]
                    }),
                "uses": .list(
                    v.uses.map { ["label": .text($0.label), "role": .text($0.role), "href": .text($0.href)] }),
                "prerequisites": .list(v.prerequisites.map { unitLink($0) }),
                "hasPrerequisites": .flag(!v.prerequisites.isEmpty), "hasRequiredBy": .flag(!v.requiredBy.isEmpty),
                "requiredBy": .list(v.requiredBy.map { ["code": unitLink($0.code), "label": .text($0.label)] }),
                "definitions": .list(v.definitions.map(definitionContext)), "defined": .flag(!v.definitions.isEmpty),
            ]
            for (key, value) in statusContext(v, in: entry) { version[key] = value }
            return .object(version)
        }
        let newest = UnitStatusIndex.newest(entry)
        let context: TemplateObject = [
            "identity": .text(entry.identity), "versions": .list(versions),
            "versionCount": .number(entry.versions.count),
            "title": .text(entry.versions.first?.titles.first?.title ?? ""),
            "findings": findings(about: UnitPage.findingSubjects(entry)),
            "replaces": replacesContext(entry), "hasReplaces": .flag(unitStatus.replaces[entry.identity] != nil),
            "status": newest.map { statusContext($0, in: entry) }.map(TemplateValue.object) ?? .flag(false),
        ]
        return Page(
            path: SitePaths.unit(entry.identity), template: "unit", title: "Unit \(entry.identity)", context: context)
    }

    /// One definition of a unit version: description, elements with their criteria,
    /// prerequisites, limits and assessment guidance, the decree that sets it.
    func definitionContext(_ d: UnitIndex.Definition) -> TemplateValue {
        let u = d.definition
        func items(_ list: [UnitDefinition.Item]) -> TemplateValue {
            .list(
                list.map {
                    ["number": .text($0.number), "text": .text($0.text), "depth": .number(min($0.depth, 4))]
                })
        }
        return [
            "decreeLabel": .text(d.decreeLabel), "decreeHref": .text(SitePaths.decree(d.decreeID)),
            "file": .text(d.source), "line": .number(u.line), "code": .text(u.code.raw),
            "sourceHref": .textOrFalse(sourceHref(d.source, u.line)),
            "definitionTitle": .text(u.title), "description": .textOrFalse(u.description),
            "elements": .list(
                u.elements.map { e in
                    [
                        "number": .number(e.number), "title": .text(e.title), "line": .number(e.line),
                        "criteria": .list(
                            e.criteria.map { ["number": .text($0.number), "text": .text($0.text)] }),
                    ]
                }),
            "prerequisites": .list(
                u.prerequisites.map { ["unit": unitLink($0.code), "title": .text($0.title ?? "")] }),
            "hasDefinitionPrerequisites": .flag(!u.prerequisites.isEmpty),
            "limits": items(u.limits), "hasLimits": .flag(!u.limits.isEmpty),
            "assessment": items(u.assessment), "hasAssessment": .flag(!u.assessment.isEmpty),
        ]
    }
}

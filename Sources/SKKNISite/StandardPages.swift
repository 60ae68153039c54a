import SKKNICore
import SKKNITemplates

/// The site's SKKNI decree pages and the unit definitions shown on unit pages.
extension PageFactory {
    /// `kepmen/<id>.html` for an SKKNI decree: number, title, field, its units.
    func standard(_ s: StandardDecree) -> Page {
        let defined = Set(s.definitions.map(\.code))
        let context: TemplateObject = [
            "label": .text(s.label), "title": .text(s.title ?? ""), "field": .text(s.field ?? ""),
            "source": .text(s.source), "line": .number(s.line),
            "sourceHref": .textOrFalse(sourceHref(s.source, s.line)),
            "units": .list(
                s.listedUnits.map { u in
                    [
                        "number": .text(u.number.map(String.init) ?? ""), "code": unitLink(u.code),
                        "title": .text(u.title), "line": .number(u.line), "defined": .flag(defined.contains(u.code)),
                    ]
                }),
            "definitionCount": .number(s.definitions.count),
            "findings": .list(
                input.diagnostics.filter { $0.location.file == s.source }.map { findingContext($0) }),
        ]
        return Page(path: SitePaths.decree(s.id), template: "standard", title: s.label, context: context)
    }

    /// The home page's list of SKKNI decrees.
    func standardRows() -> TemplateValue {
        .list(
            input.catalog.standards.map {
                [
                    "label": .text($0.label), "title": .text($0.title ?? ""), "href": .text(SitePaths.decree($0.id)),
                    "count": .number($0.listedUnits.count),
                ]
            })
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

    /// The search finds SKKNI decrees by title, and units by their definition's title where it
    /// differs from the title the unit is listed under.
    func standardSearchEntries() -> [SearchIndex.Entry] {
        var entries: [SearchIndex.Entry] = []
        for s in input.catalog.standards {
            entries.append(
                SearchIndex.Entry(
                    label: s.label, title: s.title ?? s.source, path: SitePaths.decree(s.id), kind: "Keputusan"))
            for d in s.definitions {
                guard let entry = units[d.code.identity] else { continue }
                let shown = entry.versions.first?.titles.first?.title ?? ""
                if TitleText.fold(shown) != TitleText.fold(d.title) {
                    entries.append(
                        SearchIndex.Entry(
                            label: d.code.identity, title: d.title, path: SitePaths.unit(d.code.identity),
                            codes: [d.code.raw])
                    )
                }
            }
        }
        return entries
    }
}

import SKKNICore
import SKKNITemplates

/// `kepmen/<id>.html` for a KKNI decree.
enum DecreePage: PageKind {
    static let identifier = "decree"
    static let description = """
        A KKNI decree: number, title, field, date, what it revokes and amends, its qualifications.
        """
    static let reads: Set<SiteRead> = [.decrees]

    static func pages(_ site: PageFactory) -> [PageKey] { site.input.catalog.decrees.indices.map(PageKey.index) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.decree(site.input.catalog.decrees[key.index]) }
}

extension PageFactory {
    func decree(_ d: Decree) -> Page {
        let context: TemplateObject = [
            "label": .text(d.label), "title": .text(d.title), "field": .text(d.field ?? ""),
            "dateSet": .textOrFalse(d.dateSet.map(IndonesianDate.format)), "source": .text(d.source),
            "line": .number(d.line),
            "draft": .flag(d.isDraft), "sourceHref": .textOrFalse(sourceHref(d.source, d.line)),
            "revokes": .list(
                d.revokes.map { ["label": .text($0.label), "title": .text($0.title ?? ""), "line": .number($0.line)] }),
            "amends": .list(d.amends.map { ["label": .text($0.label), "line": .number($0.line)] }),
            "qualifications": .list(
                d.qualifications.map {
                    [
                        "letter": .text($0.letter), "level": .number($0.level), "group": .text($0.group),
                        "codification": .text($0.codification ?? ""), "href": .text(SitePaths.qualification($0.id)),
                        "units": .number($0.units.count),
                    ]
                }),
        ]
        return Page(path: SitePaths.decree(d.id), template: "decree", title: d.label, context: context)
    }
}

import SKKNICore
import SKKNITemplates

/// `kepmen/<id>.html` for an SKKNI decree.
enum StandardDecreePage: PageKind {
    static let identifier = "standard-decree"
    static let description = """
        An SKKNI decree: number, title, field, the units it lists (and whether it defines each), \
        and the findings located in it.
        """
    /// The findings located in a decree are part of `.decrees`.
    static let reads: Set<SiteRead> = [.decrees, .unitIdentities]

    static func pages(_ site: PageFactory) -> [PageKey] { site.input.catalog.standards.indices.map(PageKey.index) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        site.standard(site.input.catalog.standards[key.index])
    }
}

extension PageFactory {
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
}

import SKKNICore
import SKKNITemplates

/// `skema/<id>.html`.
enum SchemePage: PageKind {
    static let identifier = "scheme"
    static let description = """
        A certification scheme: its fields as the document gives them, the decrees it cites, its units, its requirements, and the findings about it and its units.
        """
    static let reads: Set<SiteRead> = [.decrees, .unitIdentities, .document, .findingsAbout]

    static func pages(_ site: PageFactory) -> [PageKey] { site.input.catalog.schemes.indices.map(PageKey.index) }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.scheme(site.input.catalog.schemes[key.index]) }

    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects {
        let scheme = site.input.catalog.schemes[key.index]
        return PageSubjects(findingSubjects: findingSubjects(scheme), document: scheme.source)
    }

    /// The scheme and its units' codes: the findings its page lists.
    static func findingSubjects(_ s: Scheme) -> [String] { [s.id] + s.units.map(\.code.raw) }
}

extension PageFactory {
    func scheme(_ s: Scheme) -> Page {
        let context: TemplateObject = [
            // Fields the document leaves out are left out of the page (false hides their rows).
            "title": .text(s.title), "name": .textOrFalse(s.name), "type": .text(s.packagingType.label),
            "typeText": .textOrFalse(s.packagingTypeText), "level": .textOrFalse(s.level.map(String.init)),
            "owner": .textOrFalse(s.owner), "documentNumber": .textOrFalse(s.documentNumber),
            "approvedDate": .textOrFalse(s.approvedDate.map(IndonesianDate.format)), "source": .text(s.source),
            "line": .number(s.line), "sourceHref": .textOrFalse(sourceHref(s.source, s.line)),
            "citations": .list(
                s.citations.map { c in
                    [
                        "label": .text(c.label), "title": .text(c.title ?? ""),
                        "href": .textOrFalse(decreeIDs.contains(c.decreeID) ? SitePaths.decree(c.decreeID) : nil),
                        "line": .number(c.line),
                    ]
                }),
            "units": .list(
                s.units.map { u in
                    [
                        "number": .text(u.number.map(String.init) ?? ""), "code": unitLink(u.code),
                        "title": .text(u.cleanTitle), "line": .number(u.line),
                        "lineHref": .textOrFalse(sourceHref(s.source, u.line)),
                    ]
                }),
            "requirements": .texts(s.requirements),
            // Items the document numbers itself (`6.1.1 …`) keep their numbers instead of bullets.
            "requirementsNumbered": .flag(s.requirements.contains { $0.first?.isNumber == true }),
            "findings": findings(about: SchemePage.findingSubjects(s)),
        ]
        return Page(path: SitePaths.scheme(s.id), template: "scheme", title: "Skema \(s.occupation)", context: context)
    }
}

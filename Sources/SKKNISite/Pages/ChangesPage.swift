import SKKNICore
import SKKNITemplates

/// `perubahan.html`, with `build --since REV`.
enum ChangesPage: PageKind {
    static let identifier = "changes"
    static let description = """
        What changed since a revision: documents, units, versions, titles and definitions, findings introduced and fixed.
        """
    static let reads: Set<SiteRead> = [.changes, .decrees, .unitIdentities]

    static func pages(_ site: PageFactory) -> [PageKey] { site.input.changes == nil ? [] : [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        site.changesPage(site.input.changes!.revision, site.input.changes!.diff)
    }
}

extension PageFactory {
    func changesPage(_ revision: String, _ diff: CatalogDiff) -> Page {
        func units(_ list: [CatalogDiff.UnitChange]) -> TemplateValue {
            .list(
                list.map { change in
                    let identity =
                        self.units[change.identity] != nil ? change.identity : UnitCode(change.identity).identity
                    return [
                        "identity": .text(change.identity), "before": .text(change.before.joined(separator: ", ")),
                        "after": .text(change.after.joined(separator: ", ")),
                        "where": .text(change.where_.joined(separator: "; ")),
                        "href": .textOrFalse(self.units[identity] != nil ? SitePaths.unit(identity) : nil),
                    ]
                })
        }
        // A fixed finding's line belongs to the old text; do not show today's line under it.
        let fixed = diff.fixed.map { findingContext($0, showingLine: false) }
        return Page(
            path: "perubahan.html", template: "changes", title: "Perubahan sejak \(revision)",
            context: [
                "revision": .text(revision), "empty": .flag(diff.isEmpty),
                "addedDocuments": .texts(diff.addedDocuments), "removedDocuments": .texts(diff.removedDocuments),
                "hasAddedDocuments": .flag(!diff.addedDocuments.isEmpty),
                "hasRemovedDocuments": .flag(!diff.removedDocuments.isEmpty),
                "hasAddedUnits": .flag(!diff.addedUnits.isEmpty), "hasRemovedUnits": .flag(!diff.removedUnits.isEmpty),
                "hasReversioned": .flag(!diff.reversioned.isEmpty), "hasRetitled": .flag(!diff.retitled.isEmpty),
                "addedUnits": units(diff.addedUnits), "removedUnits": units(diff.removedUnits),
                "reversioned": units(diff.reversioned), "retitled": units(diff.retitled),
                "hasRedefined": .flag(!diff.redefined.isEmpty),
                "redefined": .list(
                    diff.redefined.map { change in
                        let identity = UnitCode(change.code).identity
                        return [
                            "code": .text(change.code), "decree": .text(change.decree),
                            "changes": .text(change.changes.joined(separator: "; ")),
                            "href": .textOrFalse(self.units[identity] != nil ? SitePaths.unit(identity) : nil),
                        ]
                    }),
                "introduced": ["findings": .list(diff.introduced.map { findingContext($0) })],
                "fixed": ["findings": .list(fixed)],
                "introducedCount": .number(diff.introduced.count), "fixedCount": .number(diff.fixed.count),
            ])
    }
}

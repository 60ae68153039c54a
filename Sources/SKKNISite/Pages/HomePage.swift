import SKKNICore
import SKKNITemplates

/// `index.html`.
enum HomePage: PageKind {
    static let identifier = "home"
    static let description = """
        The front page: how many decrees, qualifications, units and schemes the catalogue holds, the decree and scheme lists, new and accepted findings by severity, and a bar per rule.
        """
    static let reads: Set<SiteRead> = [.decrees, .changes, .unitIdentities, .schemeList, .findingCounts]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page { site.home() }
}

extension PageFactory {
    func home() -> Page {
        let c = input.catalog
        var bySeverity: [String: Int] = [:]
        var byRule: [String: (Int, Int)] = [:]
        for d in input.diagnostics {
            bySeverity[d.severity.rawValue, default: 0] += 1
            var entry = byRule[d.rule] ?? (0, 0)
            entry.0 += 1
            if d.suppressed { entry.1 += 1 }
            byRule[d.rule] = entry
        }
        let names = Dictionary(input.rules.map { ($0.identifier, $0.name) }, uniquingKeysWith: { a, _ in a })
        let most = max(1, byRule.values.map(\.0).max() ?? 1)
        let ruleRows: [TemplateValue] = byRule.keys.sorted().map { id in
            [
                "rule": .text(id), "name": .text(names[id] ?? ""), "count": .number(byRule[id]!.0),
                "suppressed": .number(byRule[id]!.1), "href": .text(SitePaths.rule(id)),
                "summary": .text(ruleSummary(id)), "newCount": .number(byRule[id]!.0 - byRule[id]!.1),
                "percent": .number(max(1, byRule[id]!.0 * 100 / most)),
                "newPercent": .number((byRule[id]!.0 - byRule[id]!.1) * 100 / max(1, byRule[id]!.0)),
            ]
        }
        var context: TemplateObject = [
            "decreeCount": .number(c.decrees.count + c.standards.count),
            "qualificationCount": .number(c.qualifications.count),
            "standards": standardRows(), "hasStandards": .flag(!c.standards.isEmpty),
            "changesSince": .textOrFalse(input.changes?.revision),
            "unitCount": .number(units.count), "schemeCount": .number(c.schemes.count),
            "errors": .number(bySeverity["error"] ?? 0), "warnings": .number(bySeverity["warning"] ?? 0),
            "notes": .number(bySeverity["note"] ?? 0),
            "decrees": .list(
                c.decrees.map {
                    [
                        "label": .text($0.label), "title": .text($0.title), "href": .text(SitePaths.decree($0.id)),
                        "count": .number($0.qualifications.count),
                    ]
                }),
            "schemes": .list(
                c.schemes.map {
                    [
                        "title": .text($0.occupation), "type": .text($0.packagingType.label),
                        "href": .text(SitePaths.scheme($0.id)), "units": .number($0.units.count),
                    ]
                }),
            "ruleRows": .list(ruleRows),
        ]
        for (key, value) in findingCounts() { context[key] = value }
        return Page(path: "index.html", template: "home", title: "Katalog kompetensi", context: context)
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
}

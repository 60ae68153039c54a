import Foundation
import SKKNICore

/// Declares every page of the site from the model, one factory per page kind.
struct PageFactory {
    let input: SiteInput
    let findingsBySubject: [String: [Diagnostic]]
    /// Unit identity -> its versions, titles and uses.
    let units: [String: UnitIndex.Entry]
    /// Ids with a page of their own, for linking findings to what they are about.
    let qualificationIDs: Set<String>
    let schemeIDs: Set<String>
    let qualifications: [(decree: Decree, qualification: Qualification)]
    let decreeIDs: Set<String>

    init(input: SiteInput) {
        self.input = input
        var bySubject: [String: [Diagnostic]] = [:]
        for d in input.diagnostics { bySubject[d.subject, default: []].append(d) }
        findingsBySubject = bySubject
        units = UnitIndex.build(input.catalog)
        qualificationIDs = Set(input.catalog.decrees.flatMap { $0.qualifications.map(\.id) })
        schemeIDs = Set(input.catalog.schemes.map(\.id))
        qualifications = input.catalog.qualifications
        decreeIDs = Set(input.catalog.decrees.map(\.id))
    }

    /// A page to be declared: cheap to hold for every page at once; `page(_:)` builds its
    /// context only when a worker is about to render it, so contexts never pile up in memory.
    enum Plan: Sendable {
        case home, findings, rulesIndex, search, changes
        case decree(Int)
        case qualification(Int)
        case unit(String)
        case scheme(Int)
        case rule(Int)
    }

    func plan() -> [Plan] {
        var plans: [Plan] = [.home, .findings, .rulesIndex, .search]
        if input.changes != nil { plans.append(.changes) }
        plans += input.catalog.decrees.indices.map(Plan.decree)
        plans += qualifications.indices.map(Plan.qualification)
        plans += units.keys.sorted().map(Plan.unit)
        plans += input.catalog.schemes.indices.map(Plan.scheme)
        plans += input.rules.indices.map(Plan.rule)
        return plans
    }

    func page(_ plan: Plan) -> Page {
        switch plan {
        case .home: home()
        case .findings: findings()
        case .rulesIndex: rulesIndex()
        case .search: search()
        case .changes: changesPage(input.changes!.revision, input.changes!.diff)
        case .decree(let i): decree(input.catalog.decrees[i])
        case .qualification(let i): qualification(qualifications[i].qualification, in: qualifications[i].decree)
        case .unit(let identity): unit(units[identity]!)
        case .scheme(let i): scheme(input.catalog.schemes[i])
        case .rule(let i): rule(input.rules[i])
        }
    }

    func all() -> [Page] { plan().map(page) }

    /// What the search finds: unit identities, qualifications and schemes, with their pages.
    func searchEntries() -> [SearchIndex.Entry] {
        var entries: [SearchIndex.Entry] = []
        for (_, q) in qualifications {
            entries.append(
                SearchIndex.Entry(
                    label: "Kualifikasi \(q.letter)", title: "\(q.group) jenjang \(q.level)",
                    path: SitePaths.qualification(q.id)))
        }
        for identity in units.keys.sorted() {
            let entry = units[identity]!
            entries.append(
                SearchIndex.Entry(
                    label: identity, title: entry.versions.first?.titles.first?.title ?? "",
                    path: SitePaths.unit(identity)))
        }
        for s in input.catalog.schemes {
            entries.append(SearchIndex.Entry(label: "Skema", title: s.name ?? s.title, path: SitePaths.scheme(s.id)))
        }
        return entries
    }

    /// `perubahan.html`: the meaning of the change since a revision (units, versions, titles, findings).
    func changesPage(_ revision: String, _ diff: CatalogDiff) -> Page {
        func units(_ list: [CatalogDiff.UnitChange]) -> [[String: Any]] {
            list.map { change in
                let identity = self.units[change.identity] != nil ? change.identity : UnitCode(change.identity).identity
                return [
                    "identity": change.identity, "before": change.before.joined(separator: ", "),
                    "after": change.after.joined(separator: ", "), "where": change.where_.joined(separator: "; "),
                    "href": self.units[identity] != nil ? SitePaths.unit(identity) : false,
                ]
            }
        }
        var fixed = diff.fixed.map(findingContext)
        // A fixed finding's line belongs to the old text; do not show today's line under it.
        for i in fixed.indices { fixed[i]["sourceLine"] = false }
        return Page(
            path: "perubahan.html", template: "changes", title: "Perubahan sejak \(revision)",
            context: [
                "revision": revision, "empty": diff.isEmpty,
                "addedDocuments": diff.addedDocuments, "removedDocuments": diff.removedDocuments,
                "hasAddedDocuments": !diff.addedDocuments.isEmpty,
                "hasRemovedDocuments": !diff.removedDocuments.isEmpty,
                "hasAddedUnits": !diff.addedUnits.isEmpty, "hasRemovedUnits": !diff.removedUnits.isEmpty,
                "hasReversioned": !diff.reversioned.isEmpty, "hasRetitled": !diff.retitled.isEmpty,
                "addedUnits": units(diff.addedUnits), "removedUnits": units(diff.removedUnits),
                "reversioned": units(diff.reversioned), "retitled": units(diff.retitled),
                "introduced": ["findings": diff.introduced.map(findingContext)], "fixed": ["findings": fixed],
                "introducedCount": diff.introduced.count, "fixedCount": diff.fixed.count,
            ])
    }

    // MARK: shared pieces

    func findingContext(_ d: Diagnostic) -> [String: Any] {
        [
            "rule": d.rule, "name": d.name, "severity": d.severity.rawValue, "severityLabel": d.severity.label,
            "message": d.message, "file": d.location.file, "line": d.location.line,
            // Mustache treats "" as true: a missing value must be `false` to hide its section.
            "sourceLine": input.sourceLine(d.location.file, d.location.line) ?? false,
            "suppressed": d.suppressed, "ruleHref": SitePaths.rule(d.rule),
            "subjectHref": subjectHref(d.subject) ?? false, "subject": d.subject,
        ]
    }

    func findings(about subjects: [String]) -> [[String: Any]] {
        var seen = Set<Diagnostic>()
        var list: [Diagnostic] = []
        for s in subjects {
            for d in findingsBySubject[s] ?? [] where seen.insert(d).inserted { list.append(d) }
        }
        return list.sorted(by: Diagnostic.ordered).map(findingContext)
    }

    func subjectHref(_ subject: String) -> String? {
        if qualificationIDs.contains(subject) { return SitePaths.qualification(subject) }
        if schemeIDs.contains(subject) { return SitePaths.scheme(subject) }
        let identity = UnitCode(subject).identity
        if units[identity] != nil { return SitePaths.unit(identity) }
        if units[subject] != nil { return SitePaths.unit(subject) }
        return nil
    }

    func unitLink(_ code: UnitCode) -> [String: Any] {
        let known = units[code.identity] != nil
        return ["code": code.raw, "href": known ? SitePaths.unit(code.identity) : "", "known": known]
    }

    // MARK: pages

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
        let ruleRows: [[String: Any]] = byRule.keys.sorted().map { id in
            [
                "rule": id, "name": names[id] ?? "", "count": byRule[id]!.0, "suppressed": byRule[id]!.1,
                "href": SitePaths.rule(id),
            ]
        }
        let context: [String: Any] = [
            "decreeCount": c.decrees.count, "qualificationCount": c.qualifications.count,
            "changesSince": input.changes?.revision ?? false,
            "unitCount": units.count, "schemeCount": c.schemes.count,
            "errors": bySeverity["error"] ?? 0, "warnings": bySeverity["warning"] ?? 0,
            "notes": bySeverity["note"] ?? 0,
            "decrees": c.decrees.map {
                [
                    "label": $0.label, "title": $0.title, "href": SitePaths.decree($0.id),
                    "count": $0.qualifications.count,
                ]
            },
            "schemes": c.schemes.map {
                [
                    "title": $0.occupation, "type": $0.packagingType.label, "href": SitePaths.scheme($0.id),
                    "units": $0.units.count,
                ]
            },
            "ruleRows": ruleRows,
        ]
        return Page(path: "index.html", template: "home", title: "Katalog kompetensi", context: context)
    }

    func decree(_ d: Decree) -> Page {
        let context: [String: Any] = [
            "label": d.label, "title": d.title, "field": d.field ?? "", "dateSet": d.dateSet ?? "",
            "source": d.source, "line": d.line,
            "revokes": d.revokes.map { ["label": $0.label, "title": $0.title ?? "", "line": $0.line] },
            "amends": d.amends.map { ["label": $0.label, "line": $0.line] },
            "qualifications": d.qualifications.map {
                [
                    "letter": $0.letter, "level": $0.level, "group": $0.group, "codification": $0.codification ?? "",
                    "href": SitePaths.qualification($0.id), "units": $0.units.count,
                ]
            },
        ]
        return Page(path: SitePaths.decree(d.id), template: "decree", title: d.label, context: context)
    }

    func qualification(_ q: Qualification, in d: Decree) -> Page {
        let intiCodes = Set(q.units(.inti).map(\.code))
        let pilihanCodes = Set(q.units(.pilihan).map(\.code))
        let packaged = Set(q.units.map(\.code))
        func rows(_ role: UnitRole) -> [[String: Any]] {
            q.units(role).map { u in
                [
                    "number": u.number.map(String.init) ?? "", "code": unitLink(u.code), "title": u.cleanTitle,
                    "line": u.line, "duplicate": intiCodes.contains(u.code) && pilihanCodes.contains(u.code),
                    "prerequisites": u.prerequisites.map { p -> [String: Any] in
                        var link = unitLink(p)
                        link["missing"] = !packaged.contains(p)
                        return link
                    },
                ]
            }
        }
        // The prerequisite structure as a nested list: each unit with prerequisites, and theirs.
        // Each unit's prerequisites are expanded once per page (later mentions are leaves), so a
        // hostile table cannot make the tree grow exponentially (found by the fuzzer).
        let byCode = Dictionary(q.units.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var expanded = Set<UnitCode>()
        func tree(_ code: UnitCode, depth: Int, seen: Set<UnitCode>) -> [String: Any] {
            var children: [UnitCode] = []
            if depth < 6, expanded.insert(code).inserted {
                var distinct = Set<UnitCode>()
                children = (byCode[code]?.prerequisites ?? []).filter {
                    !seen.contains($0) && distinct.insert($0).inserted
                }
            }
            return [
                "code": unitLink(code), "inPackage": packaged.contains(code),
                "children": children.map { tree($0, depth: depth + 1, seen: seen.union([code])) },
                "hasChildren": !children.isEmpty,
            ]
        }
        var roots: [[String: Any]] = []
        for unit in q.units where !unit.prerequisites.isEmpty && !expanded.contains(unit.code) {
            roots.append(tree(unit.code, depth: 0, seen: []))
        }
        let context: [String: Any] = [
            "letter": q.letter, "heading": q.heading, "decreeLabel": d.label, "decreeHref": SitePaths.decree(d.id),
            "codification": q.codification ?? "", "level": q.level, "group": q.group, "subfield": q.subfield ?? "",
            "description": q.description ?? "", "role": q.role ?? "", "jobTitles": q.jobTitles,
            "total": q.packaging?.total.map(String.init) ?? "?", "inti": q.packaging?.inti.map(String.init) ?? "?",
            "pilihan": q.packaging?.pilihan.map(String.init) ?? "?",
            "intiTable": ["rows": rows(.inti)], "pilihanTable": ["rows": rows(.pilihan)], "prerequisiteTree": roots,
            "hasTree": !roots.isEmpty, "source": d.source, "line": q.line,
            "findings": findings(about: [q.id] + q.units.map(\.code.raw)),
        ]
        return Page(
            path: SitePaths.qualification(q.id), template: "qualification",
            title: "Kualifikasi \(q.letter) — \(d.label)", context: context)
    }

    func unit(_ entry: UnitIndex.Entry) -> Page {
        let versions: [[String: Any]] = entry.versions.map { v in
            [
                "code": v.code.raw,
                "titles": v.titles.map {
                    ["title": $0.title, "places": $0.places.map { ["file": $0.file, "line": $0.line] }]
                },
                "uses": v.uses.map { ["label": $0.label, "role": $0.role, "href": $0.href] },
                "prerequisites": v.prerequisites.map(unitLink), "hasPrerequisites": !v.prerequisites.isEmpty,
                "hasRequiredBy": !v.requiredBy.isEmpty,
                "requiredBy": v.requiredBy.map { ["code": unitLink($0.code), "label": $0.label] },
            ]
        }
        let context: [String: Any] = [
            "identity": entry.identity, "versions": versions, "versionCount": entry.versions.count,
            "title": entry.versions.first?.titles.first?.title ?? "",
            "findings": findings(about: [entry.identity] + entry.versions.map(\.code.raw)),
        ]
        return Page(
            path: SitePaths.unit(entry.identity), template: "unit", title: "Unit \(entry.identity)", context: context)
    }

    func scheme(_ s: Scheme) -> Page {
        let context: [String: Any] = [
            "title": s.title, "name": s.name ?? "", "type": s.packagingType.label,
            "typeText": s.packagingTypeText ?? "",
            "level": s.level.map(String.init) ?? "", "owner": s.owner ?? "", "documentNumber": s.documentNumber ?? "",
            "approvedDate": s.approvedDate ?? "", "source": s.source, "line": s.line,
            "citations": s.citations.map { c -> [String: Any] in
                [
                    "label": c.label, "title": c.title ?? "",
                    "href": decreeIDs.contains(c.decreeID) ? SitePaths.decree(c.decreeID) : false, "line": c.line,
                ]
            },
            "units": s.units.map { u -> [String: Any] in
                [
                    "number": u.number.map(String.init) ?? "", "code": unitLink(u.code), "title": u.cleanTitle,
                    "line": u.line,
                ]
            },
            "requirements": s.requirements,
            "findings": findings(about: [s.id] + s.units.map(\.code.raw)),
        ]
        return Page(path: SitePaths.scheme(s.id), template: "scheme", title: "Skema \(s.occupation)", context: context)
    }

    func findings() -> Page {
        let files = Array(Set(input.diagnostics.map(\.location.file))).sorted()
        let context: [String: Any] = [
            "findings": input.diagnostics.map(findingContext),
            "rules": input.rules.map { ["identifier": $0.identifier, "name": $0.name] },
            "files": files, "count": input.diagnostics.count,
        ]
        return Page(path: "temuan.html", template: "findings", title: "Temuan", context: context)
    }

    func rulesIndex() -> Page {
        let counts = Dictionary(grouping: input.diagnostics, by: \.rule).mapValues(\.count)
        let context: [String: Any] = [
            "rules": input.rules.map {
                [
                    "identifier": $0.identifier, "name": $0.name, "severity": $0.severity.label, "summary": $0.summary,
                    "href": SitePaths.rule($0.identifier), "count": counts[$0.identifier] ?? 0,
                ]
            }
        ]
        return Page(path: "aturan/index.html", template: "rules", title: "Aturan pemeriksa", context: context)
    }

    func rule(_ r: RuleInfo) -> Page {
        let context: [String: Any] = [
            "identifier": r.identifier, "name": r.name, "severity": r.severity.label, "summary": r.summary,
            "rationale": r.rationale,
            "findings": input.diagnostics.filter { $0.rule == r.identifier }.map(findingContext),
        ]
        return Page(
            path: SitePaths.rule(r.identifier), template: "rule", title: "\(r.identifier) \(r.name)", context: context)
    }

    func search() -> Page {
        Page(path: "cari.html", template: "search", title: "Cari", context: [:])
    }
}

extension SchemeType {
    var label: String { self == .unspecified ? "tidak dipilih" : rawValue }
}

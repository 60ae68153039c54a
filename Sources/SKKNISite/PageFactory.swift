import Foundation
import SKKNICore
import SKKNITemplates

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
    /// The documents with a page under `sumber/`.
    let sourceFileSet: Set<String>
    /// Each unit version's status (current, superseded, revoked, unknown).
    let unitStatus: UnitStatusIndex

    /// `units`: `UnitIndex.build(input.catalog)`, when the caller has it already.
    init(input: SiteInput, units: [String: UnitIndex.Entry]? = nil) {
        self.input = input
        var bySubject: [String: [Diagnostic]] = [:]
        for d in input.diagnostics { bySubject[d.subject, default: []].append(d) }
        findingsBySubject = bySubject
        self.units = units ?? UnitIndex.build(input.catalog)
        qualificationIDs = Set(input.catalog.decrees.flatMap { $0.qualifications.map(\.id) })
        schemeIDs = Set(input.catalog.schemes.map(\.id))
        qualifications = input.catalog.qualifications
        decreeIDs = Set(input.catalog.decrees.map(\.id) + input.catalog.standards.map(\.id))
        sourceFileSet = Set(Self.sourceFiles(of: input))
        unitStatus = UnitStatusIndex(units: self.units, catalog: input.catalog)
    }

    /// A page to be declared: cheap to hold for every page at once; `page(_:)` builds its
    /// context only when a worker is about to render it, so contexts never pile up in memory.
    enum Plan: Sendable {
        case home, findings, rulesIndex, search, changes
        case decree(Int)
        case standard(Int)
        case qualification(Int)
        case unit(String)
        case scheme(Int)
        case rule(Int)
        case index(IndexKind)
        case source(String)
    }

    func plan() -> [Plan] {
        var plans: [Plan] = [.home, .findings, .rulesIndex, .search]
        if input.changes != nil { plans.append(.changes) }
        plans += input.catalog.decrees.indices.map(Plan.decree)
        plans += input.catalog.standards.indices.map(Plan.standard)
        plans += qualifications.indices.map(Plan.qualification)
        plans += units.keys.sorted().map(Plan.unit)
        plans += input.catalog.schemes.indices.map(Plan.scheme)
        plans += input.rules.indices.map(Plan.rule)
        plans += IndexKind.allCases.map(Plan.index)
        plans += sourceFiles.map(Plan.source)
        return plans
    }

    func page(_ plan: Plan) -> Page {
        switch plan {
        case .home: home()
        case .findings: findingsPage()
        case .rulesIndex: rulesIndex()
        case .search: search()
        case .changes: changesPage(input.changes!.revision, input.changes!.diff)
        case .decree(let i): decree(input.catalog.decrees[i])
        case .standard(let i): standard(input.catalog.standards[i])
        case .qualification(let i): qualification(qualifications[i].qualification, in: qualifications[i].decree)
        case .unit(let identity): unit(units[identity]!)
        case .scheme(let i): scheme(input.catalog.schemes[i])
        case .rule(let i): rule(input.rules[i])
        case .index(let kind): indexPage(kind)
        case .source(let file): sourcePage(file)
        }
    }

    func all() -> [Page] { plan().map(page) }

    /// What the search finds: unit identities, qualifications and schemes, with their pages.
    func searchEntries() -> [SearchIndex.Entry] {
        var entries: [SearchIndex.Entry] = input.catalog.decrees.map {
            SearchIndex.Entry(label: $0.label, title: $0.title, path: SitePaths.decree($0.id), kind: "Keputusan")
        }
        for (d, q) in qualifications {
            entries.append(
                SearchIndex.Entry(
                    label: "Kualifikasi \(q.letter)", title: "\(q.group) jenjang \(q.level) · \(d.label)",
                    path: SitePaths.qualification(q.id), kind: "Kualifikasi", codes: q.codification.map { [$0] } ?? []))
        }
        for identity in units.keys.sorted() {
            let entry = units[identity]!
            // What the unit's definitions say: its description, elements and their criteria.
            var text: [String] = []
            for version in entry.versions {
                for place in version.definitions {
                    let d = place.definition
                    if let description = d.description { text.append(description) }
                    for element in d.elements {
                        text.append(element.title)
                        for criterion in element.criteria { text.append(criterion.text) }
                    }
                }
            }
            entries.append(
                SearchIndex.Entry(
                    label: identity, title: entry.versions.first?.titles.first?.title ?? "",
                    path: SitePaths.unit(identity), codes: entry.versions.map(\.code.raw), text: text))
        }
        for s in input.catalog.schemes {
            entries.append(
                SearchIndex.Entry(
                    label: "Skema", title: s.name ?? s.title, path: SitePaths.scheme(s.id), kind: "Skema",
                    codes: s.documentNumber.map { [$0] } ?? []))
        }
        entries += standardSearchEntries()
        return entries
    }

    /// `perubahan.html`: the meaning of the change since a revision (units, versions, titles, findings).
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

    // MARK: shared pieces

    func findingContext(_ d: Diagnostic, showingLine: Bool = true) -> TemplateValue {
        [
            "rule": .text(d.rule), "name": .text(d.name), "severity": .text(d.severity.rawValue),
            "severityLabel": .text(d.severity.label), "summary": .text(ruleSummary(d.rule)),
            "status": .text(d.suppressed ? "diterima" : "baru"),
            "fileHref": .textOrFalse(sourceHref(d.location.file, d.location.line)),
            "message": .text(Self.siteWording(d.message)),
            "file": .text(d.location.file),
            "line": .number(d.location.line),
            "sourceLine": .textOrFalse(showingLine ? input.sourceLine(d.location.file, d.location.line) : nil),
            "suppressed": .flag(d.suppressed), "reason": .textOrFalse(d.suppressed ? d.reason : nil),
            "ruleHref": .text(SitePaths.rule(d.rule)),
            "subjectHref": .textOrFalse(subjectHref(d.subject)), "subject": .text(d.subject),
        ]
    }

    func findings(about subjects: [String]) -> TemplateValue {
        var seen = Set<Diagnostic>()
        var list: [Diagnostic] = []
        for s in subjects {
            for d in findingsBySubject[s] ?? [] where seen.insert(d).inserted { list.append(d) }
        }
        return findingList(list.sorted(by: Diagnostic.ordered))
    }

    func subjectHref(_ subject: String) -> String? {
        if qualificationIDs.contains(subject) { return SitePaths.qualification(subject) }
        if schemeIDs.contains(subject) { return SitePaths.scheme(subject) }
        let identity = UnitCode(subject).identity
        if units[identity] != nil { return SitePaths.unit(identity) }
        if units[subject] != nil { return SitePaths.unit(subject) }
        return nil
    }

    func unitLink(_ code: UnitCode, missing: Bool? = nil) -> TemplateValue {
        let known = units[code.identity] != nil
        var link: TemplateObject = [
            "code": .text(code.raw), "href": .text(known ? SitePaths.unit(code.identity) : ""), "known": .flag(known),
        ]
        if let missing { link["missing"] = .flag(missing) }
        return .object(link)
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
            "line": .number(q.line), "findings": findings(about: [q.id] + q.units.map(\.code.raw)),
        ]
        return Page(
            path: SitePaths.qualification(q.id), template: "qualification",
            title: "Kualifikasi \(q.letter) — \(d.label)", context: context)
    }

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
            "findings": findings(about: [entry.identity] + entry.versions.map(\.code.raw)),
            "replaces": replacesContext(entry), "hasReplaces": .flag(unitStatus.replaces[entry.identity] != nil),
            "status": newest.map { statusContext($0, in: entry) }.map(TemplateValue.object) ?? .flag(false),
        ]
        return Page(
            path: SitePaths.unit(entry.identity), template: "unit", title: "Unit \(entry.identity)", context: context)
    }

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
            "findings": findings(about: [s.id] + s.units.map(\.code.raw)),
        ]
        return Page(path: SitePaths.scheme(s.id), template: "scheme", title: "Skema \(s.occupation)", context: context)
    }

    func rulesIndex() -> Page {
        let counts = Dictionary(grouping: input.diagnostics, by: \.rule).mapValues(\.count)
        let context: TemplateObject = [
            "rules": .list(
                input.rules.map {
                    [
                        "identifier": .text($0.identifier), "name": .text($0.name),
                        "severity": .text($0.severity.label),
                        "summary": .text($0.summary), "href": .text(SitePaths.rule($0.identifier)),
                        "count": .number(counts[$0.identifier] ?? 0),
                    ]
                })
        ]
        return Page(path: "aturan/index.html", template: "rules", title: "Aturan pemeriksa", context: context)
    }

    func rule(_ r: RuleInfo) -> Page {
        let context: TemplateObject = [
            "identifier": .text(r.identifier), "name": .text(r.name), "severity": .text(r.severity.label),
            "summary": .text(r.summary), "rationale": .text(r.rationale),
            "triggering": .texts(r.triggeringExamples), "nonTriggering": .texts(r.nonTriggeringExamples),
            "hasExamples": .flag(!r.triggeringExamples.isEmpty || !r.nonTriggeringExamples.isEmpty),
            "findings": .list(input.diagnostics.filter { $0.rule == r.identifier }.map { findingContext($0) }),
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

import Foundation
import SKKNICore
import SKKNITemplates

/// What every page kind (`Pages/`, registered in `PageKinds.all`) renders from: the input and
/// the lookups built from it once per site, and the pieces several kinds show (findings, unit
/// links). The pages themselves are declared by their kinds.
struct PageFactory {
    let input: SiteInput
    let findingsBySubject: [String: [Diagnostic]]
    /// Unit identity -> its versions, titles and uses.
    let units: [String: UnitIndex.Entry]
    /// `units`' keys, sorted.
    let unitIdentities: [String]
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
        unitIdentities = self.units.keys.sorted()
        qualificationIDs = Set(input.catalog.decrees.flatMap { $0.qualifications.map(\.id) })
        schemeIDs = Set(input.catalog.schemes.map(\.id))
        qualifications = input.catalog.qualifications
        decreeIDs = Set(input.catalog.decrees.map(\.id) + input.catalog.standards.map(\.id))
        sourceFileSet = Set(Self.sourceFiles(of: input))
        unitStatus = UnitStatusIndex(units: self.units, identities: unitIdentities, catalog: input.catalog)
    }

    /// Every page of the site, each kind's in the order of `PageKinds.all`.
    func plan() -> [PagePlan] {
        var plans: [PagePlan] = []
        for kind in PageKinds.all { plans += kind.pages(self).map { PagePlan(kind: kind, key: $0) } }
        return plans
    }

    func page(_ plan: PagePlan) -> Page { plan.kind.page(plan.key, self) }

    func all() -> [Page] { plan().map(page) }

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
}

extension SchemeType {
    var label: String { self == .unspecified ? "tidak dipilih" : rawValue }
}

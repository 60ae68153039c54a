import SKKNICore

/// One kind of page (home, decree, unit, scheme, …), in a file of its own under `Pages/`, the
/// way a rule is: it declares its pages, renders one, and declares what its pages read, so
/// that `build --watch` re-renders it when, and only when, a change reaches what it reads
/// (`SiteChange.plans`). Registered in `PageKinds.all`.
protocol PageKind: Sendable {
    /// A short name for tests and messages: `home`, `unit`, `scheme-index`.
    static var identifier: String { get }
    /// What its pages show, for developers.
    static var description: String { get }
    /// Everything its pages show besides the templates, declared without a default, as a
    /// rule declares its scope: a read left out makes `build --watch` serve the page stale
    /// (and `PageKindTests` fail).
    static var reads: Set<SiteRead> { get }
    /// Its pages on this site, in order.
    static func pages(_ site: PageFactory) -> [PageKey]
    /// One of its pages, its context built now (a worker calls this just before rendering).
    static func page(_ key: PageKey, _ site: PageFactory) -> Page
    /// What one of its pages is about, for the per-page reads (`SiteRead.isPerPage`).
    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects
}

extension PageKind {
    static func subjects(_ key: PageKey, _ site: PageFactory) -> PageSubjects { PageSubjects() }
}

/// Every page kind, in the order the site declares their pages.
enum PageKinds {
    static let all: [any PageKind.Type] = [
        HomePage.self,
        FindingsPage.self,
        RulesIndexPage.self,
        SearchPage.self,
        ChangesPage.self,
        DecreePage.self,
        StandardDecreePage.self,
        QualificationPage.self,
        UnitPage.self,
        SchemePage.self,
        RulePage.self,
        DecreeIndexPage.self,
        QualificationIndexPage.self,
        UnitIndexPage.self,
        SchemeIndexPage.self,
        SourcePage.self,
    ]
}

/// Which of its kind's pages a page is: a kind's only page, a position in a model list, or a
/// name (a unit identity, a document's path).
enum PageKey: Hashable, Sendable {
    case only
    case index(Int)
    case name(String)

    var index: Int {
        guard case .index(let i) = self else { preconditionFailure("\(self) is not an index key") }
        return i
    }

    var name: String {
        guard case .name(let name) = self else { preconditionFailure("\(self) is not a named key") }
        return name
    }
}

/// What a page can show that a change can alter. The first four change only with a full
/// build (`SiteGenerator.update` gives up on them); a scheme edit can change the others.
enum SiteRead: String, CaseIterable, Hashable, Sendable {
    /// The KKNI and SKKNI decrees, their qualifications and definitions, and the findings
    /// located in them (by every rule's scope, `RuleScope`, a function of the decrees alone).
    case decrees
    /// `build --since`: what changed since a revision.
    case changes
    /// Which unit identities have a page: every link to a unit, on or off.
    case unitIdentities
    /// Every unit's titles: a unit only schemes use is replaced by a decreed one of its title.
    case unitTitles

    /// Each scheme's id, name, packaging type, owner and unit count, in catalogue order.
    case schemeList
    /// Each unit identity's first title and its versions' codes.
    case unitList
    /// Every finding as listed: message, place, the source line it quotes, its links.
    case findings
    /// How many findings there are by rule, severity and status (new or accepted).
    case findingCounts

    /// The findings of the page's rule (`PageSubjects.rule`).
    case ruleFindings
    /// The findings about the page's subjects (`PageSubjects.findingSubjects`), with the
    /// source lines they quote.
    case findingsAbout
    /// The entries of the page's units (`PageSubjects.units`): versions, titles, uses,
    /// prerequisites, definitions.
    case unitEntry
    /// The page's document (`PageSubjects.document`): a scheme's fields and rows, a source
    /// file's lines.
    case document

    /// Only a full build changes it.
    var isFullBuildOnly: Bool {
        switch self {
        case .decrees, .changes, .unitIdentities, .unitTitles: true
        default: false
        }
    }

    /// Changed for the pages about what changed, not for every page of a kind that reads it.
    var isPerPage: Bool {
        switch self {
        case .ruleFindings, .findingsAbout, .unitEntry, .document: true
        default: false
        }
    }
}

/// What one page is about, matched against a change's per-page reads.
struct PageSubjects {
    /// The subjects whose findings the page lists (`findings(about:)` takes the same list).
    var findingSubjects: [String] = []
    var rule: String?
    /// The unit identities whose entries the page shows (`unitEntry`).
    var units: [String] = []
    var document: String?
}

/// A page to be declared: cheap to hold for every page at once; `PageFactory.page(_:)` builds
/// its context only when a worker is about to render it, so contexts never pile up in memory.
struct PagePlan: Sendable {
    let kind: any PageKind.Type
    let key: PageKey
}

/// What a change of scheme documents changed, as `SiteGenerator.schemeChange` found it: the
/// pages to render are the pages whose kind's declared reads it reaches.
struct SiteChange: Sendable {
    /// The site-wide reads that changed (`schemeList`, `unitList`, `findings`, `findingCounts`).
    var reads: Set<SiteRead> = []
    /// Changed documents (`document`).
    var documents: Set<String> = []
    /// Unit identities whose entries were built again (`unitEntry`).
    var units: Set<String> = []
    /// Subjects and rules of the findings that differ or quote a changed document
    /// (`findingsAbout`, `ruleFindings`).
    var findingSubjects: Set<String> = []
    var findingRules: Set<String> = []

    /// Whether the change reaches page `key` of `kind`.
    func touches(_ kind: any PageKind.Type, _ key: PageKey, _ site: PageFactory) -> Bool {
        let reads = kind.reads
        if !reads.isDisjoint(with: self.reads) { return true }
        return touchesOwn(reads, kind.subjects(key, site))
    }

    private func touchesOwn(_ reads: Set<SiteRead>, _ about: PageSubjects) -> Bool {
        if reads.contains(.document), let document = about.document, documents.contains(document) { return true }
        if reads.contains(.unitEntry), about.units.contains(where: units.contains) { return true }
        if reads.contains(.ruleFindings), let rule = about.rule, findingRules.contains(rule) { return true }
        if reads.contains(.findingsAbout), !findingSubjects.isEmpty {
            return about.findingSubjects.contains(where: findingSubjects.contains)
        }
        return false
    }

    /// The pages of `site` the change reaches: every page of a kind whose site-wide reads
    /// changed, and of the others those whose own subjects did.
    func plans(_ site: PageFactory) -> [PagePlan] {
        var plans: [PagePlan] = []
        for kind in PageKinds.all {
            let reads = kind.reads
            if !reads.isDisjoint(with: self.reads) {
                plans += kind.pages(site).map { PagePlan(kind: kind, key: $0) }
            } else if reads.contains(where: \.isPerPage) {
                for key in kind.pages(site) where touchesOwn(reads, kind.subjects(key, site)) {
                    plans.append(PagePlan(kind: kind, key: key))
                }
            }
        }
        return plans
    }

    /// The same change, reduced to one read: which pages that read alone re-renders.
    func only(_ read: SiteRead) -> SiteChange {
        var change = SiteChange()
        switch read {
        case .document: change.documents = documents
        case .unitEntry: change.units = units
        case .ruleFindings: change.findingRules = findingRules
        case .findingsAbout: change.findingSubjects = findingSubjects
        default: if reads.contains(read) { change.reads = [read] }
        }
        return change
    }
}

/// What `skkni report` shows a scheme committee: the draft's units against the catalogue,
/// its findings grouped by root cause with how to fix each, and how it differs from its
/// qualification's packaging.
public struct DraftReview: Sendable {
    /// How a draft unit compares with the catalogue.
    public enum UnitMatch: String, Sendable, CaseIterable {
        /// Code and title as in a decree.
        case matches
        /// The code is in a decree, under another title.
        case titleDiffers
        /// The unit is in a decree in another version.
        case otherVersion
        /// No decree in the catalogue holds the code.
        case unknown
        /// Not a unit code in either format.
        case malformed

        /// The word the committee reads.
        public var label: String {
            switch self {
            case .matches: "cocok"
            case .titleDiffers: "judul berbeda"
            case .otherVersion: "versi lain"
            case .unknown: "tidak dikenal"
            case .malformed: "kode rusak"
            }
        }

        public var ok: Bool { self == .matches }
    }

    public struct UnitStatus: Sendable {
        public var line: Int
        public var code: String
        public var title: String
        public var match: UnitMatch
        public var detail: String
        /// The catalogue code to write instead, when one fits.
        public var correction: UnitCode?

        public var ok: Bool { match.ok }

        public init(
            line: Int, code: String, title: String, match: UnitMatch, detail: String, correction: UnitCode? = nil
        ) {
            self.line = line
            self.code = code
            self.title = title
            self.match = match
            self.detail = detail
            self.correction = correction
        }
    }

    /// One root cause: the finding to fix, how, and the other findings the same fix resolves.
    public struct FindingWithFix: Sendable {
        public var diagnostic: Diagnostic
        public var fix: String
        public var resolves: [Diagnostic]

        public init(diagnostic: Diagnostic, fix: String, resolves: [Diagnostic] = []) {
            self.diagnostic = diagnostic
            self.fix = fix
            self.resolves = resolves
        }
    }

    public struct PackagingRow: Sendable {
        public var code: String
        public var title: String
        public var role: String
        /// "ada", "tidak ada", "versi lain", "di luar kemasan"
        public var inDraft: String
        public var ok: Bool

        public init(code: String, title: String, role: String, inDraft: String, ok: Bool) {
            self.code = code
            self.title = title
            self.role = role
            self.inDraft = inDraft
            self.ok = ok
        }
    }

    public var draft: Scheme
    public var units: [UnitStatus]
    /// One entry per root cause.
    public var findings: [FindingWithFix]
    /// The qualification the draft is compared with, described, and the comparison.
    public var qualification: String?
    public var packaging: [PackagingRow]
    /// What the draft was checked against: the catalogue's decrees and schemes.
    public var checkedAgainst: String

    /// Every finding, those resolved by another's fix included.
    public var findingCount: Int { findings.reduce(0) { $0 + 1 + $1.resolves.count } }

    public init(
        draft: Scheme, units: [UnitStatus], findings: [FindingWithFix], qualification: String?,
        packaging: [PackagingRow], checkedAgainst: String = ""
    ) {
        self.draft = draft
        self.units = units
        self.findings = findings
        self.qualification = qualification
        self.packaging = packaging
        self.checkedAgainst = checkedAgainst
    }
}

/// What `skkni report` shows a scheme committee: the draft's units against the catalogue,
/// its findings with how to fix each, and how it differs from its qualification's packaging.
public struct DraftReview: Sendable {
    public struct UnitStatus: Sendable {
        public var line: Int
        public var code: String
        public var title: String
        /// "cocok", "versi lain", "tidak dikenal", "kode rusak"
        public var status: String
        public var detail: String
        public var ok: Bool

        public init(line: Int, code: String, title: String, status: String, detail: String, ok: Bool) {
            self.line = line
            self.code = code
            self.title = title
            self.status = status
            self.detail = detail
            self.ok = ok
        }
    }

    public struct FindingWithFix: Sendable {
        public var diagnostic: Diagnostic
        public var fix: String

        public init(diagnostic: Diagnostic, fix: String) {
            self.diagnostic = diagnostic
            self.fix = fix
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
    public var findings: [FindingWithFix]
    /// The qualification the draft is compared with, described, and the comparison.
    public var qualification: String?
    public var packaging: [PackagingRow]

    public init(
        draft: Scheme, units: [UnitStatus], findings: [FindingWithFix], qualification: String?,
        packaging: [PackagingRow]
    ) {
        self.draft = draft
        self.units = units
        self.findings = findings
        self.qualification = qualification
        self.packaging = packaging
    }
}

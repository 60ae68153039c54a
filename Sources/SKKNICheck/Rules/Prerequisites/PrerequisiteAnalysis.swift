import SKKNICore

/// How a prerequisite of a unit row stands against the qualification that packages the row.
enum PrerequisiteStatus {
    case packaged
    /// The qualification packages the same unit at another version.
    case otherVersion([UnitCode])
    /// No decree in the catalogue lists the unit at any version.
    case unknown
    case notPackaged
}

enum PrerequisiteAnalysis {
    static func status(of prerequisite: UnitCode, in q: Qualification, context: CheckContext) -> PrerequisiteStatus {
        if q.units.contains(where: { $0.code == prerequisite }) { return .packaged }
        let sameIdentity = q.units.map(\.code).filter { $0.identity == prerequisite.identity }
        if !sameIdentity.isEmpty { return .otherVersion(Array(Set(sameIdentity)).sorted()) }
        if context.rows(identity: prerequisite.identity).isEmpty { return .unknown }
        return .notPackaged
    }

    /// Pilihan units are chosen, so a pilihan whose prerequisite is missing only closes that
    /// choice; an inti unit with one makes the qualification impossible to complete.
    static func severity(for role: UnitRole, default severity: Severity) -> Severity {
        role == .inti ? severity : .warning
    }
}

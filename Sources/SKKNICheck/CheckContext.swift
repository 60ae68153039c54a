import SKKNICore

/// A unit row of a decree's qualification, with its place. A class: rules pass rows around
/// by the hundred thousand, and a struct copy would retain every field of the decree.
public final class DecreeRow: Sendable {
    public let decree: Decree
    public let qualification: Qualification
    public let unit: QualificationUnit
    public let location: SourceLocation

    public init(decree: Decree, qualification: Qualification, unit: QualificationUnit) {
        self.decree = decree
        self.qualification = qualification
        self.unit = unit
        self.location = SourceLocation(file: decree.source, line: unit.line)
    }
}

/// The catalogue prepared for rules: every index built once, so no rule compares all pairs.
public struct CheckContext: Sendable {
    public let catalog: Catalog
    /// Draft schemes checked against the catalogue without being part of it.
    public let drafts: [Scheme]
    public let decreeRows: [DecreeRow]
    public let rowsByCode: [String: [Int]]
    public let rowsByIdentity: [String: [Int]]
    /// Decree units by folded title, for finding a unit under another code.
    public let codesByFoldedTitle: [String: [UnitCode]]
    public let decreeIDs: Set<String>
    /// Decrees revoked by a decree in the catalogue: revoked id -> (revoking decree, reference).
    public let revokedBy: [String: (Decree, DecreeReference)]

    public init(catalog: Catalog, drafts: [Scheme] = []) {
        self.catalog = catalog
        self.drafts = drafts
        var rows: [DecreeRow] = []
        for decree in catalog.decrees {
            for q in decree.qualifications {
                for unit in q.units { rows.append(DecreeRow(decree: decree, qualification: q, unit: unit)) }
            }
        }
        decreeRows = rows
        var byCode: [String: [Int]] = [:]
        var byIdentity: [String: [Int]] = [:]
        var byTitle: [String: Set<UnitCode>] = [:]
        // Folding titles is the costly part: on all cores.
        let folded = ConcurrentMap.map(rows.map(\.unit.title)) { TitleText.fold($0) }
        for (i, row) in rows.enumerated() {
            byCode[row.unit.code.raw, default: []].append(i)
            byIdentity[row.unit.code.identity, default: []].append(i)
            byTitle[folded[i], default: []].insert(row.unit.code)
        }
        rowsByCode = byCode
        rowsByIdentity = byIdentity
        codesByFoldedTitle = byTitle.mapValues { $0.sorted() }
        decreeIDs = Set(catalog.decrees.map(\.id))
        var revoked: [String: (Decree, DecreeReference)] = [:]
        for decree in catalog.decrees {
            for reference in decree.revokes where revoked[reference.decreeID] == nil {
                revoked[reference.decreeID] = (decree, reference)
            }
        }
        revokedBy = revoked
    }

    /// Catalogue schemes first, then drafts.
    public var schemes: [Scheme] { catalog.schemes + drafts }

    public func rows(code: UnitCode) -> [DecreeRow] { (rowsByCode[code.raw] ?? []).map { decreeRows[$0] } }
    public func rows(identity: String) -> [DecreeRow] { (rowsByIdentity[identity] ?? []).map { decreeRows[$0] } }

    /// The highest version of a unit identity among decree rows.
    public func latestVersion(of identity: String) -> UnitCode? {
        rows(identity: identity).map(\.unit.code).max { $0.versionNumber < $1.versionNumber }
    }

    /// The prerequisites the catalogue states for a code, across every row that lists it.
    public func prerequisites(of code: UnitCode) -> [UnitCode] {
        var seen = Set<UnitCode>()
        var result: [UnitCode] = []
        for row in rows(code: code) {
            for p in row.unit.prerequisites where seen.insert(p).inserted { result.append(p) }
        }
        return result
    }

    public func location(_ scheme: Scheme, line: Int) -> SourceLocation {
        SourceLocation(file: scheme.source, line: line)
    }

    /// `kualifikasi K (KEPMEN 3/2021)`
    public static func describe(_ q: Qualification, in decree: Decree) -> String {
        "kualifikasi \(q.letter) (\(decree.label), jenjang \(q.level) \(q.group))"
    }
}

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
    /// Catalogue schemes first, then drafts.
    public let schemes: [Scheme]
    /// How each unit of `schemes[i]` relates to the decrees: resolved once here (on all
    /// cores) instead of once per rule that asks.
    private(set) var resolutions: [[SchemeUnitResolution]] = []

    public init(catalog: Catalog, drafts: [Scheme] = []) {
        self.catalog = catalog
        self.drafts = drafts
        var collected: [DecreeRow] = []
        for decree in catalog.decrees {
            for q in decree.qualifications {
                for unit in q.units { collected.append(DecreeRow(decree: decree, qualification: q, unit: unit)) }
            }
        }
        decreeRows = collected
        let rows = collected  // a constant, shared with the worker threads
        // Folding titles is the costly part: on all cores.
        let folded = ConcurrentMap.map(rows.map(\.unit.title)) { TitleText.fold($0) }
        // The three indexes are independent: built side by side.
        let indexes = ConcurrentMap.map([0, 1, 2]) { which in
            var index: [String: [Int]] = [:]
            for (i, row) in rows.enumerated() {
                let key = which == 0 ? row.unit.code.raw : which == 1 ? row.unit.code.identity : folded[i]
                index[key, default: []].append(i)
            }
            return index
        }
        rowsByCode = indexes[0]
        rowsByIdentity = indexes[1]
        codesByFoldedTitle = indexes[2].mapValues { indices in
            // Nearly every title belongs to one row: no set to build.
            indices.count == 1 ? [rows[indices[0]].unit.code] : Array(Set(indices.map { rows[$0].unit.code })).sorted()
        }
        decreeIDs = Set(catalog.decrees.map(\.id))
        var revoked: [String: (Decree, DecreeReference)] = [:]
        for decree in catalog.decrees {
            for reference in decree.revokes where revoked[reference.decreeID] == nil {
                revoked[reference.decreeID] = (decree, reference)
            }
        }
        revokedBy = revoked
        schemes = catalog.schemes + drafts
        let indexed = self
        resolutions = ConcurrentMap.map(schemes) { scheme in
            scheme.units.map { SchemeUnitResolution.resolve($0, context: indexed) }
        }
    }

    public func rows(code: UnitCode) -> [DecreeRow] { (rowsByCode[code.raw] ?? []).map { decreeRows[$0] } }
    public func rows(identity: String) -> [DecreeRow] { (rowsByIdentity[identity] ?? []).map { decreeRows[$0] } }
    public func hasRows(code: UnitCode) -> Bool { rowsByCode[code.raw] != nil }

    /// The highest version of a unit identity among decree rows.
    public func latestVersion(of identity: String) -> UnitCode? {
        var latest: UnitCode?
        for i in rowsByIdentity[identity] ?? [] {
            let code = decreeRows[i].unit.code
            if latest == nil || code.versionNumber > latest!.versionNumber { latest = code }
        }
        return latest
    }

    /// The catalogue code each unit of `schemes[i]` stands for (see `SchemeUnitResolution`).
    func catalogCodes(ofScheme i: Int) -> [UnitCode?] {
        zip(schemes[i].units, resolutions[i]).map { $1.catalogCode(for: $0) }
    }

    /// The prerequisites the catalogue states for a code, across every row that lists it.
    public func prerequisites(of code: UnitCode) -> [UnitCode] {
        guard let indices = rowsByCode[code.raw] else { return [] }
        // One row without prerequisites is the common case: answer without allocating.
        if indices.count == 1, decreeRows[indices[0]].unit.prerequisites.isEmpty { return [] }
        var seen = Set<UnitCode>()
        var result: [UnitCode] = []
        for i in indices {
            for p in decreeRows[i].unit.prerequisites where seen.insert(p).inserted { result.append(p) }
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

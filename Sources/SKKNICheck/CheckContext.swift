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

/// The decrees' rows and their indexes: what every check needs and what stays the same while
/// only scheme documents change (`build --watch` keeps it between rebuilds).
public final class DecreeIndex: Sendable {
    public let decreeRows: [DecreeRow]
    public let rowsByCode: [String: [Int]]
    public let rowsByIdentity: [String: [Int]]
    public let decreeIDs: Set<String>
    /// Decrees revoked by a decree in the catalogue: revoked id -> (revoking decree, reference).
    public let revokedBy: [String: (Decree, DecreeReference)]

    /// Codes the SKKNI decrees list or define, and the highest version of each identity: a
    /// scheme unit one of them defines is known to the catalogue.
    let standardCodes: Set<String>
    let standardLatest: [String: UnitCode]
    /// The units the SKKNI decrees define, by code and identity, for the rules comparing rows with them.
    let standardDefinitions: StandardDefinitionIndex

    /// The indexes of `decrees` and of the SKKNI decrees `standards`: built once and kept by a
    /// watching build while only schemes change.
    public init(_ decrees: [Decree], standards: [StandardDecree] = []) {
        var standardCodes = Set<String>()
        var standardLatest: [String: UnitCode] = [:]
        let listed = standards.reduce(0) { $0 + $1.listedUnits.count + $1.definitions.count }
        standardCodes.reserveCapacity(listed)
        standardLatest.reserveCapacity(listed)
        for standard in standards {
            for code in standard.listedUnits.map(\.code) + standard.definitions.map(\.code) where code.isValid {
                standardCodes.insert(code.raw)
                if let latest = standardLatest[code.identity], latest.versionNumber >= code.versionNumber { continue }
                standardLatest[code.identity] = code
            }
        }
        self.standardCodes = standardCodes
        self.standardLatest = standardLatest
        standardDefinitions = StandardDefinitionIndex(standards)
        var collected: [DecreeRow] = []
        collected.reserveCapacity(decrees.reduce(0) { $0 + $1.qualifications.reduce(0) { $0 + $1.units.count } })
        for decree in decrees {
            for q in decree.qualifications {
                for unit in q.units { collected.append(DecreeRow(decree: decree, qualification: q, unit: unit)) }
            }
        }
        decreeRows = collected
        let rows = collected  // a constant, shared with the worker threads
        // The two code indexes are independent: built side by side.
        let keys: [@Sendable (DecreeRow) -> String] = [{ $0.unit.code.raw }, { $0.unit.code.identity }]
        let indexes = ConcurrentMap.map(keys) { key in
            var index: [String: [Int]] = [:]
            for (i, row) in rows.enumerated() { index[key(row), default: []].append(i) }
            return index
        }
        (rowsByCode, rowsByIdentity) = (indexes[0], indexes[1])
        decreeIDs = Set(decrees.map(\.id))
        var revoked: [String: (Decree, DecreeReference)] = [:]
        for decree in decrees {
            for reference in decree.revokes where revoked[reference.decreeID] == nil {
                revoked[reference.decreeID] = (decree, reference)
            }
        }
        revokedBy = revoked
    }
}

/// Which findings a check is asked for.
public enum CheckFocus: Sendable {
    /// All of them.
    case everything
    /// Only those that depend on the context's schemes (see `RuleScope`): rules skip their
    /// decree-only part; per-code rules look at these unit codes.
    case schemes(codes: Set<String>)
}

/// The catalogue prepared for rules: every index built once, so no rule compares all pairs.
public struct CheckContext: Sendable {
    public let catalog: Catalog
    /// Draft schemes checked against the catalogue without being part of it.
    public let drafts: [Scheme]
    public let decreeIndex: DecreeIndex
    public let focus: CheckFocus
    public var decreeRows: [DecreeRow] { decreeIndex.decreeRows }
    public var rowsByCode: [String: [Int]] { decreeIndex.rowsByCode }
    public var rowsByIdentity: [String: [Int]] { decreeIndex.rowsByIdentity }
    /// Decree units by folded title, for finding a unit under another code.
    public let codesByFoldedTitle: [String: [UnitCode]]
    public var decreeIDs: Set<String> { decreeIndex.decreeIDs }
    /// Decrees revoked by a decree in the catalogue: revoked id -> (revoking decree, reference).
    public var revokedBy: [String: (Decree, DecreeReference)] { decreeIndex.revokedBy }
    /// Catalogue schemes first, then drafts.
    public let schemes: [Scheme]
    /// How each unit of `schemes[i]` relates to the decrees: resolved once here (on all
    /// cores) instead of once per rule that asks.
    private(set) var resolutions: [[SchemeUnitResolution]] = []
    /// Decree unit identities by unit number and field, built only when some scheme code is unknown.
    let nearIdentities: NearIdentityIndex
    /// Codes the SKKNI decrees list or define, and the highest version of each identity: a
    /// scheme unit one of them defines is known to the catalogue.
    var standardCodes: Set<String> { decreeIndex.standardCodes }
    var standardLatest: [String: UnitCode] { decreeIndex.standardLatest }
    /// The units the SKKNI decrees define, by code and identity, for the rules comparing rows with them.
    var standardDefinitions: StandardDefinitionIndex { decreeIndex.standardDefinitions }

    /// `decreeIndex` must be `DecreeIndex(catalog.decrees, standards: catalog.standards)` when
    /// given (it saves building it).
    public init(
        catalog: Catalog, drafts: [Scheme] = [], decreeIndex: DecreeIndex? = nil, focus: CheckFocus = .everything
    ) {
        self.catalog = catalog
        self.drafts = drafts
        self.focus = focus
        let index = decreeIndex ?? DecreeIndex(catalog.decrees, standards: catalog.standards)
        self.decreeIndex = index
        let rows = index.decreeRows
        let allSchemes = catalog.schemes + drafts
        // Titles are looked up only for scheme units whose code and identity the decrees do
        // not know: fold just the decree titles whose signature one of those could match,
        // instead of all of them.
        var wanted = Set<UInt64>()
        for scheme in allSchemes {
            for unit in scheme.units
            where unit.code.isValid && index.rowsByCode[unit.code.raw] == nil
                && index.rowsByIdentity[unit.code.identity] == nil
            {
                wanted.insert(Self.titleSignature(TitleText.fold(unit.title)))
            }
        }
        nearIdentities = wanted.isEmpty ? NearIdentityIndex() : NearIdentityIndex(index.rowsByIdentity.keys)
        var byTitle: [String: Set<UnitCode>] = [:]
        if !wanted.isEmpty {
            for row in rows where wanted.contains(Self.foldedTitleSignature(row.unit.title)) {
                byTitle[TitleText.fold(row.unit.title), default: []].insert(row.unit.code)
            }
        }
        codesByFoldedTitle = byTitle.mapValues { $0.sorted() }
        schemes = allSchemes
        let indexed = self
        resolutions = ConcurrentMap.map(schemes) { scheme in
            scheme.units.map { SchemeUnitResolution.resolve($0, context: indexed) }
        }
    }

    /// Whether rules report what depends on the decrees alone.
    public var checksDecrees: Bool {
        if case .everything = focus { return true }
        return false
    }

    /// The decrees whose own content a rule checks: none when only scheme findings are asked for.
    public var checkedDecrees: [Decree] { checksDecrees ? catalog.decrees : [] }

    /// The decree rows whose own content a rule checks: none when only scheme findings are asked for.
    public var checkedDecreeRows: [DecreeRow] { checksDecrees ? decreeRows : [] }

    /// A hash of a text's letters and digits, ASCII lowercased, other bytes as they are. Folding
    /// keeps letters and digits and only lowercases them, so equal folded titles have equal
    /// signatures of their folded text.
    static func titleSignature(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            let lower = byte.asciiLowercased
            if (0x30...0x39).contains(lower) || (0x61...0x7A).contains(lower) || lower >= 0x80 {
                hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
            }
        }
        return hash
    }

    /// `titleSignature(TitleText.fold(title))` without folding: a plain ASCII title without
    /// markup tags has the letters and digits of its folded form already. Others are folded.
    static func foldedTitleSignature(_ title: String) -> UInt64 {
        title.utf8.contains { $0 == UInt8(ascii: "<") || $0 >= 0x80 }
            ? titleSignature(TitleText.fold(title)) : titleSignature(title)
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

import SKKNICore

/// How a scheme's unit code relates to the decree units in the catalogue.
enum SchemeUnitResolution: Sendable {
    case exact
    /// Another version of a unit only an SKKNI decree of the catalogue defines: an older one is
    /// standard-version-newer's finding, a newer one is a version nobody defined.
    case otherStandardVersion(defined: UnitCode)
    case outdated(latest: UnitCode)
    case newerThanCatalog(latest: UnitCode)
    /// Unknown code one typing slip away from catalogue codes (best first: same title, then same version).
    case mistyped(candidates: [UnitCode])
    /// Unknown code whose title equals a catalogue unit's under another code.
    case superseded(by: [UnitCode])
    case unknown
    case malformed

    static func resolve(_ unit: SchemeUnit, context: CheckContext) -> SchemeUnitResolution {
        guard unit.code.isValid else { return .malformed }
        if context.hasRows(code: unit.code) || context.standardCodes.contains(unit.code.raw) { return .exact }
        if let latest = context.latestVersion(of: unit.code.identity) {
            return latest.versionNumber > unit.code.versionNumber
                ? .outdated(latest: latest) : .newerThanCatalog(latest: latest)
        }
        if let defined = context.standardLatest[unit.code.identity] { return .otherStandardVersion(defined: defined) }
        let sameTitle = (context.codesByFoldedTitle[TitleText.fold(unit.title)] ?? []).filter {
            $0.identity != unit.code.identity
        }
        let near = context.nearIdentities.neighbours(of: unit.code.identity)
        if !near.inField.isEmpty || !near.inNumber.isEmpty {
            // A slip of one character explains the code better than a re-coded unit does.
            let title = TitleText.fold(unit.title)
            let candidates = (near.inField + near.inNumber).compactMap { identity -> (code: UnitCode, rank: Int)? in
                let codes = context.rows(identity: identity).map(\.unit.code)
                guard let latest = codes.max() else { return nil }
                let sameVersion = codes.first { $0.versionNumber == unit.code.versionNumber }
                let code = sameVersion ?? latest
                let titled = context.rows(identity: identity).contains { TitleText.fold($0.unit.title) == title }
                // Another unit number of the same field is a slip only when the titles agree.
                if !titled, near.inNumber.contains(identity) { return nil }
                return (code, (titled ? 0 : 2) + (sameVersion == nil ? 1 : 0))
            }
            if !candidates.isEmpty {
                return .mistyped(
                    candidates: candidates.sorted { ($0.rank, $0.code) < ($1.rank, $1.code) }.map(\.code))
            }
        }
        if !sameTitle.isEmpty { return .superseded(by: sameTitle) }
        return .unknown
    }

    /// The catalogue code a scheme unit stands for: itself, or the code it probably superseded.
    func catalogCode(for unit: SchemeUnit) -> UnitCode? {
        switch self {
        case .exact: unit.code
        case .superseded(let codes): codes.count == 1 ? codes[0] : nil
        default: nil
        }
    }
}

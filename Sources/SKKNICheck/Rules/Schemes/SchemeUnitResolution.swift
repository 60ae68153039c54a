import SKKNICore

/// How a scheme's unit code relates to the decree units in the catalogue.
enum SchemeUnitResolution: Sendable {
    case exact
    case outdated(latest: UnitCode)
    case newerThanCatalog(latest: UnitCode)
    /// Unknown code whose title equals a catalogue unit's under another code.
    case superseded(by: [UnitCode])
    case unknown
    case malformed

    static func resolve(_ unit: SchemeUnit, context: CheckContext) -> SchemeUnitResolution {
        guard unit.code.isValid else { return .malformed }
        if context.hasRows(code: unit.code) { return .exact }
        if let latest = context.latestVersion(of: unit.code.identity) {
            return latest.versionNumber > unit.code.versionNumber
                ? .outdated(latest: latest) : .newerThanCatalog(latest: latest)
        }
        let sameTitle = (context.codesByFoldedTitle[TitleText.fold(unit.title)] ?? []).filter {
            $0.identity != unit.code.identity
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

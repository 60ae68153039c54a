import Foundation

/// A competency unit code as written in a document, e.g. `C.282210.007.01` (older format)
/// or `C.28LOG09.002.2` (newer format). The raw text is always kept, so a code that does
/// not parse is reported rather than dropped.
public struct UnitCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Format: String, Sendable, Codable {
        /// `C.282210.007.01`: section letter, six digits, unit number, two-digit version.
        case older
        /// `C.28LOG09.002.2`: section letter, two digits, field abbreviation, sub-field, unit, version.
        case newer
        /// `TIK.PR02.001.01`, `PAR.MG01.003.01`: codes from before 2012 (sector abbreviation, group,
        /// unit, two-digit version), still used by schemes that keep old units.
        case legacy
        /// Anything else; kept as raw text.
        case invalid
    }

    public let raw: String
    public let format: Format
    /// Everything before the last dot: the unit's identity across versions. Stored, because
    /// codes are sorted and grouped by it hundreds of thousands of times in a national catalogue.
    public let identity: String
    /// Numeric version for ordering (`01` and `1` are both 1).
    public let versionNumber: Int

    public init(_ raw: String) {
        self.raw = raw
        self.format = UnitCode.classify(raw)
        if let dot = raw.lastIndex(of: ".") {
            identity = String(raw[..<dot])
            versionNumber = Int(raw[raw.index(after: dot)...]) ?? 0
        } else {
            identity = raw
            versionNumber = 0
        }
    }

    // Everything else is derived from the raw text.
    public static func == (lhs: UnitCode, rhs: UnitCode) -> Bool { lhs.raw == rhs.raw }
    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    public var isValid: Bool { format != .invalid }
    public var description: String { raw }

    /// The part after the last dot (`01`, `2`).
    public var version: String {
        guard let dot = raw.lastIndex(of: ".") else { return "" }
        return String(raw[raw.index(after: dot)...])
    }

    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool {
        if lhs.identity != rhs.identity { return lhs.identity < rhs.identity }
        if lhs.versionNumber != rhs.versionNumber { return lhs.versionNumber < rhs.versionNumber }
        return lhs.raw < rhs.raw
    }

    static func classify(_ text: String) -> Format {
        let bytes = Array(text.utf8)
        if matchesOlder(bytes) { return .older }
        if matchesNewer(bytes) { return .newer }
        if matchesLegacy(bytes) { return .legacy }
        return .invalid
    }

    private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static let dot = UInt8(ascii: ".")

    /// `X.999999.999.99`
    private static func matchesOlder(_ b: [UInt8]) -> Bool {
        guard b.count == 15, isUpper(b[0]), b[1] == dot, b[8] == dot, b[12] == dot else { return false }
        return b[2..<8].allSatisfy(isDigit) && b[9..<12].allSatisfy(isDigit) && b[13..<15].allSatisfy(isDigit)
    }

    /// `X.99AAA99.999.9`: two digits, a field abbreviation of two to four letters, two digits.
    private static func matchesNewer(_ b: [UInt8]) -> Bool {
        guard b.count >= 13, isUpper(b[0]), b[1] == dot else { return false }
        let parts = b[2...].split(separator: dot, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let field = Array(parts[0])
        guard field.count >= 6, field.count <= 8 else { return false }
        let letters = field[2..<(field.count - 2)]
        guard isDigit(field[0]), isDigit(field[1]), letters.allSatisfy(isUpper),
            isDigit(field[field.count - 2]), isDigit(field[field.count - 1])
        else { return false }
        return parts[1].count == 3 && parts[1].allSatisfy(isDigit) && parts[2].count == 1
            && parts[2].allSatisfy(isDigit)
    }

    /// `AAA.AA99.999.99`: a sector of two to four letters, a group of one to four letters and one
    /// to three digits, a three-digit unit and a two-digit version.
    private static func matchesLegacy(_ b: [UInt8]) -> Bool {
        let parts = b.split(separator: dot, omittingEmptySubsequences: false)
        guard parts.count == 4, (2...4).contains(parts[0].count), parts[0].allSatisfy(isUpper) else { return false }
        let group = Array(parts[1])
        guard let firstDigit = group.firstIndex(where: isDigit), (1...4).contains(firstDigit),
            group[..<firstDigit].allSatisfy(isUpper), (1...3).contains(group.count - firstDigit),
            group[firstDigit...].allSatisfy(isDigit)
        else { return false }
        return parts[2].count == 3 && parts[2].allSatisfy(isDigit) && parts[3].count == 2
            && parts[3].allSatisfy(isDigit)
    }

    /// Letters and digits that OCR and typists confuse.
    static let confusables: [Character: [Character]] = [
        "O": ["0"], "0": ["O"], "I": ["1"], "1": ["I", "l"], "l": ["1"],
        "S": ["5"], "5": ["S"], "B": ["8"], "8": ["B"],
    ]

    /// Valid codes reachable from an invalid one by swapping one or two confusable
    /// characters (O/0, I/1, l/1, S/5, B/8), sorted. Empty for a valid code.
    public func confusableCorrections() -> [UnitCode] {
        guard !isValid else { return [] }
        let chars = Array(raw)
        var found = Set<String>()
        let positions = chars.indices.filter { UnitCode.confusables[chars[$0]] != nil }
        for (n, first) in positions.enumerated() {
            for a in UnitCode.confusables[chars[first]]! {
                var one = chars
                one[first] = a
                let oneText = String(one)
                if UnitCode.classify(oneText) != .invalid { found.insert(oneText) }
                for second in positions[(n + 1)...] {
                    for b in UnitCode.confusables[chars[second]]! {
                        var two = one
                        two[second] = b
                        let twoText = String(two)
                        if UnitCode.classify(twoText) != .invalid { found.insert(twoText) }
                    }
                }
            }
        }
        return found.sorted().map(UnitCode.init)
    }
}

import SKKNICore

/// Catalogue unit identities one typing slip away from an unknown one: a letter or digit
/// missing, doubled, extra or different (`N.78SP02.035` for `N.78SPS02.035`). Identities are
/// bucketed by their unit number and by their field, so a lookup compares a few dozen
/// identities, not a national catalogue's hundred thousand.
struct NearIdentityIndex: Sendable {
    private var byUnitNumber: [Substring: [String]] = [:]
    private var byField: [Substring: [String]] = [:]

    init() {}

    init(_ identities: some Sequence<String>) {
        for identity in identities {
            let (field, number) = Self.split(identity)
            byUnitNumber[number, default: []].append(identity)
            byField[field, default: []].append(identity)
        }
    }

    /// `N.78SPS02.035` -> (`N.78SPS02`, `035`).
    static func split(_ identity: String) -> (field: Substring, number: Substring) {
        guard let dot = identity.lastIndex(of: ".") else { return (identity[...], "") }
        return (identity[..<dot], identity[identity.index(after: dot)...])
    }

    /// The identities at edit distance one from `identity`, sorted: `inField` those whose field
    /// differs by one character (the same unit number), `inNumber` those of the same field whose
    /// unit number differs by one digit. The second kind is also what neighbouring units of one
    /// field look like (`.098` and `.099`), so only a matching title makes it a slip.
    func neighbours(of identity: String) -> (inField: [String], inNumber: [String]) {
        let (field, number) = Self.split(identity)
        let bytes = Array(identity.utf8)
        let inField = (byUnitNumber[number] ?? []).filter {
            $0 != identity && Self.isOneEditApart(Array($0.utf8), bytes)
        }
        let inNumber = (byField[field] ?? []).filter {
            $0 != identity && Self.isOneEditApart(Array($0.utf8), bytes)
        }
        return (inField.sorted(), inNumber.sorted())
    }

    /// One insertion, deletion or substitution turns `a` into `b`.
    static func isOneEditApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count {
            return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } == 1
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        return long[(i + 1)...].elementsEqual(short[i...])
    }
}

import SKKNICore
import SKKNITemplates

/// Whether a unit version is current, superseded or unknown, and why: a newer version in the
/// catalogue, a code set by a decree with the same title (the old code a scheme still uses),
/// or the revocation of the only decrees that set it. Built once per site from the unit index:
/// O(units); a page asks in O(its versions).
struct UnitStatusIndex: Sendable {
    enum Status: String, Sendable {
        case current = "berlaku"
        case superseded = "digantikan"
        case revoked = "dicabut"
        case unknown = "tidak diketahui"
    }

    struct Verdict {
        var status: Status
        var reason: String
        /// Codes that replace this one (links).
        var replacedBy: [UnitCode] = []
    }

    /// Identities set by a decree (a qualification's table or an SKKNI definition), by the
    /// folded key of each of their titles.
    private var decreedByTitle: [String: [UnitCode]] = [:]
    /// Old identity (only in schemes) -> the decreed codes with its title; and the other way.
    private(set) var replacements: [String: [UnitCode]] = [:]
    private(set) var replaces: [String: [UnitCode]] = [:]
    /// Qualification ids whose decree a decree in the catalogue revokes.
    private var revokedQualifications: Set<String> = []

    /// `identities`: `units`' keys, sorted (the page factory has them).
    init(units: [String: UnitIndex.Entry], identities: [String], catalog: Catalog) {
        let revoked = Set(catalog.decrees.flatMap { $0.revokes.map { "\($0.number)/\($0.year)" } })
        for d in catalog.decrees where d.number.map({ revoked.contains("\($0)/\(d.year)") }) == true {
            for q in d.qualifications { revokedQualifications.insert(SitePaths.qualification(q.id)) }
        }
        // Versions and titles by index: copying each out was a third of this index's time,
        // which a watched change pays again.
        decreedByTitle.reserveCapacity(identities.count)
        for identity in identities {
            let versions = units[identity]!.versions
            for v in versions.indices where Self.decreed(versions[v]) {
                for t in versions[v].titles.indices {
                    decreedByTitle[versions[v].titles[t].key, default: []].append(versions[v].code)
                }
            }
        }
        for identity in identities {
            let entry = units[identity]!
            guard !entry.versions.contains(where: Self.decreed) else { continue }
            var found: [UnitCode] = []
            for v in entry.versions.indices {
                for t in entry.versions[v].titles.indices {
                    for code in decreedByTitle[entry.versions[v].titles[t].key] ?? []
                    where code.identity != identity && !found.contains(code) {
                        found.append(code)
                    }
                }
            }
            guard !found.isEmpty else { continue }
            replacements[identity] = found
            for code in found where !(replaces[code.identity]?.contains(UnitCode(identity)) ?? false) {
                replaces[code.identity, default: []].append(entry.versions.last?.code ?? UnitCode(identity))
            }
        }
    }

    static func decreed(_ version: UnitIndex.Version) -> Bool {
        !version.definitions.isEmpty || version.uses.contains { $0.role != "skema" }
    }

    /// The newest version; of versions with the same number (`.2` and `.02`), one a decree sets.
    static func newest(_ entry: UnitIndex.Entry) -> UnitIndex.Version? {
        entry.versions.max {
            ($0.code.versionNumber, decreed($0) ? 1 : 0) < ($1.code.versionNumber, decreed($1) ? 1 : 0)
        }
    }

    func verdict(_ version: UnitIndex.Version, in entry: UnitIndex.Entry) -> Verdict {
        let newest = Self.newest(entry)!
        if version.code.versionNumber < newest.code.versionNumber {
            return Verdict(
                status: .superseded, reason: "versi lebih baru \(newest.code.raw) ada di katalog",
                replacedBy: [newest.code])
        }
        if Self.decreed(version) {
            let qualifications = version.uses.filter { $0.role != "skema" }.map(\.href)
            if version.definitions.isEmpty, !qualifications.isEmpty,
                qualifications.allSatisfy(revokedQualifications.contains)
            {
                return Verdict(status: .revoked, reason: "keputusan yang menetapkannya telah dicabut")
            }
            return Verdict(
                status: .current, reason: "ditetapkan oleh keputusan dalam katalog; tidak ada versi lebih baru")
        }
        if version.code != newest.code, Self.decreed(newest) {
            // The same version number written another way (`.02` for `.2`).
            return Verdict(
                status: .superseded, reason: "nomor versi yang sama dengan \(newest.code.raw), ditulis lain",
                replacedBy: [newest.code])
        }
        if let codes = replacements[entry.identity] {
            return Verdict(
                status: .superseded,
                reason: "hanya dipakai skema; kode lain berjudul sama ditetapkan oleh keputusan dalam katalog",
                replacedBy: codes)
        }
        return Verdict(
            status: .unknown,
            reason:
                "hanya dipakai skema; tidak ditetapkan oleh keputusan dalam katalog dan tidak ada kode lain berjudul sama"
        )
    }
}

extension PageFactory {
    /// The unit page's status fields for one version, and the identity's "replaces" links.
    func statusContext(_ version: UnitIndex.Version, in entry: UnitIndex.Entry) -> TemplateObject {
        let verdict = unitStatus.verdict(version, in: entry)
        return [
            "status": .text(verdict.status.rawValue),
            "statusKey": .text(verdict.status == .current ? "current" : verdict.status == .unknown ? "unknown" : "old"),
            "statusReason": .text(verdict.reason), "replacedBy": .list(verdict.replacedBy.map { unitLink($0) }),
            "hasReplacedBy": .flag(!verdict.replacedBy.isEmpty),
        ]
    }

    func replacesContext(_ entry: UnitIndex.Entry) -> TemplateValue {
        .list((unitStatus.replaces[entry.identity] ?? []).map { unitLink($0) })
    }
}

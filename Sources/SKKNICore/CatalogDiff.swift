/// What a change to the catalogue means: units added, removed, re-versioned and retitled,
/// and findings introduced and fixed, so a pull request is reviewed by meaning, not by JSON lines.
public struct CatalogDiff: Sendable {
    public struct UnitChange: Sendable, Equatable {
        public var identity: String
        public var before: [String]
        public var after: [String]
        public var where_: [String]
    }

    /// A unit whose SKKNI definition (description, elements, performance criteria, limits,
    /// assessment guidance) changed under the same code: what changed, in the decree's numbering.
    public struct DefinitionChange: Sendable, Equatable {
        public var code: String
        public var decree: String
        public var changes: [String]

        public init(code: String, decree: String, changes: [String]) {
            self.code = code
            self.decree = decree
            self.changes = changes
        }
    }

    public struct FindingChange: Sendable {
        public var diagnostic: Diagnostic
    }

    public var addedUnits: [UnitChange] = []
    public var removedUnits: [UnitChange] = []
    /// Same identity, different set of versions.
    public var reversioned: [UnitChange] = []
    /// Same code, different (folded) title.
    public var retitled: [UnitChange] = []
    /// Same code defined by an SKKNI decree before and after, with a different definition.
    public var redefined: [DefinitionChange] = []
    public var addedDocuments: [String] = []
    public var removedDocuments: [String] = []
    public var introduced: [Diagnostic] = []
    public var fixed: [Diagnostic] = []

    public var isEmpty: Bool {
        addedUnits.isEmpty && removedUnits.isEmpty && reversioned.isEmpty && retitled.isEmpty && redefined.isEmpty
            && addedDocuments.isEmpty && removedDocuments.isEmpty && introduced.isEmpty && fixed.isEmpty
    }

    /// Every unit the catalogue lists: identity -> code -> (titles, places).
    struct UnitView {
        var versions: [String: [String: String]] = [:]  // identity -> raw code -> clean title (first seen)
        var places: [String: Set<String>] = [:]  // identity -> where listed

        init(_ catalog: Catalog) {
            for (decree, q) in catalog.qualifications {
                for u in q.units { add(u.code, u.cleanTitle, "kualifikasi \(q.letter) \(decree.label)") }
            }
            for s in catalog.schemes {
                for u in s.units where u.code.isValid { add(u.code, u.cleanTitle, "skema \(s.id)") }
            }
            // SKKNI decrees: the units they list and define.
            for s in catalog.standards {
                for u in s.listedUnits where u.code.isValid { add(u.code, u.title, s.label) }
                for d in s.definitions where d.code.isValid { add(d.code, d.title, s.label) }
            }
        }

        mutating func add(_ code: UnitCode, _ title: String, _ place: String) {
            if versions[code.identity, default: [:]][code.raw] == nil {
                versions[code.identity, default: [:]][code.raw] = title
            }
            places[code.identity, default: []].insert(place)
        }
    }

    public static func compare(
        before: Catalog, after: Catalog, findingsBefore: [Diagnostic], findingsAfter: [Diagnostic]
    ) -> CatalogDiff {
        var diff = CatalogDiff()
        let old = UnitView(before)
        let new = UnitView(after)
        for identity in Set(old.versions.keys).union(new.versions.keys).sorted() {
            let was = old.versions[identity] ?? [:]
            let now = new.versions[identity] ?? [:]
            let places = (new.places[identity] ?? old.places[identity] ?? []).sorted()
            let change = UnitChange(
                identity: identity, before: was.keys.sorted(), after: now.keys.sorted(), where_: places)
            if was.isEmpty {
                diff.addedUnits.append(change)
            } else if now.isEmpty {
                diff.removedUnits.append(change)
            } else {
                if change.before != change.after { diff.reversioned.append(change) }
                for (code, title) in now.sorted(by: { $0.key < $1.key }) {
                    if let previous = was[code], TitleText.fold(previous) != TitleText.fold(title) {
                        diff.retitled.append(
                            UnitChange(identity: code, before: [previous], after: [title], where_: places))
                    }
                }
            }
        }
        diff.redefined = definitionChanges(before: before, after: after)
        let oldDocuments = Set(
            before.decrees.map(\.source) + before.schemes.map(\.source) + before.standards.map(\.source))
        let newDocuments = Set(
            after.decrees.map(\.source) + after.schemes.map(\.source) + after.standards.map(\.source))
        diff.addedDocuments = newDocuments.subtracting(oldDocuments).sorted()
        diff.removedDocuments = oldDocuments.subtracting(newDocuments).sorted()
        // Findings match by rule, file, subject and message: a line shift is not a change.
        func key(_ d: Diagnostic) -> String { "\(d.rule)\u{1F}\(d.location.file)\u{1F}\(d.subject)\u{1F}\(d.message)" }
        let oldKeys = Set(findingsBefore.map(key))
        let newKeys = Set(findingsAfter.map(key))
        diff.introduced = findingsAfter.filter { !oldKeys.contains(key($0)) }
        diff.fixed = findingsBefore.filter { !newKeys.contains(key($0)) }
        return diff
    }

    /// Each code defined before and after whose definition differs, with the differences named
    /// as the decree numbers them (`KUK 1.2 berubah`, `elemen 3 baru`).
    static func definitionChanges(before: Catalog, after: Catalog) -> [DefinitionChange] {
        var old: [String: UnitDefinition] = [:]
        for s in before.standards { for d in s.definitions where old[d.code.raw] == nil { old[d.code.raw] = d } }
        var seen = Set<String>()
        var found: [DefinitionChange] = []
        for s in after.standards {
            for d in s.definitions where seen.insert(d.code.raw).inserted {
                guard let was = old[d.code.raw] else { continue }
                let changes = differences(was, d)
                if !changes.isEmpty {
                    found.append(DefinitionChange(code: d.code.raw, decree: s.label, changes: changes))
                }
            }
        }
        return found.sorted { $0.code < $1.code }
    }

    static func differences(_ a: UnitDefinition, _ b: UnitDefinition) -> [String] {
        var out: [String] = []
        if a.description != b.description { out.append("deskripsi berubah") }
        func compare<Key: Hashable>(
            _ name: String, _ old: [(Key, String)], _ new: [(Key, String)], label: (Key) -> String
        ) {
            let was = Dictionary(old, uniquingKeysWith: { first, _ in first })
            let now = Dictionary(new, uniquingKeysWith: { first, _ in first })
            for (key, text) in new where was[key] != nil && was[key] != text {
                out.append("\(name) \(label(key)) berubah")
            }
            for (key, _) in new where was[key] == nil { out.append("\(name) \(label(key)) baru") }
            for (key, _) in old where now[key] == nil { out.append("\(name) \(label(key)) dihapus") }
        }
        compare("elemen", a.elements.map { ($0.number, $0.title) }, b.elements.map { ($0.number, $0.title) }) {
            String($0)
        }
        compare(
            "KUK", a.elements.flatMap { $0.criteria.map { ($0.number, $0.text) } },
            b.elements.flatMap { $0.criteria.map { ($0.number, $0.text) } }
        ) { $0 }
        if a.limits.map(\.text) != b.limits.map(\.text) { out.append("batasan variabel berubah") }
        if a.assessment.map(\.text) != b.assessment.map(\.text) { out.append("panduan penilaian berubah") }
        if a.prerequisites.map(\.code) != b.prerequisites.map(\.code) { out.append("persyaratan kompetensi berubah") }
        return out
    }

    /// The change as text for a terminal or a pull-request comment (Bahasa Indonesia).
    public func text(since revision: String) -> String {
        var out = ["Perubahan katalog sejak \(revision):"]
        if isEmpty {
            out.append("  tidak ada perubahan makna (unit, versi, judul, temuan)")
            return out.joined(separator: "\n") + "\n"
        }
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out.append("")
            out.append("\(title) (\(lines.count)):")
            out += lines.map { "  \($0)" }
        }
        section("Dokumen baru", addedDocuments)
        section("Dokumen dihapus", removedDocuments)
        section(
            "Unit baru",
            addedUnits.map { "+ \($0.after.joined(separator: ", "))  di \($0.where_.joined(separator: "; "))" })
        section(
            "Unit dihapus",
            removedUnits.map { "- \($0.before.joined(separator: ", "))  dari \($0.where_.joined(separator: "; "))" })
        section(
            "Versi berubah",
            reversioned.map {
                "~ \($0.identity): \($0.before.joined(separator: ", ")) -> \($0.after.joined(separator: ", "))"
            })
        section(
            "Judul berubah",
            retitled.map { "~ \($0.identity): \"\($0.before[0])\" -> \"\($0.after[0])\"" })
        section(
            "Uraian unit berubah",
            redefined.map { "~ \($0.code) (\($0.decree)): \($0.changes.joined(separator: "; "))" })
        section("Temuan baru", introduced.map(Self.describe))
        section("Temuan selesai", fixed.map(Self.describe))
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ d: Diagnostic) -> String {
        "\(d.location.file):\(d.location.line): \(d.severity.rawValue): [\(d.rule)] \(d.message)"
    }
}

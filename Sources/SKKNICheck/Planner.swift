import SKKNICore

/// A unit package for one qualification: all inti units, pilihan units up to the stated
/// number, and every prerequisite those need; or the reasons no valid package exists.
public struct PackagePlan: Sendable {
    public var decree: Decree
    public var qualification: Qualification
    public var inti: [QualificationUnit]
    /// Chosen pilihan units in table order, with the unit whose prerequisite forced each, if any.
    public var pilihan: [(unit: QualificationUnit, forcedBy: UnitCode?)]
    /// The number of pilihan units the packaging rule asks for.
    public var pilihanRequired: Int
    /// Why no valid package exists (empty when the package is valid).
    public var problems: [String]
    /// Facts a committee should know: forced units beyond the count, pilihan that cannot be chosen.
    public var notes: [String]

    public var isValid: Bool { problems.isEmpty }
    public var units: [QualificationUnit] { inti + pilihan.map(\.unit) }
}

/// `skkni plan`: builds a valid package for a qualification, or checks a committee's choice.
public enum Planner {
    public enum Lookup: Sendable {
        case found(Decree, Qualification)
        case none(String)
        case ambiguous([(Decree, Qualification)])
    }

    /// Finds a qualification by id (`kepmen-3-2021-C`), section letter (`C`), or codification
    /// (`N78SPS01`, dots and case ignored) narrowed by level and group.
    public static func find(_ query: String, level: Int?, group: String?, in catalog: Catalog) -> Lookup {
        let all = catalog.qualifications
        let key = normalize(query)
        var matches = all.filter { $0.qualification.id.lowercased() == query.lowercased() }
        if matches.isEmpty { matches = all.filter { $0.qualification.letter == query.uppercased() } }
        if matches.isEmpty { matches = all.filter { normalize($0.qualification.codification ?? "") == key } }
        if let level { matches = matches.filter { $0.qualification.level == level } }
        if let group { matches = matches.filter { $0.qualification.group.lowercased().contains(group.lowercased()) } }
        switch matches.count {
        case 0: return .none("tidak ada kualifikasi yang cocok dengan '\(query)'")
        case 1: return .found(matches[0].decree, matches[0].qualification)
        default: return .ambiguous(matches.map { ($0.decree, $0.qualification) })
        }
    }

    static func normalize(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Plans a package; with `choose`, checks that choice of pilihan units instead of choosing.
    public static func plan(_ q: Qualification, in decree: Decree, catalog: Catalog, choose: [UnitCode]? = nil)
        -> PackagePlan
    {
        let context = CheckContext(catalog: catalog)
        let inti = q.units(.inti)
        let pilihanRows = q.units(.pilihan)
        let required = q.packaging?.pilihan ?? q.packaging.flatMap { p in p.total.map { $0 - inti.count } } ?? 0
        var plan = PackagePlan(
            decree: decree, qualification: q, inti: inti, pilihan: [], pilihanRequired: max(0, required),
            problems: [], notes: [])
        let who = CheckContext.describe(q, in: decree)
        let intiCodes = Set(inti.map(\.code))

        /// The pilihan rows a unit needs, transitively; or why it cannot be packaged here.
        func closure(of unit: QualificationUnit) -> (needs: [QualificationUnit], missing: [String]) {
            var needs: [QualificationUnit] = []
            var missing: [String] = []
            var seen: Set<UnitCode> = [unit.code]
            var queue = [unit]
            while !queue.isEmpty {
                let current = queue.removeFirst()
                for prerequisite in current.prerequisites where seen.insert(prerequisite).inserted {
                    if intiCodes.contains(prerequisite) { continue }
                    if let row = pilihanRows.first(where: { $0.code == prerequisite }) {
                        needs.append(row)
                        queue.append(row)
                    } else if let other = q.units.first(where: { $0.code.identity == prerequisite.identity }) {
                        // Packaged at another version: usable, but the committee should know.
                        plan.notes.append(
                            "\(current.code) mensyaratkan \(prerequisite); \(q.letter) mengemas versi \(other.code)")
                        if other.role == .pilihan, !intiCodes.contains(other.code) {
                            needs.append(other)
                            queue.append(other)
                        }
                    } else {
                        let elsewhere = Set(context.rows(identity: prerequisite.identity).map(\.qualification.letter))
                            .sorted()
                        let place =
                            elsewhere.isEmpty
                            ? "dan tidak ada di kualifikasi mana pun dalam katalog"
                            : "unit itu ada di kualifikasi \(elsewhere.joined(separator: ", "))"
                        missing.append(
                            "\(current.code) (\(current.role.rawValue), baris \(current.line)) mensyaratkan \(prerequisite), yang tidak dikemas dalam \(who); \(place)"
                        )
                    }
                }
            }
            return (needs, missing)
        }

        // Inti units are not optional: a prerequisite they lack makes every package invalid.
        var chosen: [UnitCode: UnitCode?] = [:]
        var order: [QualificationUnit] = []
        func take(_ unit: QualificationUnit, forcedBy: UnitCode?) {
            guard chosen[unit.code] == nil, !intiCodes.contains(unit.code) else { return }
            chosen[unit.code] = .some(forcedBy)
            order.append(unit)
        }
        for unit in inti {
            let (needs, missing) = closure(of: unit)
            plan.problems += missing
            for need in needs { take(need, forcedBy: unit.code) }
        }
        let forcedByInti = order.count
        if forcedByInti > plan.pilihanRequired {
            plan.notes.append(
                "persyaratan unit inti memaksa \(forcedByInti) unit pilihan, melebihi \(plan.pilihanRequired) yang diminta aturan pengemasan"
            )
        }

        if let choose {
            for code in choose {
                if intiCodes.contains(code) {
                    plan.notes.append("\(code) sudah unit inti; tidak perlu dipilih")
                    continue
                }
                guard let row = pilihanRows.first(where: { $0.code == code }) else {
                    let other = q.units.first { $0.code.identity == code.identity }
                    plan.problems.append(
                        other.map { "\(code) bukan unit pilihan \(who); yang dikemas adalah \($0.code)" }
                            ?? "\(code) bukan unit pilihan \(who)")
                    continue
                }
                take(row, forcedBy: nil)
            }
            // Every chosen unit's prerequisites must be chosen too.
            for unit in order {
                let (needs, missing) = closure(of: unit)
                plan.problems += missing
                for need in needs where chosen[need.code] == nil {
                    plan.problems.append(
                        "\(unit.code) mensyaratkan \(need.code) \(need.cleanTitle); pilih juga unit itu")
                }
            }
        } else {
            // Fill up in table order with pilihan units whose whole prerequisite chain fits.
            for unit in pilihanRows where order.count < plan.pilihanRequired && chosen[unit.code] == nil {
                guard !intiCodes.contains(unit.code) else { continue }
                let (needs, missing) = closure(of: unit)
                if !missing.isEmpty {
                    plan.notes.append("\(unit.code) tidak dapat dipilih: \(missing[0])")
                    continue
                }
                let extra = needs.filter { chosen[$0.code] == nil }
                if order.count + 1 + extra.count > plan.pilihanRequired {
                    continue  // its prerequisites would overrun the count; a later unit may fit
                }
                take(unit, forcedBy: nil)
                for need in extra { take(need, forcedBy: unit.code) }
            }
        }
        plan.pilihan = order.map { ($0, chosen[$0.code]!) }
        if choose != nil, order.count > plan.pilihanRequired {
            plan.notes.append("dipilih \(order.count) unit pilihan, lebih dari \(plan.pilihanRequired) yang diminta")
        }
        if order.count < plan.pilihanRequired {
            plan.problems.append(
                "hanya \(order.count) unit pilihan \(choose == nil ? "yang dapat dipilih" : "dipilih"), aturan pengemasan meminta \(plan.pilihanRequired)"
            )
        }
        // A prerequisite problem can be reported by several inti units; say each once.
        var seen = Set<String>()
        plan.problems = plan.problems.filter { seen.insert($0).inserted }
        seen = []
        plan.notes = plan.notes.filter { seen.insert($0).inserted }
        return plan
    }

    /// The package as a draft KKNI scheme in the seeds' text format, for `skkni check`.
    public static func draftScheme(_ plan: PackagePlan) -> String {
        let q = plan.qualification
        let d = plan.decree
        var lines = [
            "SKEMA SERTIFIKASI KKNI JENJANG \(q.level) \(q.group.uppercased())", "",
            "Draf skema ini disusun dengan skkni plan dari kualifikasi \(q.letter) \(d.label).", "",
            "4. ACUAN NORMATIF", "",
            "- 4.1. Keputusan Menteri Ketenagakerjaan Republik Indonesia Nomor \(d.number.map(String.init) ?? "…") Tahun \(d.year) tentang \(d.title).",
            "", "5. KEMASAN / PAKET KOMPETENSI", "", "5.1. Jenis Kemasan : KKNI", "",
            "5.2. Nama Skema : \(q.group) Jenjang \(q.level)", "", "NO\tKODE UNIT\tJUDUL UNIT",
        ]
        for (i, unit) in plan.units.enumerated() { lines.append("\(i + 1)\t\(unit.code.raw)\t\(unit.cleanTitle)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

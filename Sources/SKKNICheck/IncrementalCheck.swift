import SKKNICore

/// The checker's findings after some scheme documents changed while the decrees did not,
/// computed from the previous findings instead of checking the whole catalogue again: what
/// each rule's `scope` says could have changed is dropped and checked again, on the changed
/// schemes (and, for per-code rules, the schemes sharing a unit code with them).
public enum IncrementalCheck {
    /// `previous`: the checker's findings on the catalogue before the change (as `Checker.run`
    /// returned them). `catalog`: the catalogue after it, with the same decrees; `decreeIndex`
    /// is `DecreeIndex(catalog.decrees, standards: catalog.standards)`. `changedFiles`: the source paths of the scheme
    /// documents added, changed or removed; `before`: the schemes those files held before.
    public static func update(
        _ previous: [Diagnostic], catalog: Catalog, decreeIndex: DecreeIndex, changedFiles: Set<String>,
        before: [Scheme], rules: [any Rule.Type] = RuleRegistry.rules
    ) -> [Diagnostic] {
        let changed = catalog.schemes.filter { changedFiles.contains($0.source) }
        let codes = Set((before + changed).flatMap { $0.units.map(\.code.raw) })
        let scopes = Dictionary(rules.map { ($0.description.identifier, $0.scope) }, uniquingKeysWith: { a, _ in a })
        let kept = previous.filter { finding in
            guard let scope = scopes[finding.rule] else { return true }
            switch scope {
            case .decrees: return true
            case .eachScheme: return !changedFiles.contains(finding.location.file)
            case .eachUnitCode:
                return !codes.contains(finding.subject) && !changedFiles.contains(finding.location.file)
            }
        }
        let perCode = rules.contains { $0.scope == .eachUnitCode }
        let relevant = catalog.schemes.filter { scheme in
            changedFiles.contains(scheme.source) || (perCode && scheme.units.contains { codes.contains($0.code.raw) })
        }
        let context = CheckContext(
            catalog: Catalog(decrees: catalog.decrees, schemes: relevant, standards: catalog.standards),
            decreeIndex: decreeIndex,
            focus: .schemes(codes: codes))
        let rerun = rules.filter { $0.scope != .decrees }
        let found = ConcurrentMap.map(rerun.map { RuleBox(type: $0) }) { box in
            let scope = box.type.scope
            return box.type.init().check(context).filter { finding in
                scope == .eachScheme ? changedFiles.contains(finding.location.file) : codes.contains(finding.subject)
            }
        }
        return (kept + found.flatMap { $0 }).sorted(by: Diagnostic.ordered)
    }
}

import SKKNICore

/// Edits a scheme committee makes to scheme documents, applied to a catalogue's model: the
/// test input for incremental checks and site updates, which must give what a full rebuild
/// of the edited catalogue gives.
public enum SchemeEdit: CaseIterable, Sendable {
    case retitleUnit, recodeToKnownUnit, recodeToUnknownUnit, duplicateUnit, dropUnits, removeScheme,
        addScheme, unspecifyType, mistypeCode, renameScheme

    /// The catalogue after the edit, the source files it touched, and what those files held before.
    public struct Result: Sendable {
        public var catalog: Catalog
        public var changedFiles: Set<String>
        public var before: [Scheme]
    }

    /// Applies the edit to the scheme at `index` (modulo the number of schemes).
    public func apply(to catalog: Catalog, scheme index: Int) -> Result {
        var schemes = catalog.schemes
        guard !schemes.isEmpty else { return Result(catalog: catalog, changedFiles: [], before: []) }
        let i = index % schemes.count
        let original = schemes[i]
        var scheme = original
        let decreeCodes = catalog.qualifications.flatMap { $0.qualification.units.map(\.code) }
        let u = scheme.units.isEmpty ? nil : index % scheme.units.count
        switch self {
        case .retitleUnit:
            if let u {
                scheme.units[u].title += " Diubah"
                scheme.units[u].cleanTitle += " Diubah"
            }
        case .recodeToKnownUnit:
            if let u, !decreeCodes.isEmpty { scheme.units[u].code = decreeCodes[(index * 7919) % decreeCodes.count] }
        case .recodeToUnknownUnit:
            if let u { scheme.units[u].code = UnitCode("Z.99ZZZ\(index % 90 + 10).999.1") }
        case .duplicateUnit:
            if let u {
                var copy = scheme.units[u]
                copy.line = (scheme.units.map(\.line).max() ?? 0) + 1
                scheme.units.append(copy)
            }
        case .dropUnits:
            scheme.units = Array(scheme.units.prefix(1))
        case .removeScheme:
            schemes.remove(at: i)
            return Result(
                catalog: Catalog(decrees: catalog.decrees, schemes: schemes, standards: catalog.standards),
                changedFiles: [original.source],
                before: [original])
        case .addScheme:
            // A new file, named apart from every other (the importer refuses two files with one id).
            scheme.id = "tambahan\(index)-\(original.id)"
            scheme.source = original.source.replacingOccurrences(of: ".txt", with: "-tambahan\(index).txt")
            scheme.title += " Tambahan"
            schemes.append(scheme)
            return Result(
                catalog: Catalog(decrees: catalog.decrees, schemes: schemes, standards: catalog.standards),
                changedFiles: [scheme.source], before: [])
        case .unspecifyType:
            scheme.packagingType = .unspecified
            scheme.packagingTypeText = "KKNI / Okupasi / Klaster"
        case .mistypeCode:
            if let u {
                scheme.units[u].code = UnitCode(scheme.units[u].code.raw.replacingOccurrences(of: "0", with: "O"))
            }
        case .renameScheme:
            scheme.name = (scheme.name ?? scheme.title) + " Baru"
        }
        schemes[i] = scheme
        return Result(
            catalog: Catalog(decrees: catalog.decrees, schemes: schemes, standards: catalog.standards),
            changedFiles: [original.source],
            before: [original])
    }
}

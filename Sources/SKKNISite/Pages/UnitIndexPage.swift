import SKKNICore
import SKKNITemplates

/// `unit/index.html`.
enum UnitIndexPage: PageKind {
    static let identifier = "unit-index"
    static let description = "Every unit identity in one table: code, first title, versions."
    static let reads: Set<SiteRead> = [.unitIdentities, .unitList]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        var rows: [TemplateValue] = []
        for identity in site.unitIdentities {
            let entry = site.units[identity]!
            rows.append(
                IndexTable.row(
                    identity,
                    [
                        IndexTable.cell(identity, SitePaths.unit(identity)),
                        IndexTable.cell(entry.versions.first?.titles.first?.title ?? ""),
                        IndexTable.cell(entry.versions.map(\.code.raw).joined(separator: ", ")),
                    ]))
        }
        return IndexTable.page(
            path: "unit/index.html", title: "Unit kompetensi", columns: ["Kode", "Judul", "Versi"], rows: rows)
    }
}

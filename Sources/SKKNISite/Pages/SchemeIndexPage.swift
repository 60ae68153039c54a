import SKKNICore
import SKKNITemplates

/// `skema/index.html`.
enum SchemeIndexPage: PageKind {
    static let identifier = "scheme-index"
    static let description = "Every scheme in one table: occupation, packaging type, owner, number of units."
    static let reads: Set<SiteRead> = [.schemeList]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        var rows: [TemplateValue] = []
        for s in site.input.catalog.schemes {
            rows.append(
                IndexTable.row(
                    s.occupation,
                    [
                        IndexTable.cell(s.occupation, SitePaths.scheme(s.id)), IndexTable.cell(s.packagingType.label),
                        IndexTable.cell(s.owner ?? ""), IndexTable.cell(String(s.units.count)),
                    ]))
        }
        return IndexTable.page(
            path: "skema/index.html", title: "Skema sertifikasi", columns: ["Skema", "Jenis", "Pemilik", "Unit"],
            rows: rows)
    }
}

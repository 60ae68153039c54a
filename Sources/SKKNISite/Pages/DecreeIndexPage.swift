import SKKNICore
import SKKNITemplates

/// `kepmen/index.html`.
enum DecreeIndexPage: PageKind {
    static let identifier = "decree-index"
    static let description = "Every KKNI and SKKNI decree in one table: label, title, kind, date set, what it holds."
    static let reads: Set<SiteRead> = [.decrees]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        var rows: [TemplateValue] = []
        for d in site.input.catalog.decrees {
            rows.append(
                IndexTable.row(
                    d.label,
                    [
                        IndexTable.cell(d.label, SitePaths.decree(d.id)), IndexTable.cell(d.title),
                        IndexTable.cell(d.isDraft ? "KKNI (konsep)" : "KKNI"),
                        IndexTable.cell(d.dateSet.map(IndonesianDate.format) ?? ""),
                        IndexTable.cell("\(d.qualifications.count) kualifikasi"),
                    ]))
        }
        for s in site.input.catalog.standards {
            rows.append(
                IndexTable.row(
                    s.label,
                    [
                        IndexTable.cell(s.label, SitePaths.decree(s.id)), IndexTable.cell(s.title ?? ""),
                        IndexTable.cell("SKKNI"), IndexTable.cell(""), IndexTable.cell("\(s.listedUnits.count) unit"),
                    ]))
        }
        return IndexTable.page(
            path: "kepmen/index.html", title: "Keputusan",
            columns: ["Keputusan", "Judul", "Jenis", "Ditetapkan", "Isi"], rows: rows)
    }
}

import SKKNICore
import SKKNITemplates

/// `kualifikasi/index.html`.
enum QualificationIndexPage: PageKind {
    static let identifier = "qualification-index"
    static let description = "Every qualification in one table: letter, decree, level, group, number of units."
    static let reads: Set<SiteRead> = [.decrees]

    static func pages(_ site: PageFactory) -> [PageKey] { [.only] }

    static func page(_ key: PageKey, _ site: PageFactory) -> Page {
        var rows: [TemplateValue] = []
        for (d, q) in site.qualifications {
            rows.append(
                IndexTable.row(
                    "\(d.label) \(q.letter)",
                    [
                        IndexTable.cell("Kualifikasi \(q.letter)", SitePaths.qualification(q.id)),
                        IndexTable.cell(d.label, SitePaths.decree(d.id)), IndexTable.cell(String(q.level)),
                        IndexTable.cell(q.group), IndexTable.cell(String(q.units.count)),
                    ]))
        }
        return IndexTable.page(
            path: "kualifikasi/index.html", title: "Kualifikasi",
            columns: ["Kualifikasi", "Keputusan", "Jenjang", "Kelompok", "Unit"], rows: rows)
    }
}

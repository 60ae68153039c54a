import SKKNICore
import SKKNITemplates

/// The index pages (`kepmen/index.html`, `kualifikasi/index.html`, `unit/index.html`,
/// `skema/index.html`): every page of a kind in one table, sorted and filtered in the page
/// (static/table.js, which works from `file://`). One row per page listed: O(rows).
extension PageFactory {
    enum IndexKind: Int, CaseIterable, Sendable {
        case decrees, qualifications, units, schemes

        var path: String {
            switch self {
            case .decrees: "kepmen/index.html"
            case .qualifications: "kualifikasi/index.html"
            case .units: "unit/index.html"
            case .schemes: "skema/index.html"
            }
        }

        var title: String {
            switch self {
            case .decrees: "Keputusan"
            case .qualifications: "Kualifikasi"
            case .units: "Unit kompetensi"
            case .schemes: "Skema sertifikasi"
            }
        }
    }

    func indexPage(_ kind: IndexKind) -> Page {
        func cell(_ text: String, _ href: String? = nil) -> TemplateValue {
            ["text": .text(text), "href": .textOrFalse(href)]
        }
        func row(_ key: String, _ cells: [TemplateValue]) -> TemplateValue {
            ["key": .text(key), "cells": .list(cells)]
        }
        let columns: [String]
        var rows: [TemplateValue] = []
        switch kind {
        case .decrees:
            columns = ["Keputusan", "Judul", "Jenis", "Ditetapkan", "Isi"]
            for d in input.catalog.decrees {
                rows.append(
                    row(
                        d.label,
                        [
                            cell(d.label, SitePaths.decree(d.id)), cell(d.title),
                            cell(d.isDraft ? "KKNI (konsep)" : "KKNI"),
                            cell(d.dateSet.map(IndonesianDate.format) ?? ""),
                            cell("\(d.qualifications.count) kualifikasi"),
                        ]))
            }
            for s in input.catalog.standards {
                rows.append(
                    row(
                        s.label,
                        [
                            cell(s.label, SitePaths.decree(s.id)), cell(s.title ?? ""), cell("SKKNI"), cell(""),
                            cell("\(s.listedUnits.count) unit"),
                        ]))
            }
        case .qualifications:
            columns = ["Kualifikasi", "Keputusan", "Jenjang", "Kelompok", "Unit"]
            for (d, q) in qualifications {
                rows.append(
                    row(
                        "\(d.label) \(q.letter)",
                        [
                            cell("Kualifikasi \(q.letter)", SitePaths.qualification(q.id)),
                            cell(d.label, SitePaths.decree(d.id)), cell(String(q.level)), cell(q.group),
                            cell(String(q.units.count)),
                        ]))
            }
        case .units:
            columns = ["Kode", "Judul", "Versi"]
            for identity in units.keys.sorted() {
                let entry = units[identity]!
                rows.append(
                    row(
                        identity,
                        [
                            cell(identity, SitePaths.unit(identity)),
                            cell(entry.versions.first?.titles.first?.title ?? ""),
                            cell(entry.versions.map(\.code.raw).joined(separator: ", ")),
                        ]))
            }
        case .schemes:
            columns = ["Skema", "Jenis", "Pemilik", "Unit"]
            for s in input.catalog.schemes {
                rows.append(
                    row(
                        s.occupation,
                        [
                            cell(s.occupation, SitePaths.scheme(s.id)), cell(s.packagingType.label),
                            cell(s.owner ?? ""),
                            cell(String(s.units.count)),
                        ]))
            }
        }
        let context: TemplateObject = [
            "heading": .text(kind.title), "count": .number(rows.count),
            "columns": .list(columns.enumerated().map { ["label": .text($0.element), "index": .number($0.offset)] }),
            "rows": .list(rows),
        ]
        return Page(path: kind.path, template: "index", title: kind.title, context: context)
    }
}

/// The trail above every page's heading: Beranda › Keputusan › KEPMEN 3/2021 › Kualifikasi C.
/// Derived from the page's path and what its context already holds, so no page declares it.
enum Breadcrumbs {
    static func of(path: String, title: String, context: TemplateObject) -> TemplateValue {
        guard path != "index.html" else { return .list([]) }
        var trail: [(String, String?)] = [("Beranda", "index.html")]
        let folder = path.split(separator: "/").count > 1 ? String(path.split(separator: "/")[0]) : ""
        let isIndex = path.hasSuffix("/index.html")
        switch folder {
        case "kepmen": trail.append(("Keputusan", isIndex ? nil : "kepmen/index.html"))
        case "kualifikasi":
            if isIndex {
                trail.append(("Kualifikasi", nil))
            } else {
                trail.append(("Keputusan", "kepmen/index.html"))
                if case .text(let label)? = context["decreeLabel"], case .text(let href)? = context["decreeHref"] {
                    trail.append((label, href))
                }
            }
        case "unit": trail.append(("Unit", isIndex ? nil : "unit/index.html"))
        case "skema": trail.append(("Skema", isIndex ? nil : "skema/index.html"))
        case "aturan": trail.append(("Aturan", isIndex ? nil : "aturan/index.html"))
        case "sumber": trail.append(("Sumber", nil))
        default: break
        }
        if !isIndex {
            var shown = title
            if folder == "kualifikasi", let dash = title.range(of: " — ") { shown = String(title[..<dash.lowerBound]) }
            trail.append((shown, nil))
        }
        return .list(trail.map { ["label": .text($0.0), "href": .textOrFalse($0.1)] })
    }
}

/// Dates as Indonesian readers write them: `2021-01-20` -> `20 Januari 2021`. Anything that
/// is not an ISO date comes back as it was.
enum IndonesianDate {
    static let months = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
        "November", "Desember",
    ]

    static func format(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day), parts[0].count == 4
        else { return iso }
        return "\(day) \(months[month - 1]) \(year)"
    }
}

import SKKNICore
import SKKNITemplates

/// The index pages (`kepmen/index.html`, `kualifikasi/index.html`, `unit/index.html`,
/// `skema/index.html`, one kind each): every page of a kind in one table, sorted and filtered
/// in the page (static/table.js, which works from `file://`). One row per page listed: O(rows).
enum IndexTable {
    static func cell(_ text: String, _ href: String? = nil) -> TemplateValue {
        ["text": .text(text), "href": .textOrFalse(href)]
    }

    static func row(_ key: String, _ cells: [TemplateValue]) -> TemplateValue {
        ["key": .text(key), "cells": .list(cells)]
    }

    static func page(path: String, title: String, columns: [String], rows: [TemplateValue]) -> Page {
        let context: TemplateObject = [
            "heading": .text(title), "count": .number(rows.count),
            "columns": .list(columns.enumerated().map { ["label": .text($0.element), "index": .number($0.offset)] }),
            "rows": .list(rows),
        ]
        return Page(path: path, template: "index", title: title, context: context)
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

import SKKNICore
import SKKNITemplates

/// A qualification's prerequisite structure drawn as an SVG at build time: units in columns by
/// how long their prerequisite chain is (a unit right of all it requires), an arrow per
/// requirement, prerequisites the qualification does not package dashed. O(units + links)
/// per page; a table with more than `limit` linked units is left to the nested list.
extension PageFactory {
    static let graphLimit = 120

    func prerequisiteGraph(_ q: Qualification) -> TemplateValue {
        let packaged = Set(q.units.map(\.code))
        var requires: [UnitCode: [UnitCode]] = [:]
        var order: [UnitCode] = []
        func note(_ code: UnitCode) {
            if requires[code] == nil {
                requires[code] = []
                order.append(code)
            }
        }
        for u in q.units where !u.prerequisites.isEmpty {
            note(u.code)
            for p in u.prerequisites where p != u.code {
                note(p)
                if !requires[u.code]!.contains(p) { requires[u.code]!.append(p) }
            }
        }
        guard !order.isEmpty, order.count <= Self.graphLimit else { return .flag(false) }
        // Column: the longest chain of prerequisites below a unit, found by relaxing at most
        // `order.count` times (a cycle stops there instead of looping).
        var column: [UnitCode: Int] = [:]
        for code in order { column[code] = 0 }
        for _ in 0..<order.count {
            var changed = false
            for code in order {
                for p in requires[code]! where column[p]! + 1 > column[code]! && column[p]! + 1 < order.count {
                    column[code] = column[p]! + 1
                    changed = true
                }
            }
            if !changed { break }
        }
        let boxWidth = 150
        let boxHeight = 26
        let columnGap = 60
        let rowGap = 12
        var rows: [Int: Int] = [:]
        var position: [UnitCode: (x: Int, y: Int)] = [:]
        for code in order.sorted(by: { ($0.raw) < ($1.raw) }) {
            let c = column[code]!
            let r = rows[c, default: 0]
            rows[c] = r + 1
            position[code] = (10 + c * (boxWidth + columnGap), 10 + r * (boxHeight + rowGap))
        }
        let width = 20 + ((column.values.max() ?? 0) + 1) * (boxWidth + columnGap) - columnGap
        let height = 20 + (rows.values.max() ?? 1) * (boxHeight + rowGap) - rowGap
        var nodes: [TemplateValue] = []
        var edges: [TemplateValue] = []
        for code in order {
            let (x, y) = position[code]!
            let link = unitLink(code)
            var href: TemplateValue = .flag(false)
            if case .object(let fields) = link, case .flag(true)? = fields["known"] {
                href = fields["href"] ?? .flag(false)
            }
            nodes.append([
                "x": .number(x), "y": .number(y), "textX": .number(x + 8), "textY": .number(y + 17),
                "w": .number(boxWidth), "h": .number(boxHeight), "label": .text(code.raw), "href": href,
                "missing": .flag(!packaged.contains(code)),
            ])
            for p in requires[code]! {
                let from = position[p]!
                edges.append([
                    "x1": .number(from.x + boxWidth), "y1": .number(from.y + boxHeight / 2), "x2": .number(x - 4),
                    "y2": .number(y + boxHeight / 2), "missing": .flag(!packaged.contains(p)),
                ])
            }
        }
        return [
            "width": .number(width), "height": .number(height), "nodes": .list(nodes), "edges": .list(edges),
            "count": .number(order.count),
        ]
    }
}

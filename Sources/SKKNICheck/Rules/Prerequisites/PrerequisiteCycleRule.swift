import SKKNICore

public struct PrerequisiteCycleRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "SKK204", name: "prerequisite-cycle", severity: .error,
        summary: "Persyaratan kompetensi membentuk lingkaran.",
        rationale: """
            Bila A mensyaratkan B dan B (langsung atau lewat unit lain) mensyaratkan A, tidak ada urutan \
            yang memungkinkan keduanya dipenuhi. Putuskan lingkarannya di kolom persyaratan.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 4 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                ↓1.\tN.78SPS02.012.2\tMenyusun Program Pelatihan Kerja\tN.78SPS02.020.2
                2.\tN.78SPS02.020.2\tMenyusun Modul Pelatihan Kerja\tN.78SPS02.012.2
                """)
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 4 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS02.012.2\tMenyusun Program Pelatihan Kerja\tTidak ada
                2.\tN.78SPS02.020.2\tMenyusun Modul Pelatihan Kerja\tN.78SPS02.012.2
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        // The graph over exact codes, from every row that states prerequisites.
        var edges: [UnitCode: Set<UnitCode>] = [:]
        var firstRow: [UnitCode: DecreeRow] = [:]
        for row in context.decreeRows {
            if firstRow[row.unit.code] == nil || row.location < firstRow[row.unit.code]!.location {
                firstRow[row.unit.code] = row
            }
            edges[row.unit.code, default: []].formUnion(row.unit.prerequisites)
        }
        var found: [Diagnostic] = []
        for component in StronglyConnected.components(edges) {
            let isCycle = component.count > 1 || (edges[component[0]]?.contains(component[0]) ?? false)
            guard isCycle else { continue }
            let members = component.sorted()
            let rows = members.compactMap { firstRow[$0] }.sorted { $0.location < $1.location }
            guard let first = rows.first else { continue }
            found.append(
                finding(
                    "persyaratan melingkar: \(members.map(\.raw).joined(separator: " → ")) saling mensyaratkan",
                    at: first.location, subject: first.unit.code.raw,
                    related: rows.dropFirst().map {
                        RelatedLocation($0.location, "\($0.unit.code) termasuk dalam lingkaran")
                    }))
        }
        return found
    }
}

/// Tarjan's algorithm, iterative so that long chains cannot overflow the stack. Nodes are
/// numbered in sorted order first, so the walk runs on integers and stays deterministic.
enum StronglyConnected {
    static func components<Node: Hashable & Comparable>(_ edges: [Node: Set<Node>]) -> [[Node]] {
        var nodes = Set(edges.keys)
        for targets in edges.values { nodes.formUnion(targets) }
        let ordered = nodes.sorted()
        var id: [Node: Int] = [:]
        id.reserveCapacity(ordered.count)
        for (i, node) in ordered.enumerated() { id[node] = i }
        var successors = [[Int]](repeating: [], count: ordered.count)
        var roots: [Int] = []
        for (node, targets) in edges {
            let n = id[node]!
            successors[n] = targets.map { id[$0]! }.sorted()
            roots.append(n)
        }
        roots.sort()
        var index = [Int](repeating: -1, count: ordered.count)
        var lowLink = [Int](repeating: 0, count: ordered.count)
        var onStack = [Bool](repeating: false, count: ordered.count)
        var stack: [Int] = []
        var result: [[Node]] = []
        var counter = 0
        for root in roots where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while var frame = work.popLast() {
                let next = successors[frame.node]
                if frame.next < next.count {
                    let child = next[frame.next]
                    frame.next += 1
                    work.append(frame)
                    if index[child] < 0 {
                        index[child] = counter
                        lowLink[child] = counter
                        counter += 1
                        stack.append(child)
                        onStack[child] = true
                        work.append((child, 0))
                    } else if onStack[child] {
                        lowLink[frame.node] = min(lowLink[frame.node], index[child])
                    }
                    continue
                }
                if let parent = work.last {
                    lowLink[parent.node] = min(lowLink[parent.node], lowLink[frame.node])
                }
                if lowLink[frame.node] == index[frame.node] {
                    var component: [Node] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component.append(ordered[top])
                        if top == frame.node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}

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

/// Tarjan's algorithm, iterative so that long chains cannot overflow the stack.
enum StronglyConnected {
    static func components<Node: Hashable & Comparable>(_ edges: [Node: Set<Node>]) -> [[Node]] {
        var index: [Node: Int] = [:]
        var lowLink: [Node: Int] = [:]
        var onStack = Set<Node>()
        var stack: [Node] = []
        var result: [[Node]] = []
        var counter = 0
        let successors = edges.mapValues { $0.sorted() }
        for root in edges.keys.sorted() where index[root] == nil {
            var work: [(node: Node, next: Int)] = [(root, 0)]
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while var frame = work.popLast() {
                let next = successors[frame.node] ?? []
                if frame.next < next.count {
                    let child = next[frame.next]
                    frame.next += 1
                    work.append(frame)
                    if index[child] == nil {
                        index[child] = counter
                        lowLink[child] = counter
                        counter += 1
                        stack.append(child)
                        onStack.insert(child)
                        work.append((child, 0))
                    } else if onStack.contains(child) {
                        lowLink[frame.node] = min(lowLink[frame.node]!, index[child]!)
                    }
                    continue
                }
                if let parent = work.last {
                    lowLink[parent.node] = min(lowLink[parent.node]!, lowLink[frame.node]!)
                }
                if lowLink[frame.node] == index[frame.node] {
                    var component: [Node] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
                        component.append(top)
                        if top == frame.node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}

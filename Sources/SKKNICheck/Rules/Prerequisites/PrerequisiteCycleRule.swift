import SKKNICore

public struct PrerequisiteCycleRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

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
        // The graph over exact codes, from every row that states prerequisites. Codes are
        // numbered in the order the decrees first mention them (deterministic, no sort).
        var id: [String: Int] = [:]
        var codes: [UnitCode] = []
        var successors: [[Int]] = []
        var firstRow: [DecreeRow?] = []
        func number(_ code: UnitCode) -> Int {
            if let n = id[code.raw] { return n }
            id[code.raw] = codes.count
            codes.append(code)
            successors.append([])
            firstRow.append(nil)
            return codes.count - 1
        }
        var roots: [Int] = []
        for row in context.decreeRows {
            let n = number(row.unit.code)
            if firstRow[n] == nil {
                roots.append(n)
                firstRow[n] = row
            } else if row.location < firstRow[n]!.location {
                firstRow[n] = row
            }
            for p in row.unit.prerequisites {
                let m = number(p)
                if !successors[n].contains(m) { successors[n].append(m) }
            }
        }
        var found: [Diagnostic] = []
        for component in StronglyConnected.components(successors: successors, roots: roots) {
            let isCycle = component.count > 1 || successors[component[0]].contains(component[0])
            guard isCycle else { continue }
            let members = component.map { codes[$0] }.sorted()
            let rows = component.compactMap { firstRow[$0] }.sorted { $0.location < $1.location }
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

/// Tarjan's algorithm on integer nodes, iterative so that long chains cannot overflow the
/// stack. Walks from `roots` in order, so the result is deterministic.
enum StronglyConnected {
    static func components(successors: [[Int]], roots: [Int]) -> [[Int]] {
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var result: [[Int]] = []
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
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
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

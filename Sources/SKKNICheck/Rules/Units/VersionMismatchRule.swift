import SKKNICore

/// One unit identity seen at different versions across the decrees.
public struct VersionMismatchRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK102", name: "version-mismatch", severity: .warning,
        summary: "Satu unit (kode tanpa versi) muncul dengan versi berbeda di dalam keputusan.",
        rationale: """
            Bagian kode sebelum titik terakhir mengenali unit; bagian terakhir adalah versinya. Bila satu unit \
            muncul sebagai `.1` di satu tempat dan `.2` di tempat lain (termasuk yang hanya disebut sebagai \
            persyaratan), salah satunya hampir pasti keliru atau usang, dan skema yang mengacu ke sana akan \
            memakai versi yang berbeda. Temuan ini menyebut setiap tempat dan versinya; satukan versinya. \
            Versi unit di dalam skema diperiksa oleh SKK403 (scheme-unit-outdated).
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                ↓1.\tN.78SPS02.075.1\tMenilai Kemajuan Kompetensi Peserta\tTidak ada
                KOMPETENSI PILIHAN
                1.\tN.78SPS02.075.2\tMenilai Kemajuan Kompetensi Peserta\tTidak ada
                """),
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS01.001.2 Membuat Peta Kompetensi\tTidak ada
                ↓2.\tN.78SPS01.003.2 Merumuskan Standar Kompetensi\tN.78SPS01.001.1
                """),
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS01.001.2 Membuat Peta Kompetensi\tTidak ada
                2.\tN.78SPS01.003.2 Merumuskan Standar Kompetensi\tN.78SPS01.001.2
                """)
        ])

    struct Occurrence {
        var code: UnitCode
        var location: SourceLocation
        var row: DecreeRow
        /// True when the code is a prerequisite the row cites, not the row's own unit.
        var asPrerequisite: Bool

        /// Built only for findings: most occurrences never need it.
        var what: String {
            let q = row.qualification.letter
            return asPrerequisite
                ? "persyaratan \(row.unit.code) di \(q)" : "unit \(row.unit.role.rawValue) di \(q)"
        }
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var byIdentity: [String: [Occurrence]] = [:]
        for row in context.decreeRows where row.unit.code.isValid {
            byIdentity[row.unit.code.identity, default: []].append(
                Occurrence(code: row.unit.code, location: row.location, row: row, asPrerequisite: false))
            for p in row.unit.prerequisites where p.isValid {
                byIdentity[p.identity, default: []].append(
                    Occurrence(code: p, location: row.location, row: row, asPrerequisite: true))
            }
        }
        var found: [Diagnostic] = []
        for (identity, occurrences) in byIdentity {
            // Nearly every identity has one version: decide that without building a set.
            let firstVersion = occurrences[0].code.versionNumber
            guard occurrences.contains(where: { $0.code.versionNumber != firstVersion }) else { continue }
            let versions = Set(occurrences.map(\.code.versionNumber))
            guard let highest = versions.max() else { continue }
            let sorted = occurrences.sorted { ($0.location, $0.code.raw) < ($1.location, $1.code.raw) }
            let first = sorted.first { $0.code.versionNumber != highest } ?? sorted[0]
            let summary = versions.sorted().map { v -> String in
                let places = sorted.filter { $0.code.versionNumber == v }
                return ".\(places[0].code.version) (\(places.count)×)"
            }.joined(separator: ", ")
            found.append(
                finding(
                    "unit \(identity) muncul dengan versi berbeda: \(summary)", at: first.location, subject: identity,
                    related: sorted.map { RelatedLocation($0.location, "\($0.code) sebagai \($0.what)") }))
        }
        return found
    }
}

import SKKNICore

public struct PrerequisiteNotPackagedRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK201", name: "prerequisite-not-packaged", severity: .error,
        summary: "Unit mensyaratkan unit lain yang tidak dikemas dalam kualifikasi yang sama.",
        rationale: """
            Persyaratan kompetensi harus dapat dipenuhi di dalam kemasan yang sama. Bila unit inti \
            mensyaratkan unit yang tidak ada di daftar, kualifikasi itu tidak mungkin dipenuhi (galat); bila \
            yang mensyaratkan adalah unit pilihan, unit pilihan itu tidak dapat dipilih (peringatan). \
            Tambahkan unit persyaratan ke daftar, atau perbaiki kolom persyaratannya.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 5 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                ↓1.\tN.78SPS02.023.1\tMengembangkan Program Pelatihan Kerja\tN.78SPS02.084.2

                B. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS02.084.2\tMengevaluasi Pelaksanaan Suatu Program Pelatihan Kerja\tTidak ada
                """)
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS02.023.1\tMengembangkan Program Pelatihan Kerja\tN.78SPS02.084.2
                KOMPETENSI PILIHAN
                1.\tN.78SPS02.084.2\tMengevaluasi Pelaksanaan Suatu Program Pelatihan Kerja\tTidak ada
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for row in context.decreeRows {
            for p in row.unit.prerequisites where p.isValid {
                guard case .notPackaged = PrerequisiteAnalysis.status(of: p, in: row.qualification, context: context)
                else { continue }
                let elsewhere = context.rows(identity: p.identity).map { "\($0.qualification.letter)" }
                let places = Array(Set(elsewhere)).sorted().joined(separator: ", ")
                found.append(
                    finding(
                        "\(row.unit.code) (\(row.unit.role.rawValue)) mensyaratkan \(p), yang tidak dikemas dalam \(CheckContext.describe(row.qualification, in: row.decree)); unit itu ada di kualifikasi \(places)",
                        at: row.location, subject: row.unit.code.raw,
                        severity: PrerequisiteAnalysis.severity(for: row.unit.role, default: Self.description.severity))
                )
            }
        }
        return found
    }
}

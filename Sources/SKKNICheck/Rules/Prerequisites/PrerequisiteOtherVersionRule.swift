import SKKNICore

public struct PrerequisiteOtherVersionRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK202", name: "prerequisite-other-version", severity: .warning,
        summary: "Persyaratan disebut dengan versi lain dari unit yang dikemas.",
        rationale: """
            Kualifikasi mengemas unit persyaratan, tetapi dengan versi berbeda dari yang disebut di kolom \
            persyaratan (misalnya mensyaratkan `.1` sementara yang dikemas `.2`). Biasanya kolom persyaratan \
            belum diperbarui saat unitnya direvisi. Samakan versinya.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI PILIHAN
                1.\tN.78SPS01.001.2 Membuat Peta Kompetensi\tTidak ada
                ↓2.\tN.78SPS01.003.2 Merumuskan Standar Kompetensi\tN.78SPS01.001.1
                """)
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK INSTRUKTUR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI PILIHAN
                1.\tN.78SPS01.001.1 Membuat Peta Kompetensi\tTidak ada
                2.\tN.78SPS01.003.2 Merumuskan Standar Kompetensi\tN.78SPS01.001.1
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for row in context.decreeRows {
            for p in row.unit.prerequisites where p.isValid {
                guard
                    case .otherVersion(let packaged) = PrerequisiteAnalysis.status(
                        of: p, in: row.qualification, context: context)
                else { continue }
                let list = packaged.map(\.raw).joined(separator: ", ")
                found.append(
                    finding(
                        "\(row.unit.code) mensyaratkan \(p), sedangkan \(CheckContext.describe(row.qualification, in: row.decree)) mengemas \(list)",
                        at: row.location, subject: row.unit.code.raw))
            }
        }
        return found
    }
}

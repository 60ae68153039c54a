import SKKNICore

public struct PackagingCountRule: Rule {
    public init() {}
    public static let scope = RuleScope.decrees

    public static let description = RuleDescription(
        identifier: "SKK301", name: "packaging-count", severity: .error,
        summary: "Aturan pengemasan tidak cocok dengan jumlahnya sendiri atau dengan daftar unit.",
        rationale: """
            Aturan pengemasan menyatakan jumlah total, inti dan pilihan. Total harus sama dengan inti + \
            pilihan; banyak unit berbeda di KOMPETENSI INTI harus sama dengan jumlah inti (unit yang tercantum \
            dua kali dihitung sekali); dan harus ada cukup unit \
            pilihan berbeda (yang bukan juga unit inti) untuk memenuhi jumlah pilihan. Perbaiki angka atau \
            daftarnya.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                6. Aturan Pengemasan
                ↓9 (sembilan) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:
                - a. 5 (lima) unit kompetensi inti
                - b. 3 (tiga) unit kompetensi pilihan
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                KOMPETENSI PILIHAN
                1.\tN.78SPS02.039.2\tMengelola Bahan Pelatihan Kerja\tTidak ada
                """),
            // Two rows, one unit: a duplicate does not make up the number of inti units.
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK ASESOR
                6. Aturan Pengemasan
                ↓2 (dua) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:
                - a. 2 (dua) unit kompetensi inti
                - b. 0 (nol) unit kompetensi pilihan
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tM.74SPS03.117.1\tMelaksanakan Audit Sistem Manajemen\tTidak ada
                2.\tM.74SPS03.117.1\tMelaksanakan Audit Sistem Manajemen\tTidak ada
                """),
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
                6. Aturan Pengemasan
                2 (dua) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:
                - c. 1 (satu) unit kompetensi inti
                - d. 1 (satu) unit kompetensi pilihan
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1.\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi dan Kualifikasi Kerja\tTidak ada
                KOMPETENSI PILIHAN
                1.\tN.78SPS02.039.2\tMengelola Bahan Pelatihan Kerja\tTidak ada
                2.\tN.78SPS02.041.2\tMengelola Peralatan Pelatihan Kerja\tTidak ada
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for decree in context.catalog.decrees {
            for q in decree.qualifications {
                guard let rule = q.packaging else { continue }
                let at = SourceLocation(file: decree.source, line: rule.line)
                let who = CheckContext.describe(q, in: decree)
                if let total = rule.total, let inti = rule.inti, let pilihan = rule.pilihan, total != inti + pilihan {
                    found.append(
                        finding(
                            "aturan pengemasan \(who) menyatakan \(total) unit, tetapi \(inti) inti + \(pilihan) pilihan = \(inti + pilihan)",
                            at: at, subject: q.id))
                }
                let intiCodes = Set(q.units(.inti).map(\.code))
                let intiRows = q.units(.inti).count
                if let inti = rule.inti, intiRows != inti || intiCodes.count != inti {
                    // A unit listed twice counts once: six rows with a duplicate are five units.
                    let listed =
                        intiCodes.count == intiRows
                        ? "\(intiRows) baris" : "\(intiRows) baris dengan hanya \(intiCodes.count) unit berbeda"
                    found.append(
                        finding(
                            "aturan pengemasan \(who) menyatakan \(inti) unit inti, tetapi daftar KOMPETENSI INTI memuat \(listed)",
                            at: at, subject: q.id))
                }
                let choosable = Set(q.units(.pilihan).map(\.code)).subtracting(intiCodes)
                if let pilihan = rule.pilihan, choosable.count < pilihan {
                    found.append(
                        finding(
                            "aturan pengemasan \(who) meminta \(pilihan) unit pilihan, tetapi hanya ada \(choosable.count) unit pilihan berbeda yang bukan unit inti",
                            at: at, subject: q.id))
                }
            }
        }
        return found
    }
}

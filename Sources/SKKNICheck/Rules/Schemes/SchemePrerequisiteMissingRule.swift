import SKKNICore

public struct SchemePrerequisiteMissingRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    static let catalog = """
        A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
        DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
        KOMPETENSI INTI
        1.\tN.78SPS02.019.2\tMerencanakan Penyajian Materi Pelatihan Kerja\tTidak ada
        2.\tN.78SPS02.028.2\tMelaksanakan Pelatihan Tatap Muka (<i>Face To Face</i>)\tN.78SPS02.019.2
        """

    public static let description = RuleDescription(
        identifier: "SKK407", name: "scheme-prerequisite-missing", severity: .error,
        summary: "Skema memuat unit yang persyaratannya (menurut katalog) tidak ikut dimuat.",
        rationale: """
            Bila katalog menyatakan unit A mensyaratkan unit B, skema apa pun yang memuat A harus memuat B \
            pada versi yang sama; jika tidak, peserta diuji pada kompetensi yang dasarnya tidak diuji. \
            Tambahkan unit persyaratannya, atau keluarkan unit yang mensyaratkannya. Bila skema memuat \
            versi lain dari unit persyaratan (seperti kualifikasinya sendiri), temuan ini hanya peringatan: \
            cacatnya ada pada keputusan (SKK202).
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER PELATIHAN TATAP MUKA
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                ↓1\tN.78SPS02.028.2\tMelaksanakan Pelatihan Tatap Muka (Face To Face)
                """, catalog: catalog)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER PELATIHAN TATAP MUKA
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tN.78SPS02.019.2\tMerencanakan Penyajian Materi Pelatihan Kerja
                2\tN.78SPS02.028.2\tMelaksanakan Pelatihan Tatap Muka (Face To Face)
                """, catalog: catalog)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (s, scheme) in context.schemes.enumerated() {
            let resolved = context.catalogCodes(ofScheme: s)
            let required = resolved.map { $0.map(context.prerequisites(of:)) ?? [] }
            // Most schemes hold no unit with prerequisites: no sets for them.
            guard required.contains(where: { !$0.isEmpty }) else { continue }
            let included = Set(resolved.compactMap { $0 })
            let includedRaw = Set(scheme.units.map(\.code))
            let identities = Set(scheme.units.map(\.code.identity))
            for ((unit, code), prerequisites) in zip(zip(scheme.units, resolved), required) {
                guard let code else { continue }
                for p in prerequisites where !included.contains(p) && !includedRaw.contains(p) {
                    // Holding another version is what the decree packages too (its own SKK202): a
                    // warning, so a scheme that follows its qualification is not blocked by the decree.
                    let otherVersion = identities.contains(p.identity)
                    let detail = otherVersion ? ", hanya versi lainnya" : ""
                    let via = code == unit.code ? "" : " (sebagai \(code))"
                    found.append(
                        finding(
                            "skema \(scheme.occupation) memuat \(unit.code)\(via), yang mensyaratkan \(p), tetapi tidak memuat \(p)\(detail)",
                            at: context.location(scheme, line: unit.line), subject: unit.code.raw,
                            related: context.rows(code: code).prefix(1).map {
                                RelatedLocation($0.location, "persyaratan dinyatakan di sini")
                            }, severity: otherVersion ? .warning : nil))
                }
            }
        }
        return found
    }
}

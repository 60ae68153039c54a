import SKKNICore

public struct OccupationMatchRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK408", name: "occupation-match", severity: .note,
        summary:
            "Okupasi skema sama dengan jabatan (Kemungkinan Jabatan) suatu kualifikasi KKNI; kemasannya dibandingkan.",
        rationale: """
            Skema okupasi tidak wajib mengikuti kemasan KKNI, tetapi bila jabatannya tercantum sebagai \
            kemungkinan jabatan suatu jenjang, penyusun dan peninjau perlu tahu seberapa jauh unit skema \
            menutup unit inti dan pilihan jenjang itu. Unit berkode lama yang judulnya sama dengan unit \
            katalog dihitung sebagai unit katalog itu.
            """,
        triggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI NASIONAL ASESOR KOMPETENSI
                5.1 Jenis Skema : Okupasi Nasional
                ↓5.2 Nama Skema: Asesor Kompetensi
                NO\tKODE UNIT\tJUDUL UNIT KOMPETENSI
                1\tM.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 4 KELOMPOK ASESOR
                    5. Kemungkinan Jabatan
                    - a. Asesor Kompetensi
                    - b. Asesor Muda Lisensi
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tM.74SPS03.088.2 Merencanakan Aktivitas dan Proses Asesmen\tTidak ada
                    """)
        ],
        nonTriggeringExamples: [
            .scheme(
                """
                SKEMA SERTIFIKASI OKUPASI SUPERVISOR SALES
                5.1 Jenis Skema : Okupasi
                5.2 Nama Skema: Supervisor Sales
                NO\tKODE UNIT\tJUDUL UNIT KOMPETENSI
                1\tM.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen
                """,
                catalog: """
                    A. JENJANG KUALIFIKASI 4 KELOMPOK ASESOR
                    5. Kemungkinan Jabatan
                    - a. Asesor Kompetensi
                    DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                    KOMPETENSI INTI
                    1.\tM.74SPS03.088.2 Merencanakan Aktivitas dan Proses Asesmen\tTidak ada
                    """)
        ])

    /// `Instruktur Terampil/Instruktur Junior` names two jobs; a parenthesis adds an alias.
    static func jobNames(_ title: String) -> [String] {
        var names: [String] = []
        for part in title.split(separator: "/") {
            var name = String(part)
            if let open = name.firstIndex(of: "(") {
                let alias = name[name.index(after: open)...].prefix { $0 != ")" }
                names.append(String(alias))
                name = String(name[..<open])
            }
            names.append(name)
        }
        return names.map(TitleText.fold).filter { !$0.isEmpty }
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var byJob: [String: [(Decree, Qualification, String)]] = [:]
        for (decree, q) in context.catalog.qualifications {
            for title in q.jobTitles {
                for name in Self.jobNames(title) { byJob[name, default: []].append((decree, q, title)) }
            }
        }
        var found: [Diagnostic] = []
        for (s, scheme) in context.schemes.enumerated()
        where scheme.packagingType == .okupasi || scheme.packagingType == .okupasiNasional {
            let occupation = TitleText.fold(scheme.occupation)
            let codes = Set(context.catalogCodes(ofScheme: s).compactMap { $0 })
            let viaTitle = context.resolutions[s].filter {
                if case .superseded = $0 { return true }
                return false
            }.count
            for (decree, q, title) in byJob[occupation] ?? [] {
                let inti = q.units(.inti).map(\.code)
                let intiSet = Set(inti)
                let coveredInti = inti.filter(codes.contains)
                let pilihan = Set(q.units(.pilihan).map(\.code)).subtracting(intiSet).intersection(codes).count
                let outside = codes.subtracting(Set(q.units.map(\.code))).count + scheme.units.count - codes.count
                var message =
                    "okupasi \"\(scheme.occupation)\" adalah kemungkinan jabatan \"\(title)\" pada \(CheckContext.describe(q, in: decree)): skema mencakup \(coveredInti.count) dari \(inti.count) unit inti dan \(pilihan) unit pilihan"
                if let needed = q.packaging?.pilihan { message += " (kemasan meminta \(needed))" }
                if outside > 0 { message += ", \(outside) unit di luar kemasan" }
                if viaTitle > 0 { message += "; \(viaTitle) unit dicocokkan lewat judul karena berkode lama" }
                let missing = inti.filter { !codes.contains($0) }
                if !missing.isEmpty {
                    message += "; unit inti yang tidak ada: \(missing.map(\.raw).joined(separator: ", "))"
                }
                found.append(
                    finding(
                        message, at: context.location(scheme, line: scheme.nameLine ?? scheme.line),
                        subject: scheme.id,
                        related: [
                            RelatedLocation(
                                SourceLocation(file: decree.source, line: q.line), "kualifikasi \(q.letter)")
                        ]))
            }
        }
        return found
    }
}

import SKKNICore

/// The same code twice in one list, as both inti and pilihan, or twice in a scheme.
public struct DuplicateUnitRule: Rule {
    public init() {}
    public static let scope = RuleScope.eachScheme

    public static let description = RuleDescription(
        identifier: "SKK101", name: "duplicate-unit", severity: .error,
        summary: "Kode unit yang sama tercantum dua kali dalam satu daftar, atau sebagai inti sekaligus pilihan.",
        rationale: """
            Satu kualifikasi atau skema memuat setiap unit paling banyak sekali. Unit yang tercantum sebagai \
            inti dan juga pilihan membuat hitungan pilihan menyesatkan: unit itu sudah wajib, jadi tidak dapat \
            dipilih untuk memenuhi jumlah pilihan. Hapus baris ganda, atau perbaiki kodenya bila yang dimaksud \
            unit lain.
            """,
        triggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK ASESOR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1. M.74SPS03.117.1\tMelaksanakan Audit Sistem Manajemen\tTidak ada
                KOMPETENSI PILIHAN
                1. M.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen\tTidak ada
                ↓2. M.74SPS03.117.1\tMelaksanakan Audit Sistem Manajemen\tTidak ada
                """),
            .decree(
                """
                A. JENJANG KUALIFIKASI 3 KELOMPOK ASESOR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI PILIHAN
                1.\tM.74SPS03.105.1\tMengendalikan Dokumen\tTidak ada
                ↓2.\tM.74SPS03.105.1\tMengendalikan Dokumen\tTidak ada
                """),
            .scheme(
                """
                SKEMA SERTIFIKASI KLASTER CONTOH
                5.1. Jenis Kemasan : Klaster
                NO\tKODE UNIT\tJUDUL UNIT
                1\tM.702093.007.01\tMenyusun Data Pelanggan
                ↓2\tM.702093.007.01\tMenyusun Data Pelanggan
                """),
        ],
        nonTriggeringExamples: [
            .decree(
                """
                A. JENJANG KUALIFIKASI 6 KELOMPOK ASESOR
                DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
                KOMPETENSI INTI
                1. M.74SPS03.117.1\tMelaksanakan Audit Sistem Manajemen\tTidak ada
                KOMPETENSI PILIHAN
                1. M.74SPS03.117.2\tMelaksanakan Audit Sistem Manajemen\tTidak ada
                """)
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for decree in context.checkedDecrees {
            for q in decree.qualifications {
                for (earlier, unit) in Self.repeats(q.units, by: \.code.raw) {
                    let place = SourceLocation(file: decree.source, line: earlier.line)
                    let message =
                        earlier.role == unit.role
                        ? "\(unit.code) tercantum dua kali sebagai unit \(unit.role.rawValue) dalam \(CheckContext.describe(q, in: decree)); kesalahan pada keputusan itu sendiri"
                        : "\(unit.code) tercantum sebagai unit \(earlier.role.rawValue) dan juga \(unit.role.rawValue) dalam \(CheckContext.describe(q, in: decree)); kesalahan pada keputusan itu sendiri"
                    found.append(
                        finding(
                            message, at: SourceLocation(file: decree.source, line: unit.line), subject: unit.code.raw,
                            related: [
                                RelatedLocation(
                                    place, "pertama kali tercantum di sini sebagai \(earlier.role.rawValue)")
                            ]))
                }
            }
        }
        for scheme in context.schemes {
            for (earlier, unit) in Self.repeats(scheme.units, by: \.code.raw) {
                found.append(
                    finding(
                        "\(unit.code) tercantum dua kali dalam skema \(scheme.occupation)",
                        at: context.location(scheme, line: unit.line), subject: unit.code.raw,
                        related: [
                            RelatedLocation(
                                context.location(scheme, line: earlier.line), "pertama kali tercantum di sini")
                        ]))
            }
        }
        return found
    }

    /// Each item whose key appeared before, paired with that first appearance, in order.
    static func repeats<T>(_ items: [T], by key: (T) -> String) -> [(first: T, again: T)] {
        var first: [String: T] = [:]
        var result: [(first: T, again: T)] = []
        for item in items {
            if let earlier = first[key(item)] {
                result.append((earlier, item))
            } else {
                first[key(item)] = item
            }
        }
        return result
    }
}

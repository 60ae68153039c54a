import Foundation
import SKKNICore
import SKKNIPublish

/// A deterministic synthetic national catalogue, written as documents in the seeds' text
/// formats (KEPMEN qualification tables, scheme documents), so that a benchmark measures the
/// importer too. It plants a known set of defects and records where each must be reported.
public enum CatalogGenerator {
    public enum Size: String, CaseIterable, Sendable {
        case S, M, L

        /// Qualifications, each with 100 rows of distinct units; 10 qualifications per decree.
        var qualifications: Int { self == .S ? 10 : self == .M ? 100 : 1000 }
        var schemes: Int { self == .S ? 200 : self == .M ? 2000 : 20000 }
        public var units: Int { qualifications * GeneratorShape.rowsPerQualification }
    }

    /// What was written, for checking that import loses nothing and the checker finds exactly the plants.
    public struct Manifest: Codable, Sendable {
        public var decrees = 0
        public var qualifications = 0
        public var qualificationRows = 0
        public var schemes = 0
        public var schemeRows = 0
        public var unitIdentities = 0
        /// The SKKNI decrees (two per qualification): Daftar rows, Uraian blocks, their elements,
        /// criteria (KUK) and prerequisites, as written.
        public var standards = 0
        public var standardRows = 0
        public var definitions = 0
        public var elements = 0
        public var criteria = 0
        public var definitionPrerequisites = 0
        public var documents: [String] = []
        public var planted: [PlantedDefect] = []
    }

    public struct PlantedDefect: Codable, Hashable, Sendable {
        public var rule: String
        public var file: String
        public var line: Int
    }

    enum GeneratorShape {
        static let rowsPerQualification = 100
        static let qualificationsPerDecree = 10
        static let intiRows = 20
        static let pilihanRequired = 30
        static let unitsPerScheme = 10
    }

    /// Writes `decree-NNNN.txt`, `skkni-NNNN.txt` (the two SKKNI decrees defining each
    /// qualification's units) and `skema-NNNNN.txt` into `directory` (created if needed).
    @discardableResult
    public static func generate(size: Size, into directory: URL, seed: UInt64 = 20_261_123) throws -> Manifest {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = Random(seed: seed)
        var manifest = Manifest()
        let decreeCount = size.qualifications / GeneratorShape.qualificationsPerDecree
        // Every qualification's units, for the schemes to draw from: (code, title).
        var pool: [[(code: String, title: String)]] = []
        var identities = Set<String>()
        var documents: [(String, String)] = []
        // Each qualification's units as its two SKKNI decrees define them (written after the loop, in parallel).
        var annexInputs: [(index: Int, number: Int, field: String, units: [StandardGenerator.Unit])] = []

        for d in 0..<decreeCount {
            let number = 100 + d
            let file = String(format: "decree-%04d.txt", d)
            var lines = decreeHeader(number: number, field: field(d))
            for q in 0..<GeneratorShape.qualificationsPerDecree {
                let global = d * GeneratorShape.qualificationsPerDecree + q
                let letter = String(UnicodeScalar(UInt8(65 + q)))
                let level = 2 + q % 7
                let group = group(global)
                let prefix = codePrefix(global)
                var rows: [(code: String, title: String, prerequisite: String?)] = []
                for r in 0..<GeneratorShape.rowsPerQualification {
                    let version = 1 + (global + r) % 2
                    // The older format writes the version with two digits (`C.282210.007.01`).
                    let code =
                        "\(prefix).\(String(format: "%03d", r + 1)).\(global % 7 == 6 ? String(format: "%02d", version) : String(version))"
                    rows.append((code, title(global, r, &random), nil))
                }
                // Prerequisites inside the same qualification: a pilihan row needs an inti row.
                for r in stride(from: GeneratorShape.intiRows + 3, to: GeneratorShape.rowsPerQualification, by: 17) {
                    rows[r].prerequisite = rows[r % GeneratorShape.intiRows].code
                }
                // The prerequisites as the qualification means them, before a plant changes one.
                let ownPrerequisites = rows.map(\.prerequisite)
                var plants: [(rule: String, row: Int)] = []
                // Plants, one kind per qualification in turn, so each is found by exactly one rule.
                switch global % 5 {
                case 1:
                    // Title drift: the same code written with another title later in the table.
                    rows[GeneratorShape.intiRows + 1].code = rows[GeneratorShape.intiRows].code
                    rows[GeneratorShape.intiRows + 1].title = rows[GeneratorShape.intiRows].title + " Kerja"
                    plants.append(("SKK101", GeneratorShape.intiRows + 1))  // listed twice
                    plants.append(("SKK103", GeneratorShape.intiRows + 1))  // with another title
                    plants.append(("SKK505", GeneratorShape.intiRows + 1))  // not the SKKNI decree's title
                case 2:
                    // A prerequisite that this qualification does not package (it exists elsewhere).
                    if global > 0 {
                        rows[5].prerequisite = pool[global - 1][7].code
                        plants.append(("SKK201", 5))
                    }
                default: break
                }
                let stated = GeneratorShape.intiRows + GeneratorShape.pilihanRequired
                let plantedCount = global % 5 == 3
                lines.append("")
                lines.append("\(letter). JENJANG KUALIFIKASI \(level) KELOMPOK \(group.uppercased())")
                lines.append("")
                lines.append("1. Kodifikasi")
                lines.append("")
                lines.append(
                    "\(codification(global)) Kualifikasi \(level) Bidang \(field(d)) Kelompok \(group)")
                lines.append("")
                lines.append("2. Deskripsi")
                lines.append("")
                lines.append(
                    "Kualifikasi ini meliputi kemampuan menyelesaikan tugas di bidang \(field(d).lowercased()).")
                lines.append("")
                lines.append("4. Peran Kerja")
                lines.append("")
                lines.append("Jenjang Kualifikasi \(level) Kelompok \(group) berperan dalam pekerjaan bidangnya.")
                lines.append("")
                lines.append("5. Kemungkinan Jabatan")
                lines.append("")
                lines.append("- a. \(group) Jenjang \(level)")
                lines.append("")
                lines.append("6. Aturan Pengemasan")
                lines.append("")
                let packagingLine = lines.count + 1
                lines.append(
                    "\(plantedCount ? stated + 1 : stated) (\(words(stated))) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:"
                )
                lines.append("")
                lines.append("- a. \(GeneratorShape.intiRows) (\(words(GeneratorShape.intiRows))) unit kompetensi inti")
                lines.append(
                    "- b. \(GeneratorShape.pilihanRequired) (\(words(GeneratorShape.pilihanRequired))) unit kompetensi pilihan"
                )
                lines.append("")
                if plantedCount {
                    manifest.planted.append(PlantedDefect(rule: "SKK301", file: file, line: packagingLine))
                }
                lines.append("DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI\t")
                lines.append("KOMPETENSI INTI\t\t\t")
                var rowLines: [Int] = []
                for (r, row) in rows.enumerated() {
                    if r == GeneratorShape.intiRows { lines.append("KOMPETENSI PILIHAN\t\t\t") }
                    let number = r < GeneratorShape.intiRows ? r + 1 : r - GeneratorShape.intiRows + 1
                    rowLines.append(lines.count + 1)
                    lines.append("\(number).\t\(row.code)\t\(row.title)\t\(row.prerequisite ?? "Tidak ada")")
                    identities.insert(UnitCode(row.code).identity)
                }
                for plant in plants {
                    manifest.planted.append(PlantedDefect(rule: plant.rule, file: file, line: rowLines[plant.row]))
                }
                manifest.qualifications += 1
                manifest.qualificationRows += rows.count
                pool.append(rows.map { ($0.code, $0.title) })
                // The SKKNI decrees define each code the qualification lists, once, under its first title.
                var titleOf: [String: String] = [:]
                var defined: [StandardGenerator.Unit] = []
                for (r, row) in rows.enumerated() where titleOf[row.code] == nil {
                    titleOf[row.code] = row.title
                    let prerequisite = ownPrerequisites[r].map { code in
                        (code: code, title: rows.first { $0.code == code }!.title)
                    }
                    defined.append(StandardGenerator.Unit(code: row.code, title: row.title, prerequisite: prerequisite))
                }
                // Two decrees of 50 units each, the size of most real annexes.
                for half in 0..<2 {
                    let annex = 2 * global + half
                    let units = Array(defined[(half * 50)..<min(defined.count, half * 50 + 50)])
                    annexInputs.append((annex, 200 + annex, "\(field(d)) \(group) \(half + 1)", units))
                }
            }
            lines.append("")
            lines.append("MENTERI KETENAGAKERJAAN")
            lines.append("REPUBLIK INDONESIA,")
            documents.append((file, lines.joined(separator: "\n") + "\n"))
            manifest.decrees += 1
        }

        let annexes = ConcurrentMap.map(annexInputs) { input in
            StandardGenerator.annex(
                index: input.index, number: input.number, field: input.field, units: input.units, seed: seed)
        }
        for annex in annexes {
            documents.append((annex.file, annex.text))
            manifest.standards += 1
            manifest.standardRows += annex.listedRows
            manifest.definitions += annex.definitions
            manifest.elements += annex.elements
            manifest.criteria += annex.criteria
            manifest.definitionPrerequisites += annex.prerequisites
            for plant in annex.planted {
                manifest.planted.append(PlantedDefect(rule: plant.rule, file: annex.file, line: plant.line))
            }
        }

        for s in 0..<size.schemes {
            let file = String(format: "skema-%05d.txt", s)
            let q = s % pool.count
            let decreeNumber = 100 + q / GeneratorShape.qualificationsPerDecree
            // Units from inti rows 10-19 of one qualification: none has a prerequisite.
            var units = (0..<GeneratorShape.unitsPerScheme).map { pool[q][10 + ($0 + s) % 10] }
            var plant: (rule: String, row: Int)?
            switch s % 50 {
            case 7:
                // An OCR slip: O for 0 in the unit number.
                units[3].code = units[3].code.replacingOccurrences(of: ".0", with: ".O")
                plant = ("SKK104", 3)
            case 19:
                // A unit number no decree has.
                var parts = units[4].code.split(separator: ".").map(String.init)
                parts[2] = "9" + parts[2].dropFirst()
                units[4].code = parts.joined(separator: ".")
                units[4].title = "Unit Tanpa Padanan \(s)"  // the same title would make it SKK404, superseded
                plant = ("SKK402", 4)
            default: break
            }
            let unspecified = s % 50 == 31
            var lines = schemeDocument(
                s, name: "Skema Sintetis \(s)", type: unspecified ? "KKNI-/ Okupasi /Klaster" : "Klaster",
                decree: decreeNumber)
            let typeLine = lines.firstIndex { $0.hasPrefix("5.1. Jenis Kemasan") }! + 1
            if unspecified { manifest.planted.append(PlantedDefect(rule: "SKK401", file: file, line: typeLine)) }
            lines.append("NO\tKODE UNIT\tJUDUL UNIT")
            for (i, unit) in units.enumerated() {
                if let plant, plant.row == i {
                    manifest.planted.append(PlantedDefect(rule: plant.rule, file: file, line: lines.count + 1))
                }
                lines.append("\(i + 1)\t\(unit.code)\t\(unit.title)")
            }
            lines.append("")
            lines.append("6. PERSYARATAN DASAR PEMOHON SERTIFIKASI")
            lines.append("")
            lines.append("- 6.1. Pendidikan minimal SMA/SMK sederajat.")
            documents.append((file, lines.joined(separator: "\n") + "\n"))
            manifest.schemes += 1
            manifest.schemeRows += units.count
        }
        manifest.unitIdentities = identities.count

        let files = documents
        let failures = ConcurrentMap.map(Array(files.indices)) { i -> String? in
            do {
                try Data(files[i].1.utf8).write(to: directory.appendingPathComponent(files[i].0))
                return nil
            } catch {
                return "\(files[i].0): \(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw OutputError(failure) }
        manifest.documents = documents.map(\.0)
        manifest.planted.sort { ($0.file, $0.line, $0.rule) < ($1.file, $1.line, $1.rule) }
        return manifest
    }

    static func decreeHeader(number: Int, field: String) -> [String] {
        [
            "**MENTERI KETENAGAKERJAAN", "REPUBLIK INDONESIA**", "", "**KEPUTUSAN MENTERI KETENAGAKERJAAN",
            "REPUBLIK INDONESIA", "NOMOR \(number) TAHUN 2020", "TENTANG**", "",
            "**PENETAPAN JENJANG KUALIFIKASI NASIONAL INDONESIA", "BIDANG \(field.uppercased())**", "",
            "KESATU : Jenjang Kualifikasi Nasional Indonesia Bidang \(field) sebagaimana tercantum dalam Lampiran.", "",
            "Ditetapkan di Jakarta", "pada tanggal 20 Januari 2020", "", "MENTERI KETENAGAKERJAAN", "", "LAMPIRAN",
            "KEPUTUSAN MENTERI KETENAGAKERJAAN", "REPUBLIK INDONESIA", "NOMOR \(number) TAHUN 2020", "",
            "I. SUBBIDANG \(field.uppercased()) KELOMPOK UMUM",
        ]
    }

    static func schemeDocument(_ s: Int, name: String, type: String, decree: Int) -> [String] {
        [
            "", "SKEMA SERTIFIKASI KLASTER \(name.uppercased())", "",
            "Skema sertifikasi \(name) dikembangkan untuk memenuhi kebutuhan sertifikasi kompetensi.", "",
            "Nomor Dokumen : SKM/\(s)/2021", "", "Disahkan pada tanggal: 25 Maret 2021", "", "Oleh:", "",
            "Ketua Komite Skema", "", "LSP Sintetis \(s % 97)", "", "4. ACUAN NORMATIF", "",
            "- 4.1. Keputusan Menteri Ketenagakerjaan Republik Indonesia Nomor \(decree) Tahun 2020 tentang Penetapan Jenjang Kualifikasi Nasional Indonesia.",
            "", "5. KEMASAN / PAKET KOMPETENSI", "", "5.1. Jenis Kemasan : \(type)", "",
            "5.2. Nama Skema : \(name)", "",
        ]
    }

    static let fields = [
        "Pelatihan Kerja", "Teknologi Informasi", "Konstruksi", "Pariwisata", "Pertanian", "Logistik", "Perbankan",
        "Kesehatan", "Energi", "Perikanan",
    ]
    static func field(_ d: Int) -> String {
        fields[d % fields.count] + (d < fields.count ? "" : " \(d / fields.count)")
    }

    static let groups = [
        "Instruktur", "Asesor", "Teknisi", "Operator", "Supervisor", "Analis", "Perencana", "Pengawas",
    ]
    static func group(_ q: Int) -> String { groups[q % groups.count] }

    /// `X.99AAA99` (newer format) for most, the older `X.999999` for every seventh qualification;
    /// distinct for every qualification so units never collide by accident.
    static func codePrefix(_ q: Int) -> String {
        let category = String(UnicodeScalar(UInt8(65 + q % 21)))
        if q % 7 == 6 { return String(format: "%@.%06d", category, 100_000 + q) }
        return category + "." + codification(q).dropFirst()
    }

    /// `N78SPS02`-style codification of a qualification (independent of its units' code format).
    static func codification(_ q: Int) -> String {
        let letters = (0..<3).map { String(UnicodeScalar(UInt8(65 + (q / pow26($0)) % 26))) }.joined()
        return String(format: "%@%02d%@%02d", String(UnicodeScalar(UInt8(65 + q % 21))), 10 + q % 89, letters, q % 97)
    }

    static func pow26(_ n: Int) -> Int { n == 0 ? 1 : 26 * pow26(n - 1) }

    static let verbs = [
        "Menyusun", "Melaksanakan", "Mengelola", "Menganalisis", "Merencanakan", "Mengevaluasi", "Menerapkan",
        "Mengembangkan", "Memelihara", "Mengoperasikan",
    ]
    static let objects = [
        "Program", "Laporan", "Prosedur", "Peralatan", "Data", "Rencana", "Dokumen", "Sistem", "Jadwal", "Anggaran",
    ]
    static let qualifiers = ["Kerja", "Mutu", "Teknis", "Operasional", "Keselamatan", "Pelatihan", "Produksi"]

    /// Titles unique per (qualification, row): the row number keeps them apart for title-drift.
    static func title(_ q: Int, _ r: Int, _ random: inout Random) -> String {
        let verb = verbs.randomElement(using: &random)!
        let object = objects.randomElement(using: &random)!
        let qualifier = qualifiers.randomElement(using: &random)!
        return "\(verb) \(object) \(qualifier) Tahap \(q + 1)-\(r + 1)"
    }

    static let numberWords = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
    ]
    static func words(_ n: Int) -> String {
        if n < 12 { return numberWords[n] }
        if n < 20 { return numberWords[n - 10] + " belas" }
        let tens = n / 10
        let ones = n % 10
        return (tens == 1 ? "sepuluh" : numberWords[tens] + " puluh") + (ones == 0 ? "" : " " + numberWords[ones])
    }

    typealias Random = SeededRandom
}

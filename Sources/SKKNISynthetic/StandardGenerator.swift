import Foundation
import SKKNICore

/// The synthetic SKKNI decrees: two annexes of 50 units per qualification, in the layout `pdftotext -layout`
/// gives for the real ones (Tests/Fixtures/real/skkni): the LAMPIRAN heading, `B. Daftar Unit
/// Kompetensi`, then one `Uraian Unit Kompetensi` block per unit (code, title, description, the
/// two-column table of elements and performance criteria, `BATASAN VARIABEL`, `PANDUAN
/// PENILAIAN`), with page numbers between the blocks.
enum StandardGenerator {
    /// A unit an annex defines.
    struct Unit: Sendable {
        var code: String
        var title: String
        var prerequisite: (code: String, title: String)?
    }

    /// One annex: its text, what it defines, and the defects planted in it (line numbers are 1-based).
    struct Annex: Sendable {
        var file: String
        var text: String
        var listedRows = 0
        var definitions = 0
        var elements = 0
        var criteria = 0
        var prerequisites = 0
        var planted: [(rule: String, line: Int)] = []
    }

    /// The planted Daftar/Uraian disagreements, by annex number modulo 10 (0 none). Each is found
    /// by exactly one SKK5xx rule.
    enum Plant {
        /// Row 30 of the Daftar lists the unit's other version: SKK501 at the Uraian block.
        static let otherVersion = (residue: 1, row: 30)
        /// Row 35 of the Daftar lists another title: SKK501 at the Uraian block.
        static let otherTitle = (residue: 2, row: 35)
        /// The Uraian block of unit 40 writes its code without the dot after the category: SKK503 there.
        static let missingDot = (residue: 3, row: 40)
        /// Unit 45 is defined but not in the Daftar: SKK502 at the Uraian block.
        static let unlisted = (residue: 4, row: 45)
        /// Unit 25 is listed twice in the Daftar: SKK504 at the second row.
        static let listedTwice = (residue: 5, row: 25)
    }

    static let codeColumn = 7
    static let titleColumn = 28
    static let valueColumn = 19
    static let criterionColumn = 29
    static let criterionTextColumn = 34
    static let elementWidth = 24
    static let criterionWidth = 40

    /// Annex `index` (`skkni-<index>.txt`): decree number `number`, `units` in Daftar order
    /// (fewer than 100: the reader takes row numbers of one or two digits). Its own random
    /// stream, so annexes can be written in parallel and the other documents do not change.
    static func annex(index: Int, number: Int, field: String, units: [Unit], seed: UInt64) -> Annex {
        var random = SeededRandom(seed: seed ^ (0x5EED_0000 &+ UInt64(index) &* 0x1_0000_0001))
        let file = String(format: "skkni-%04d.txt", index)
        var annex = Annex(file: file, text: "")
        var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
        func pad(_ text: String, to column: Int) -> String {
            text.count >= column ? text + " " : text + String(repeating: " ", count: column - text.count)
        }
        let indent = String(repeating: " ", count: 31)
        // The heading, as the real annexes print it (right half of the page).
        for line in [
            "LAMPIRAN", "KEPUTUSAN MENTERI KETENAGAKERJAAN", "REPUBLIK INDONESIA", "", "NOMOR \(number) TAHUN 2019", "",
            "TENTANG", "", "PENETAPAN STANDAR KOMPETENSI KERJA", "NASIONAL INDONESIA KATEGORI JASA",
            "BIDANG \(field.uppercased())",
        ] {
            add(line.isEmpty ? "" : indent + line)
        }
        add("")
        add("")
        add("                                    BAB II")
        add("                 STANDAR KOMPETENSI KERJA NASIONAL INDONESIA")
        add("")
        add("B. Daftar Unit Kompetensi")
        add("")
        add(" NO       KODE UNIT                   JUDUL UNIT KOMPETENSI")
        let residue = index % 10
        var rowNumber = 0
        for (r, unit) in units.enumerated() {
            if residue == Plant.unlisted.residue && r == Plant.unlisted.row { continue }
            var code = unit.code
            var title = unit.title
            if residue == Plant.otherVersion.residue && r == Plant.otherVersion.row { code = otherVersion(code) }
            if residue == Plant.otherTitle.residue && r == Plant.otherTitle.row { title += " Lanjutan" }
            let copies = residue == Plant.listedTwice.residue && r == Plant.listedTwice.row ? 2 : 1
            for copy in 0..<copies {
                rowNumber += 1
                if copy == 1 { annex.planted.append(("SKK504", lines.count + 1)) }
                let wrapped = wrap(title, width: 40)
                add(pad(pad("\(rowNumber).", to: codeColumn) + code, to: titleColumn) + wrapped[0])
                for more in wrapped.dropFirst() { add(String(repeating: " ", count: titleColumn) + more) }
                annex.listedRows += 1
            }
        }
        var page = 8
        func pageBreak() {
            add("")
            add("")
            add(String(repeating: " ", count: 74) + String(page))
            page += 1
        }
        pageBreak()
        add("C. Uraian Unit Kompetensi")
        for (r, unit) in units.enumerated() {
            var code = unit.code
            if residue == Plant.missingDot.residue && r == Plant.missingDot.row {
                code = String(code.prefix(1)) + code.dropFirst(2)
                annex.planted.append(("SKK503", lines.count + 1))
            }
            if residue == Plant.otherVersion.residue && r == Plant.otherVersion.row
                || residue == Plant.otherTitle.residue && r == Plant.otherTitle.row
            {
                annex.planted.append(("SKK501", lines.count + 1))
            }
            if residue == Plant.unlisted.residue && r == Plant.unlisted.row {
                annex.planted.append(("SKK502", lines.count + 1))
            }
            definition(unit, code: code, lines: &lines, annex: &annex, random: &random)
            pageBreak()
        }
        add("")
        add("                                    BAB III")
        add("                                   PENUTUP")
        add("")
        add(indent + "MENTERI KETENAGAKERJAAN")
        add(indent + "REPUBLIK INDONESIA,")
        annex.text = lines.joined(separator: "\n") + "\n"
        return annex
    }

    /// One `Uraian Unit Kompetensi` block.
    static func definition(
        _ unit: Unit, code: String, lines: inout [String], annex: inout Annex, random: inout SeededRandom
    ) {
        func labelled(_ label: String, _ text: String, width: Int) {
            let wrapped = wrap(text, width: width)
            lines.append(label.padding(toLength: valueColumn - 2, withPad: " ", startingAt: 0) + ": " + wrapped[0])
            for more in wrapped.dropFirst() { lines.append(String(repeating: " ", count: valueColumn) + more) }
        }
        let object = objects.randomElement(using: &random)!
        let task = unit.title.split(separator: " ").prefix(3).joined(separator: " ").lowercased()
        labelled("KODE UNIT", code, width: 60)
        labelled("JUDUL UNIT", unit.title, width: 48)
        labelled(
            "DESKRIPSI UNIT",
            "Unit kompetensi ini berkaitan dengan pengetahuan, keterampilan dan sikap kerja yang dibutuhkan untuk \(task) sesuai dengan prosedur kerja yang berlaku.",
            width: 48)
        lines.append("")
        lines.append("")
        lines.append("     ELEMEN KOMPETENSI                    KRITERIA UNJUK KERJA")
        lines.append("")
        // About 4 elements and 12 criteria: 3 or 4 elements of 2 to 4 criteria each.
        let elementCount = 3 + Int(random.next() % 2)
        for e in 1...elementCount {
            let left = wrap(
                "\(elementVerbs.randomElement(using: &random)!) \(object.lowercased()) \(stages[(e - 1) % stages.count])",
                width: elementWidth)
            var right: [String] = []
            let criteria = elementCount == 3 ? 4 : 2 + Int(random.next() % 3)
            for c in 1...criteria {
                let text =
                    "\(criterionSubjects.randomElement(using: &random)!) \(object.lowercased()) \(criterionVerbs.randomElement(using: &random)!) \(criterionEnds.randomElement(using: &random)!)."
                for (k, piece) in wrap(text, width: criterionWidth).enumerated() {
                    right.append(
                        k == 0
                            ? "\(e).\(c)".padding(
                                toLength: criterionTextColumn - criterionColumn, withPad: " ", startingAt: 0)
                                + piece
                            : String(repeating: " ", count: criterionTextColumn - criterionColumn) + piece)
                }
                annex.criteria += 1
            }
            for k in 0..<max(left.count, right.count) {
                var line = k < left.count ? (k == 0 ? "\(e). " : "   ") + left[k] : ""
                if k < right.count {
                    line = line.padding(toLength: criterionColumn, withPad: " ", startingAt: 0) + right[k]
                }
                lines.append(line)
            }
            annex.elements += 1
        }
        lines.append("")
        lines.append("")
        lines.append("BATASAN VARIABEL")
        lines.append("1. Konteks variabel")
        lines.append("   1.1 \(object) adalah \(object.lowercased()) yang digunakan dalam pekerjaan ini.")
        lines.append("2. Peralatan dan perlengkapan")
        lines.append("   2.1 Peralatan")
        lines.append("       2.1.1 \(tools.randomElement(using: &random)!)")
        lines.append("3. Peraturan yang diperlukan")
        lines.append("   (Tidak ada.)")
        lines.append("")
        lines.append("")
        lines.append("PANDUAN PENILAIAN")
        lines.append("1. Konteks penilaian")
        lines.append("   Unit kompetensi ini dinilai berdasarkan tingkat kemampuan")
        lines.append("   \(task) di tempat kerja atau Tempat Uji Kompetensi (TUK).")
        lines.append("2. Persyaratan kompetensi")
        if let prerequisite = unit.prerequisite {
            lines.append("   2.1 \(prerequisite.code) \(prerequisite.title)")
            annex.prerequisites += 1
        } else {
            lines.append("   (Tidak ada.)")
        }
        lines.append("3. Pengetahuan dan keterampilan yang dibutuhkan")
        lines.append("   3.1 Pengetahuan")
        lines.append("       3.1.1 Prosedur \(object.lowercased())")
        lines.append("4. Sikap kerja yang diperlukan")
        lines.append("   4.1 \(attitudes.randomElement(using: &random)!)")
        lines.append("5. Aspek kritis")
        lines.append("   5.1 Ketelitian dalam \(task)")
        annex.definitions += 1
    }

    /// The unit's other version, in the code's own format (`.1` <-> `.2`, `.01` <-> `.02`).
    static func otherVersion(_ code: String) -> String {
        let dot = code.lastIndex(of: ".")!
        let version = code[code.index(after: dot)...]
        let other = Int(version)! == 1 ? 2 : 1
        return String(code[...dot]) + (version.count == 2 ? String(format: "%02d", other) : String(other))
    }

    /// Words in lines of at most `width` characters; `Tahap 3-45` stays on one line (a line
    /// starting with a number would read as a numbered row).
    static func wrap(_ text: String, width: Int) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ") {
            if let last = words.last, last == "Tahap" || last == "tahap" {
                words[words.count - 1] += " " + word
            } else {
                words.append(String(word))
            }
        }
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        return lines
    }

    static let objects = [
        "Dokumen", "Peralatan", "Data", "Laporan", "Jadwal", "Bahan", "Prosedur", "Sistem", "Anggaran", "Rencana",
    ]
    static let elementVerbs = ["Menyiapkan", "Melaksanakan", "Memeriksa", "Mendokumentasikan", "Menilai", "Menyusun"]
    static let stages = ["awal", "pekerjaan", "hasil kerja", "tindak lanjut"]
    static let criterionSubjects = ["Kebutuhan", "Kelengkapan", "Kesesuaian", "Hasil", "Catatan", "Ketersediaan"]
    static let criterionVerbs = ["diidentifikasi", "diperiksa", "dicatat", "disiapkan", "dilaporkan", "ditetapkan"]
    static let criterionEnds = [
        "sesuai dengan prosedur kerja", "berdasarkan petunjuk teknis yang berlaku",
        "sesuai dengan kebutuhan pekerjaan", "sesuai dengan standar operasional prosedur",
        "secara lengkap dan tepat waktu",
    ]
    static let tools = ["Alat tulis kantor", "Perangkat komputer", "Alat ukur", "Perangkat lunak pengolah data"]
    static let attitudes = ["Teliti", "Cermat", "Disiplin", "Tanggung jawab"]
}

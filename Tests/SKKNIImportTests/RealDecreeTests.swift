import Foundation
import Testing

@testable import SKKNICore
@testable import SKKNIImport

/// The Ministry of Trade's draft KKNI regulation (row 18 of Tests/Fixtures/real/SOURCES.md),
/// read from its `pdftotext -layout` text: a `PERATURAN MENTERI` with qualifications per
/// subfield and level, its tables with the code alone on a line, the title stacked below it and
/// the prerequisites in a third column, and a `KONSEP` watermark in every page's text.
@Suite struct RealDecreeTests {
    static let path = "Tests/Fixtures/real/kkni/kkni-konsep-permendag-2025-perdagangan-eceran-online.txt"

    static func read(_ text: String? = nil) throws -> (Decree, [Diagnostic]) {
        let document: DocumentText
        if let text {
            document = DocumentText(path: path, text: text)
        } else {
            document = try DocumentText(path: path, data: Data(contentsOf: Seeds.root.appendingPathComponent(path)))
        }
        let (imported, diagnostics) = try Importer.importDocument(document)
        guard case .decree(let decree) = imported else { throw ImportError(file: path, message: "not a decree") }
        return (decree, diagnostics)
    }

    static let imported = try! read()
    static var decree: Decree { imported.0 }
    static func qualification(_ letter: String) -> Qualification {
        decree.qualifications.first { $0.letter == letter }!
    }
    static func unit(_ letter: String, _ role: UnitRole, _ number: Int) -> QualificationUnit {
        qualification(letter).units(role).first { $0.number == number }!
    }

    @Test func isADraftPermendagWithoutANumber() {
        let d = Self.decree
        #expect(d.kind == "PERMENDAG")
        #expect(d.isDraft && d.draft == true)
        #expect(d.number == nil && d.year == 2025)
        #expect(d.label == "Konsep Permendag …/2025")
        #expect(d.id == "permendag-konsep-2025-perdagangan-barang-secara-eceran-melalui-pemesanan-online")
        #expect(
            d.title
                == "PENERAPAN KERANGKA KUALIFIKASI NASIONAL INDONESIA BIDANG PERDAGANGAN BARANG SECARA ECERAN MELALUI PEMESANAN ONLINE"
        )
        #expect(d.field == "Perdagangan Barang Secara Eceran Melalui Pemesanan Online")
        #expect(d.line == 8)
        #expect(d.dateSet == nil)
    }

    @Test func elevenQualificationsWithTheirPackagingRules() {
        let d = Self.decree
        // letter: (line, level, subfield, total, inti, pilihan, inti rows, pilihan rows)
        let expected: [(String, Int, Int, String, Int, Int, Int, Int, Int)] = [
            ("I-A", 222, 3, "Operasional", 7, 4, 3, 4, 8),
            ("I-B", 364, 4, "Operasional", 8, 5, 3, 5, 8),
            ("I-C", 514, 5, "Operasional", 7, 4, 3, 4, 7),
            ("I-D", 655, 6, "Operasional", 7, 5, 2, 5, 5),
            ("II-A", 800, 3, "Finance dan Legal", 6, 4, 2, 4, 5),
            ("II-B", 937, 4, "Finance dan Legal", 6, 4, 2, 4, 4),
            ("II-C", 1073, 5, "Finance dan Legal", 7, 4, 3, 4, 8),
            // The next two have a page footer and the watermark between items 1) and 2).
            ("III-A", 1227, 3, "Sales dan Marketing", 7, 4, 3, 4, 9),
            ("III-B", 1366, 4, "Sales dan Marketing", 8, 4, 4, 4, 11),
            ("III-C", 1519, 5, "Sales dan Marketing", 9, 4, 5, 4, 15),
            ("III-D", 1686, 6, "Sales dan Marketing", 10, 6, 4, 6, 10),
        ]
        #expect(d.qualifications.map(\.letter) == expected.map(\.0))
        for (q, e) in zip(d.qualifications, expected) {
            #expect(q.id == "\(d.id)-\(e.0)")
            #expect(q.line == e.1, "\(e.0)")
            #expect(q.level == e.2, "\(e.0)")
            #expect(q.subfield == e.3 && q.group == e.3, "\(e.0)")
            #expect(q.packaging?.total == e.4, "\(e.0)")
            #expect(q.packaging?.inti == e.5, "\(e.0)")
            #expect(q.packaging?.pilihan == e.6, "\(e.0)")
            #expect(q.units(.inti).count == e.7, "\(e.0)")
            #expect(q.units(.pilihan).count == e.8, "\(e.0)")
        }
        #expect(Self.qualification("III-A").packaging?.line == 1314)
        #expect(Self.qualification("III-C").packaging?.line == 1607)
    }

    @Test func a138RowsOf68DistinctCodes() {
        let rows = Self.decree.qualifications.flatMap(\.units)
        #expect(rows.count == 138)
        #expect(Set(rows.map(\.code.raw)).count == 68)
        // Every row is numbered in order within its table.
        for q in Self.decree.qualifications {
            for role in UnitRole.allCases {
                #expect(q.units(role).map(\.number) == Array(1...q.units(role).count), "\(q.letter) \(role)")
            }
        }
    }

    @Test func rowsAreRebuiltFromTheStackedCells() {
        // Title on the line below the code; `Tidak ada` beside the code.
        let first = Self.unit("I-A", .inti, 2)
        #expect(first.code.raw == "G.47PEI00.019.1")
        #expect(first.cleanTitle == "Mengelola Keselamatan dan Kesehatan Kerja (K3) Model Bisnis Retail Online")
        #expect(first.prerequisites.isEmpty)
        #expect(first.line == 326 && first.continuationLines == [327, 328, 329])
        // The prerequisite's title, in the third column, is not part of the unit's title.
        let facilities = Self.unit("I-A", .pilihan, 8)
        #expect(facilities.code.raw == "G.46RIT00.062.1")
        #expect(facilities.cleanTitle == "Mengelola Fasilitas pada Gerai Ritel")
        #expect(facilities.prerequisites.map(\.raw) == ["G.46RIT00.049.01"])
        // A second prerequisite further down the third column.
        let indicators = Self.unit("I-D", .inti, 4)
        #expect(indicators.cleanTitle == "Mengelola Indikator Keuangan dan Kinerja Operasional Ritel")
        #expect(indicators.prerequisites.map(\.raw) == ["G.46RIT00.076.01", "G.46RIT00.065.01"])
        // One space between the columns.
        let evaluate = Self.unit("II-B", .pilihan, 2)
        #expect(evaluate.cleanTitle == "Mengevaluasi Penjualan Barang")
        #expect(evaluate.prerequisites.map(\.raw) == ["G.47PEI00.002.1"])
        // A page break inside the row, after which the table is drawn further right.
        let analyse = Self.unit("II-C", .pilihan, 3)
        #expect(analyse.code.raw == "G.47PEI00.013.1")
        #expect(analyse.cleanTitle == "Menganalisis Laporan Keuangan untuk Model Bisnis Retail Online")
        #expect(analyse.prerequisites.map(\.raw) == ["G.47PEI00.012.1"])
        #expect(analyse.continuationLines == [1203, 1204, 1205])
        // The title continues after the page footer and the watermark.
        let app = Self.unit("I-B", .pilihan, 5)
        #expect(
            app.cleanTitle
                == "Menentukan Aplikasi Perdagangan Daring (e‑Commerce) Untuk Meningkatkan Penjualan dan Pelayanan Ritel"
        )
        // Justified text with wide gaps inside the title column.
        #expect(Self.unit("III-B", .pilihan, 8).cleanTitle == "Meningkatkan Kinerja Tim Penjualan")
        // A prerequisite without its version is kept as written (the checker reports it).
        let profit = Self.unit("II-C", .inti, 4)
        #expect(profit.prerequisites.map(\.raw) == ["G.46RIT00.065"])
        #expect(profit.cleanTitle == "Mendorong Potensi Laba (Profitability) Bisnis Ritel")
    }

    @Test func theForeignUnitIsKeptWithItsCodeAsWritten() {
        let foreign = Self.unit("I-A", .pilihan, 7)
        #expect(foreign.code.raw == "SIRXICT303")
        #expect(foreign.code.format == .invalid)
        #expect(foreign.cleanTitle == "Mengoperasikan Teknologi Sistem Informasi Ritel")
        #expect(foreign.line == 356)
    }

    @Test func theDuplicateIsKeptAsTwoRows() {
        let inti = Self.qualification("III-D").units(.inti)
        #expect(inti.count == 6 && Set(inti.map(\.code)).count == 5)
        let twice = inti.filter { $0.code.raw == "G.47PEI00.031.1" }
        #expect(twice.map(\.line) == [1793, 1805])
        #expect(twice.map { $0.prerequisites.map(\.raw) } == [[], ["G.47PEI00.001.1"]])
    }

    @Test func nothingIsLostAndTheWatermarkCutsNothing() throws {
        let diagnostics = Self.imported.1
        // No unreadable row, no row without its prerequisite column or its title.
        #expect(diagnostics.filter { ["SKK001", "SKK002", "SKK004", "SKK005", "SKK006"].contains($0.rule) }.isEmpty)
        // What the importer says: the draft's codification is the template's `x 00 xxx 00`.
        #expect(diagnostics.count == 11)
        #expect(diagnostics.allSatisfy { $0.rule == "SKK003" && $0.message.contains("belum diisi: x 00 xxx 00") })
        // Every line of the tables holding a code is a row's line or one of its continuation lines.
        let lines = try String(contentsOf: Seeds.root.appendingPathComponent(Self.path), encoding: .utf8)
            .components(separatedBy: "\n")
        let rowLines = Set(
            Self.decree.qualifications.flatMap(\.units).flatMap { [$0.line] + ($0.continuationLines ?? []) })
        let start = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "LAMPIRAN" }!
        for (i, line) in lines.enumerated() where i > start {
            let words = line.split(separator: " ")
            if words.contains(where: { UnitRowParser.isCodeLike($0) || $0 == "SIRXICT303" }) {
                #expect(rowLines.contains(i + 1), "line \(i + 1): \(line)")
            }
        }
        for unit in Self.decree.qualifications.flatMap(\.units) {
            #expect(lines[unit.line - 1].contains(unit.code.raw), "\(unit.code) at \(unit.line)")
        }
    }

    /// A PDF reader may give each row on one line: `N  CODE  TITLE  PREREQ…` or `… Tidak ada`,
    /// the prerequisites' titles after their codes. The same rows come out.
    @Test func rowsMergedOnOneLineReadTheSame() throws {
        var lines = try String(contentsOf: Seeds.root.appendingPathComponent(Self.path), encoding: .utf8)
            .components(separatedBy: "\n")
        for q in Self.decree.qualifications {
            for unit in q.units {
                let third =
                    unit.prerequisites.isEmpty
                    ? "Tidak ada" : unit.prerequisites.map { "\($0.raw)  Judul Persyaratan" }.joined(separator: "  ")
                lines[unit.line - 1] = "   \(unit.number!).   \(unit.code.raw)   \(unit.title)   \(third)"
                for n in unit.continuationLines ?? [] { lines[n - 1] = "" }
            }
        }
        let (merged, diagnostics) = try Self.read(lines.joined(separator: "\n"))
        #expect(diagnostics.filter { $0.rule == "SKK001" || $0.rule == "SKK002" }.isEmpty)
        let before = Self.decree.qualifications.flatMap(\.units)
        let after = merged.qualifications.flatMap(\.units)
        #expect(after.count == 138)
        #expect(after.map(\.code) == before.map(\.code))
        #expect(after.map(\.cleanTitle) == before.map(\.cleanTitle))
        #expect(after.map(\.prerequisites) == before.map(\.prerequisites))
        #expect(after.map(\.role) == before.map(\.role))
    }

    @Test func aCodeInTheTitleColumnIsSaidNotDropped() throws {
        var lines = try String(contentsOf: Seeds.root.appendingPathComponent(Self.path), encoding: .utf8)
            .components(separatedBy: "\n")
        // A stray code in the title of row 1 of I-A's inti table.
        lines[325 - 1] = "         Layanan Pengiriman G.47PEI00.099.1 yang Tepat"
        let (_, diagnostics) = try Self.read(lines.joined(separator: "\n"))
        let unreadable = diagnostics.filter { $0.rule == "SKK001" }
        #expect(unreadable.map(\.location.line) == [325])
        #expect(unreadable.first?.message.contains("G.47PEI00.099.1") == true)
    }

    @Test func theDraftSurvivesEverySerialisation() throws {
        let d = Self.decree
        // The catalogue file, byte for byte what JSONEncoder writes, and read back.
        let json = CatalogJSON.encode(d)
        #expect(json == (try CatalogStore.encoder().encode(d) + Data("\n".utf8)))
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\n  \"draft\" : true,") && !text.contains("\n  \"number\""))
        #expect(try JSONDecoder().decode(Decree.self, from: json) == d)
        // The snapshot the import cache keeps.
        var writer = SnapshotWriter()
        writer.write(d)
        let back = try writer.bytes.withUnsafeBytes { bytes in
            var reader = SnapshotReader(bytes)
            return try reader.decree()
        }
        #expect(back == d)
        // An enacted decree's file has no draft key (KEPMEN 3/2021's files are unchanged).
        #expect(!String(decoding: CatalogJSON.encode(Seeds.decree), as: UTF8.self).contains("draft"))
    }

    @Test func readsTheOtherSectionsOfAQualification() {
        let a = Self.qualification("I-A")
        #expect(a.codification == nil)
        #expect(a.description?.hasPrefix("Kualifikasi ini mampu melaksanakan dan menangani serangkaian tugas") == true)
        #expect(a.role?.hasPrefix("Jenjang Kualifikasi 3 Subbidang Operasional berperan sebagai pelaksana") == true)
        // `a. Sikap Kerja Umum` and `b. Sikap Kerja Khusus`, items numbered `1)`; a page footer inside.
        #expect(a.generalAttitudes.count == 6)
        #expect(
            a.generalAttitudes[1] == "Memiliki moral, etika dan kepribadian yang baik di dalam menyelesaikan tugasnya;")
        #expect(a.workAttitudes.count == 10)
        #expect(a.workAttitudes.first?.name == "Komunikatif")
        #expect(
            a.workAttitudes.first?.text
                == "Menggunakan Bahasa Indonesia yang baik dan benar serta mudah dipahami dalam melayani pelanggan dan bekerja dalam tim."
        )
        #expect(a.workAttitudes.last?.name == "Belajar")
        // A numbered list under its column headings; one item lost its dot.
        #expect(a.jobTitles.first == "Admin Operasional" && a.jobTitles.count == 9)
        let financeStaff = Self.qualification("II-A").jobTitles
        #expect(financeStaff.count == 11 && financeStaff.contains("Regulatory Staff / Staf regulasi"))
    }
}

/// The same draft read from its PDF (`PDFReader`, which may merge each row onto one line).
@Suite struct RealDecreePDFTests {
    static let path = "Tests/Fixtures/real/kkni/kkni-konsep-permendag-2025-perdagangan-eceran-online.pdf"

    @Test func thePDFGivesTheSameQualificationsAndRows() throws {
        let (imported, diagnostics, _) = try Importer.importFile(
            at: Seeds.root.appendingPathComponent(Self.path), displayPath: Self.path)
        guard case .decree(let d) = imported else {
            Issue.record("not read as a decree")
            return
        }
        #expect(diagnostics.allSatisfy { $0.rule == "SKK003" || $0.rule == "SKK007" })
        let text = RealDecreeTests.decree
        #expect(d.isDraft && d.kind == "PERMENDAG" && d.id == text.id)
        #expect(d.qualifications.map(\.letter) == text.qualifications.map(\.letter))
        let rows = d.qualifications.flatMap(\.units)
        #expect(rows.count == 138)
        #expect(Set(rows.map(\.code.raw)).count == 68)
        #expect(d.qualifications.map(\.packaging?.inti) == text.qualifications.map(\.packaging?.inti))
        #expect(d.qualifications.map(\.packaging?.pilihan) == text.qualifications.map(\.packaging?.pilihan))
        #expect(d.qualifications.map(\.packaging?.total) == text.qualifications.map(\.packaging?.total))
        #expect(rows.map(\.code) == text.qualifications.flatMap(\.units).map(\.code))
        #expect(rows.map(\.prerequisites) == text.qualifications.flatMap(\.units).map(\.prerequisites))
        #expect(rows.map(\.cleanTitle) == text.qualifications.flatMap(\.units).map(\.cleanTitle))
    }
}

/// Other KKNI regulations than the Permendag draft: an enacted PERMEN with its number, headings
/// `A. JENJANG n SUBBIDANG …`, letters running on through the parts, the stacked layout.
@Suite struct KKNIRegulationVarietyTests {
    static let text = """
        PERATURAN MENTERI KETENAGAKERJAAN REPUBLIK INDONESIA
        NOMOR 5 TAHUN 2024
        TENTANG
        PENERAPAN KERANGKA KUALIFIKASI NASIONAL INDONESIA BIDANG CONTOH

        Menimbang : bahwa Kerangka Kualifikasi Nasional Indonesia Bidang Contoh perlu diterapkan;

        LAMPIRAN

        I.  SUBBIDANG PERTAMA
            A. JENJANG 3 SUBBIDANG PERTAMA
               6. Aturan Pengemasan
               3 (tiga) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:
               1) 2 (dua) unit kompetensi inti; dan
               2) 1 (satu) unit kompetensi pilihan.
               UNIT KOMPETENSI INTI
                No.   Daftar Unit Kompetensi          Persyaratan Kompetensi
                1.    N.78SPS02.011.1                 Tidak ada
                      Mengidentifikasi Standar
                      Kompetensi
                2.    N.78SPS02.019.2                 BSBWOR203
                      Merencanakan Penyajian          Work Effectively
                                                      N.78SPS02.011.1
               UNIT KOMPETENSI PILIHAN
                No.   Daftar Unit Kompetensi          Persyaratan Kompetensi
                1.    N.78SPS02.039.2                 Tidak ada
                      Mengelola Bahan Pelatihan
                2.    N.78SPS02.041.2
                      Mengelola Peralatan
        II. SUBBIDANG KEDUA
            B. JENJANG 4 SUBBIDANG KEDUA
               6. Aturan Pengemasan
               1 (satu) unit kompetensi harus diselesaikan/dipenuhi, dengan perincian:
               1) 1 (satu) unit kompetensi inti; dan
               2) 0 (nol) unit kompetensi pilihan.
               UNIT KOMPETENSI INTI
                1.    N.78SPS02.061.1   Melakukan Komunikasi di Tempat Kerja   Tidak ada
        """

    @Test func anEnactedPermenakerReadsWithItsNumber() throws {
        let document = DocumentText(path: "contoh/permenaker-5-2024.txt", text: Self.text)
        let (imported, diagnostics) = try Importer.importDocument(document)
        guard case .decree(let d) = imported else {
            Issue.record("not read as a decree")
            return
        }
        #expect(d.kind == "PERMENAKER" && d.number == 5 && d.year == 2024 && !d.isDraft && d.draft == nil)
        #expect(d.id == "permenaker-5-2024" && d.label == "PERMENAKER 5/2024")
        #expect(d.field == "Contoh")
        // Letters run on through the parts: they stay as written.
        #expect(d.qualifications.map(\.letter) == ["A", "B"])
        #expect(d.qualifications.map(\.subfield) == ["Pertama", "Kedua"])
        #expect(d.qualifications.map(\.level) == [3, 4])
        let a = d.qualifications[0]
        #expect(a.packaging?.total == 3 && a.packaging?.inti == 2 && a.packaging?.pilihan == 1)
        #expect(
            a.units.map(\.cleanTitle) == [
                "Mengidentifikasi Standar Kompetensi", "Merencanakan Penyajian", "Mengelola Bahan Pelatihan",
                "Mengelola Peralatan",
            ])
        // A foreign prerequisite is kept beside an SKKNI one; the prerequisite's title is not the unit's.
        #expect(a.units[1].prerequisites.map(\.raw) == ["BSBWOR203", "N.78SPS02.011.1"])
        // A row with no third column at all is said (SKK002) and imported without prerequisites.
        #expect(diagnostics.filter { $0.rule == "SKK002" }.map(\.subject) == ["N.78SPS02.041.2"])
        #expect(diagnostics.filter { $0.rule == "SKK001" }.isEmpty)
        // A row on one line in the same kind of table.
        #expect(d.qualifications[1].units.map(\.code.raw) == ["N.78SPS02.061.1"])
        #expect(d.qualifications[1].units[0].cleanTitle == "Melakukan Komunikasi di Tempat Kerja")
    }
}

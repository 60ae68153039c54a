import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// The SKKNI decree annexes of the real corpus (Tests/Fixtures/real/skkni, SOURCES.md rows
/// 13-17) and small documents in their layout.
@Suite struct StandardDecreeTests {
    static let folder = Seeds.root.appendingPathComponent("Tests/Fixtures/real/skkni")

    /// File stem, number, year, Daftar rows, Uraian blocks (SOURCES.md).
    static let corpus: [(stem: String, number: Int, year: Int, listed: Int, defined: Int)] = [
        ("skkni-kepmen-321-2016-jaringan-komputer", 321, 2016, 24, 24),
        ("skkni-kepmen-056-2018-pengoperasian-komputer", 56, 2018, 17, 17),
        ("skkni-kepmen-299-2020-data-science", 299, 2020, 21, 21),
        ("skkni-kepmen-126-2023-desain-grafis-dkv", 126, 2023, 20, 20),
        ("skkni-kepmen-103-2026-artificial-intelligence", 103, 2026, 27, 27),
    ]

    static func standard(_ stem: String, ext: String = "txt") throws -> (StandardDecree, [Diagnostic]) {
        let (document, diagnostics, _) = try Importer.importFile(
            at: folder.appendingPathComponent("\(stem).\(ext)"), displayPath: "\(stem).\(ext)")
        guard case .standard(let standard) = document else {
            throw ImportError(file: stem, message: "bukan keputusan SKKNI")
        }
        return (standard, diagnostics)
    }

    static func definition(_ standard: StandardDecree, _ code: String) throws -> UnitDefinition {
        try #require(standard.definitions.first { $0.code.raw == code })
    }

    @Test(arguments: corpus.map(\.stem))
    func countsOfTheRealDecrees(_ stem: String) throws {
        let expected = Self.corpus.first { $0.stem == stem }!
        let (standard, diagnostics) = try Self.standard(stem)
        #expect(standard.id == "kepmen-\(expected.number)-\(expected.year)")
        #expect(standard.number == expected.number && standard.year == expected.year)
        #expect(standard.listedUnits.count == expected.listed)
        #expect(standard.definitions.count == expected.defined)
        #expect(standard.title?.hasPrefix("PENETAPAN STANDAR KOMPETENSI KERJA NASIONAL INDONESIA KATEGORI") == true)
        #expect(standard.field?.isEmpty == false)
        // Every definition has elements, every element criteria, and the importer had nothing to say.
        for d in standard.definitions {
            #expect(!d.title.isEmpty && d.description?.isEmpty == false, "\(d.code)")
            #expect(!d.elements.isEmpty && d.elements.allSatisfy { !$0.criteria.isEmpty && !$0.title.isEmpty })
            #expect(d.elements.allSatisfy { $0.criteria.allSatisfy { !$0.text.isEmpty && !$0.number.isEmpty } })
            #expect(!d.limits.isEmpty && !d.assessment.isEmpty)
        }
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        // The Daftar rows are numbered 1...n in order.
        #expect(standard.listedUnits.map(\.number) == Array(1...expected.listed))
    }

    /// The PDFs as published, through the PDF reader: the same rows and blocks as their text.
    @Test(arguments: corpus.map(\.stem))
    func countsOfTheRealPDFs(_ stem: String) throws {
        let expected = Self.corpus.first { $0.stem == stem }!
        let (fromPDF, _) = try Self.standard(stem, ext: "pdf")
        let (fromText, _) = try Self.standard(stem)
        #expect(fromPDF.id == fromText.id)
        #expect(fromPDF.listedUnits.count == expected.listed)
        #expect(fromPDF.definitions.count == expected.defined)
        #expect(fromPDF.listedUnits.map(\.code) == fromText.listedUnits.map(\.code))
        #expect(fromPDF.listedUnits.map(\.title) == fromText.listedUnits.map(\.title))
        #expect(fromPDF.definitions.map(\.code) == fromText.definitions.map(\.code))
        #expect(fromPDF.definitions.map(\.title) == fromText.definitions.map(\.title))
        #expect(fromPDF.definitions.map(\.elements.count) == fromText.definitions.map(\.elements.count))
        #expect(fromPDF.definitions.map(\.criteriaCount) == fromText.definitions.map(\.criteriaCount))
    }

    /// Every `KODE UNIT :` line of the text is a definition, at its line.
    @Test(arguments: corpus.map(\.stem))
    func everyCodeLineIsADefinition(_ stem: String) throws {
        let (standard, _) = try Self.standard(stem)
        let text = try String(contentsOf: Self.folder.appendingPathComponent("\(stem).txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("KODE UNIT") }
            .map { $0.offset + 1 }
        #expect(standard.definitions.map(\.line) == lines)
    }

    /// Every line of the Daftar with a code on it is a row, at that line.
    @Test(arguments: corpus.map(\.stem))
    func everyDaftarCodeLineIsARow(_ stem: String) throws {
        let (standard, _) = try Self.standard(stem)
        // As the importer reads it: form feeds (page breaks) are spaces.
        let lines = try DocumentText(
            path: stem, data: Data(contentsOf: Self.folder.appendingPathComponent("\(stem).txt"))
        ).lines
        let start = try #require(lines.firstIndex { StandardDecreeParser.isListHeading(LineText.plain($0)) })
        let end = try #require(
            lines.indices.first { $0 > start && StandardDecreeParser.isDefinitionsHeading(LineText.plain(lines[$0])) })
        let withCode = (start..<end).filter { i in
            LayoutLine(lines[i]).words.contains { LayoutText.codeToken($0.text) != nil }
        }.map { $0 + 1 }
        #expect(standard.listedUnits.map(\.line) == withCode)
    }

    @Test func dataScienceUnitOne() throws {
        let (standard, _) = try Self.standard("skkni-kepmen-299-2020-data-science")
        #expect(standard.field == "KEAHLIAN ARTIFICIAL INTELLIGENCE SUBBIDANG DATA SCIENCE")
        let d = try Self.definition(standard, "J.62DMI00.001.1")
        #expect(d.title == "Menentukan Objektif Bisnis")
        #expect(d.elements.count == 4)
        #expect(d.criteriaCount == 12)
        #expect(
            d.elements[0].title
                == "Menentukan permasalahan bisnis dan poin-poin objektif bisnis proyek data science dari sisi pengguna akhir"
        )
        #expect(d.elements[0].criteria[0].number == "1.1")
        #expect(
            d.elements[0].criteria[0].text
                == "Latar belakang dan permasalahan bisnis untuk proyek data science diidentifikasi sesuai dengan prosedur bisnis yang berlaku."
        )
        #expect(d.elements.map(\.criteria.count) == [4, 2, 3, 3])
        #expect(d.elements[1].title == "Membuat daftar terminologi, sumber daya, kebutuhan, asumsi dan batasan")
        #expect(
            d.description
                == "Unit kompetensi ini berhubungan dengan pengetahuan, keterampilan, dan sikap kerja yang dibutuhkan dalam menentukan objektif bisnis dari proyek data science."
        )
        // Limits and guidance keep their numbering; the empty prerequisite item says so.
        #expect(d.limits.first == UnitDefinition.Item(number: "1", text: "Konteks variabel", line: 365))
        #expect(d.limits.contains { $0.number == "4.2.4" && $0.text == "ISO 21500" })
        // The depth the unit page indents an item by: the parts of its number.
        #expect(d.limits.first { $0.number == "4.2.4" }?.depth == 3)
        #expect(d.limits.first?.depth == 1)
        #expect(UnitDefinition.Item(number: "", text: "x", line: 1).depth == 0)
        #expect(d.assessment.contains { $0.number == "2" && $0.text == "Persyaratan kompetensi (Tidak ada.)" })
        #expect(d.prerequisites.isEmpty)
        // The Daftar and the Uraian disagree on this title (SOURCES.md).
        let listed = try #require(standard.listedUnits.first { $0.code.raw == "J.62DMI00.021.1" })
        #expect(listed.title == "Melakukan Laporan Akhir Proyek Data Science")
        #expect(try Self.definition(standard, "J.62DMI00.021.1").title == "Membuat Laporan Akhir Proyek Data science")
        // An element number without its dot (`1 Merencanakan`).
        #expect(
            try Self.definition(standard, "J.62DMI00.021.1").elements.map(\.title) == [
                "Merencanakan penyusunan laporan akhir proyek data science",
                "Menyusun laporan akhir proyek data science",
            ])
        #expect(try Self.definition(standard, "J.62DMI00.013.1").prerequisites.map(\.code.raw) == ["J.62DMI00.005.1"])
    }

    /// 56/2018: a criterion broken by a page break (the header repeated, the text further
    /// right on the next page), and element words pushing the criterion number right.
    @Test func pageBreakInsideACriterion() throws {
        let (standard, _) = try Self.standard("skkni-kepmen-056-2018-pengoperasian-komputer")
        let d = try Self.definition(standard, "J.63OPR00.007.2")
        let bookmark = try #require(d.elements.last?.criteria.first { $0.number == "4.2" })
        #expect(
            bookmark.text
                == "Bookmark dapat dikelola, seperti dengan menambahkan folder dan mengatur isi dari tiap folder.")
        #expect(d.elements.last?.criteria.map(\.number) == ["4.1", "4.2", "4.3"])
        #expect(d.elements[2].title == "Memanfaatkan mesin pencari informasi di internet (search engine)")
        let printing = try Self.definition(standard, "J.63OPR00.006.2").elements[5]
        #expect(printing.title == "Mencetak file presentasi")
        #expect(
            printing.criteria.first?.text
                == "File presentasi dicetak sebagai slide dengan berbagai ukuran serta parameter pencetakan.")
        #expect(try Self.definition(standard, "J.63OPR00.017.1").code.raw == "J.63OPR00.017.1")
        #expect(standard.listedUnits.last?.code.raw == "J.63OPR00.017.2")
        // `J. 63OPR00.001.2`: a prerequisite code split after its letter.
        #expect(
            try Self.definition(standard, "J.63OPR00.008.2").prerequisites.map(\.code.raw) == ["J.63OPR00.001.2"])
    }

    /// 126/2023: a wrapped element at the foot of a page, its next criterion on the next
    /// page; titles printed around their code in the Daftar; the malformed code kept as written.
    @Test func wrappedElementAcrossAPage() throws {
        let (standard, _) = try Self.standard("skkni-kepmen-126-2023-desain-grafis-dkv")
        let d = try Self.definition(standard, "M.74DKV13.011.1")
        let element = d.elements[3]
        #expect(element.title == "Menciptakan purwarupa/dummy karya visual")
        #expect(element.criteria.map(\.number) == ["4.1", "4.2"])
        #expect(
            element.criteria[1].text
                == "Purwarupa/dummy karya visual diwujudkan secara rapih dan lengkap sesuai dengan arahan visual.")
        let row4 = standard.listedUnits[3]
        #expect(row4.code.raw == "M.74DKV13.004.3" && row4.title == "Menerapkan Prinsip Produksi Karya Visual")
        #expect(standard.listedUnits[17].title == "Menerapkan Perlindungan Kekayaan Intelektual")
        #expect(standard.definitions.contains { $0.code.raw == "M74DKV13.015.3" && !$0.code.isValid })
    }

    /// 321/2016: the Daftar header repeated at a page break; a criterion continuing after a
    /// repeated element header; elements misnumbered (1, 2, 4, 5 with criteria 3.x, 4.x)
    /// kept as printed.
    @Test func networkDecree() throws {
        let (standard, _) = try Self.standard("skkni-kepmen-321-2016-jaringan-komputer")
        #expect(standard.field == "JARINGAN KOMPUTER")
        #expect(standard.listedUnits[5].code.raw == "J.611000.006.01")
        #expect(standard.listedUnits[0].title == "Mengumpulkan Kebutuhan Teknis Pengguna yang Menggunakan Jaringan")
        let security = try Self.definition(standard, "J.611000.015.02")
        let access = security.elements[1]
        #expect(access.title == "Memastikan akses yang aman ke file dan sumber daya")
        #expect(
            access.criteria.first { $0.number == "2.3" }?.text
                == "Peningkatan kesadaran pengguna dalam masalah pengaturan keamanan diimplementasikan.")
        let replacing = try Self.definition(standard, "J.611000.023.01")
        #expect(replacing.elements.map(\.number) == [1, 2, 4, 5])
        #expect(replacing.elements[2].criteria.map(\.number) == ["3.1", "3.2"])
        #expect(replacing.elements[2].title == "Mendokumentasi konfigurasi yang sedang beroperasi")
        // Prerequisites with their titles; a malformed code as written.
        let routing = try Self.definition(standard, "J.611000.013.02")
        #expect(routing.prerequisites.map(\.code.raw) == ["J.611.000.004.01"])
        #expect(routing.prerequisites.first?.title == "Merancang Pengalamatan Jaringan")
    }

    /// 103/2026: the column-number row under the Daftar header, a page number in dashes after
    /// the last row, and a page break closing an element table.
    @Test func artificialIntelligenceDecree() throws {
        let (standard, _) = try Self.standard("skkni-kepmen-103-2026-artificial-intelligence")
        #expect(standard.listedUnits.last?.title == "Merawat Solusi Artificial Intelligence")
        #expect(standard.listedUnits.allSatisfy { $0.code.isValid })
        let d = try Self.definition(standard, "K.62AIN00.020.1")
        #expect(d.elements[3].title == "Menyusun rekomendasi perbaikan Solusi AI berdasarkan hasil explainability")
        #expect(
            d.elements[3].criteria.last?.text
                == "Dokumentasi proses explainability disiapkan untuk digunakan dalam pelatihan, audit, atau debugging lanjutan."
        )
    }

    // MARK: Small documents

    static let heading = """
                                 LAMPIRAN
                                 KEPUTUSAN MENTERI KETENAGAKERJAAN
                                 REPUBLIK INDONESIA
                                 NOMOR 7 TAHUN 2024
                                 TENTANG
                                 PENETAPAN STANDAR KOMPETENSI KERJA
                                 NASIONAL INDONESIA KATEGORI CONTOH
                                 BIDANG CONTOH

        """

    static let block = """
        KODE UNIT        :    J.62DMI00.001.1
        JUDUL UNIT       :    Menentukan Objektif Bisnis
        DESKRIPSI UNIT :      Unit kompetensi ini berhubungan dengan
                              menentukan objektif bisnis.

          ELEMEN KOMPETENSI                        KRITERIA UNJUK KERJA

        1. Menentukan                  1.1    Latar belakang diidentifikasi
           permasalahan                       sesuai prosedur.
                                       1.2    Poin-poin objektif dipilih.

        BATASAN VARIABEL
        1. Konteks variabel
           1.1   Berlaku untuk proyek data.

        PANDUAN PENILAIAN
        1. Konteks penilaian
           1.1   Dinilai di tempat kerja.
        2. Persyaratan kompetensi
           2.1   J.62DMI00.005.1: Menelaah Data
        """

    static func importText(_ text: String, path: String = "contoh.txt") throws -> (StandardDecree, [Diagnostic]) {
        let (document, diagnostics) = try Importer.importDocument(DocumentText(path: path, text: text))
        guard case .standard(let standard) = document else { throw ImportError(file: path, message: "bukan SKKNI") }
        return (standard, diagnostics)
    }

    @Test func aListPrintedTwiceIsOneList() throws {
        let list = """
            B. Daftar Unit Kompetensi
                NO       Kode Unit                 Judul Unit Kompetensi
                1       2                           3
                1.   J.62DMI00.001.1    Menentukan Objektif Bisnis
                2.   J.62DMI00.002.1    Menentukan Tujuan Teknis

                                                                              8
                NO       Kode Unit                 Judul Unit Kompetensi
                1.   J.62DMI00.001.1    Menentukan Objektif Bisnis
                2.   J.62DMI00.002.1    Menentukan Tujuan Teknis
                3.   J.62DMI00.002.1    Menentukan Tujuan Teknis

            C. Uraian Unit Kompetensi

            """
        let (standard, diagnostics) = try Self.importText(Self.heading + list + Self.block)
        #expect(standard.id == "kepmen-7-2024")
        #expect(standard.title == "PENETAPAN STANDAR KOMPETENSI KERJA NASIONAL INDONESIA KATEGORI CONTOH BIDANG CONTOH")
        #expect(standard.field == "CONTOH")
        // The second copy is dropped; the row after it, the same code again, is a row.
        #expect(standard.listedUnits.map(\.code.raw) == ["J.62DMI00.001.1", "J.62DMI00.002.1", "J.62DMI00.002.1"])
        #expect(standard.listedUnits.map(\.number) == [1, 2, 3])
        #expect(diagnostics.isEmpty)
        let d = try #require(standard.definitions.first)
        #expect(d.elements.first?.title == "Menentukan permasalahan")
        #expect(
            d.elements.first?.criteria.map(\.text) == [
                "Latar belakang diidentifikasi sesuai prosedur.", "Poin-poin objektif dipilih.",
            ])
        let line = try #require(Self.lineNumber(of: "2.1   J.62DMI00.005.1", in: Self.heading + list + Self.block))
        #expect(
            d.prerequisites == [
                UnitDefinition.Prerequisite(code: UnitCode("J.62DMI00.005.1"), title: "Menelaah Data", line: line)
            ])
    }

    static func lineNumber(of text: String, in document: String) -> Int? {
        document.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map {
            $0 + 1
        }
    }

    @Test func aPartialDocumentImportsWithANote() throws {
        let (standard, diagnostics) = try Self.importText(Self.block, path: "sumber/uraian-saja.txt")
        #expect(standard.id == "skkni-uraian-saja")
        #expect(standard.number == nil && standard.title == nil)
        #expect(standard.definitions.count == 1 && standard.listedUnits.isEmpty)
        #expect(diagnostics.map(\.rule) == ["SKK003"])
        #expect(diagnostics.first?.location.line == 1)
        #expect(diagnostics.first?.severity == .note)
    }

    @Test func unreadableRowsAndCodeLinesAreReported() throws {
        let list = """
            B. Daftar Unit Kompetensi
                NO       Kode Unit                 Judul Unit Kompetensi
                1.   J.62DMI00.001.1    Menentukan Objektif Bisnis
                2.   62.001.1           Menentukan Tujuan Teknis

            C. Uraian Unit Kompetensi
            KODE UNIT :

            """
        let text = Self.heading + list + Self.block
        let (standard, diagnostics) = try Self.importText(text)
        #expect(standard.listedUnits.count == 1)
        #expect(standard.definitions.count == 1)
        #expect(
            diagnostics.map(\.location.line) == [
                Self.lineNumber(of: "62.001.1", in: text)!, Self.lineNumber(of: "KODE UNIT :", in: text)!,
            ])
        #expect(diagnostics.allSatisfy { $0.rule == "SKK001" })
    }

    @Test func aKKNIDecreeAndASchemeAreNotTakenForStandards() throws {
        #expect(Seeds.result.catalog.standards.isEmpty)
        #expect(!Seeds.result.catalog.decrees.isEmpty)
    }

    // MARK: Catalogue file and cache

    @Test(arguments: corpus.map(\.stem))
    func catalogueFileIsWhatJSONEncoderWrites(_ stem: String) throws {
        let (standard, _) = try Self.standard(stem)
        let ours = CatalogStore.files(for: Catalog(standards: [standard]))
        #expect(ours.map(\.path) == ["standards/\(standard.id).json"])
        var reference = try CatalogStore.encoder().encode(standard)
        reference.append(0x0A)
        #expect(ours.first?.data == reference)
        #expect(try JSONDecoder().decode(StandardDecree.self, from: reference) == standard)
    }

    @Test func partialDocumentFileToo() throws {
        let (standard, _) = try Self.importText(Self.block)
        var reference = try CatalogStore.encoder().encode(standard)
        reference.append(0x0A)
        #expect(CatalogStore.files(for: Catalog(standards: [standard])).first?.data == reference)
    }

    @Test(arguments: corpus.map(\.stem))
    func snapshotRoundTrip(_ stem: String) throws {
        let (standard, diagnostics) = try Self.standard(stem)
        let payload = ImportCache.encode(.standard(standard), diagnostics)
        let decoded = try #require(ImportCache.decode(ArraySlice(payload)))
        guard case .standard(let back) = decoded.0 else {
            Issue.record("not a standard")
            return
        }
        #expect(back == standard)
        #expect(decoded.1 == diagnostics)
    }

    @Test func catalogueReadsBackWhatItWrote() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-standard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (standard, _) = try Self.standard("skkni-kepmen-299-2020-data-science")
        let catalog = Catalog(standards: [standard])
        let summary = try CatalogStore.write(catalog, to: dir)
        #expect(summary.written == ["standards/kepmen-299-2020.json"])
        #expect(try CatalogStore.read(from: dir).standards == [standard])
        #expect(try CatalogStore.write(Catalog(), to: dir).removed == ["standards/kepmen-299-2020.json"])
    }
}

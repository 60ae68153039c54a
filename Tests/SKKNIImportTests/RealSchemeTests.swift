import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// The twelve real schemes of Tests/Fixtures/real/skema (their `pdftotext -layout` text),
/// with the unit counts of SOURCES.md.
@Suite struct RealSchemeTests {
    static let directory = Seeds.root.appendingPathComponent("Tests/Fixtures/real/skema")

    struct Expected: CustomTestStringConvertible, Sendable {
        var file: String
        var count: Int
        /// (row index, code, whole clean title)
        var rows: [(Int, String, String)]
        var testDescription: String { file }
    }

    static let expected: [Expected] = [
        Expected(
            file: "skema-okupasi-instruktur-lsptki-2022", count: 14,
            rows: [
                (0, "N.78SPS02.012.2", "Menyusun program Pelatihan Kerja"),
                (
                    5, "N.78SPS02.038.1",
                    "Mengelola Pemenuhan Persyaratan Bahasa, Literasi, dan Berhitung dalam Proses Pembelajaran"
                ),
                (6, "N.78SPS02.075.1", "Menilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu"),
                (11, "N.78SPS02.063.1", "Menyiapkan Pelaksanaan Pelatihan atau Asesmen Berbasis Kompetensi"),
                (13, "N.78SPS02.068.1", "Melakukan Asesmen Berbasis Kompetensi"),
            ]),
        Expected(
            file: "skema-okupasi-instruktur-junior-lsptki-2022", count: 9,
            rows: [
                (0, "N.78SPS02.011.01", "Mengidentifikasi Standar Kompetensi dan Kualifikasi Kerja"),
                (3, "N.78SPS02.035.01", "Menerapkan Keselamatan dan Kesehatan Kerja (K3) di Lembaga Pelatihan Kerja"),
                // `5.  N.78SPS02.061.01 …` and `6.  …` are rows, not section headings.
                (4, "N.78SPS02.061.01", "Melakukan Komunikasi di Tempat Kerja"),
                (5, "N.78SPS02.039.02", "Mengelola Bahan Pelatihan Kerja"),
                (8, "N.78SPS02.075.02", "Menilai Kemajuan Kompetensi Peserta Pelatihan Secara Individual"),
            ]),
        Expected(
            file: "skema-okupasi-instruktur-master-lsptki-2022", count: 14,
            rows: [
                (4, "N.78SPS02.027.2", "Mengembangkan Jejaring Kerjasama Kemitraan Antar Lembaga/Perusahaan"),
                (8, "N.78SPS01.001.1", "Membuat Peta Kompetensi"),
                (12, "N.78SPS02.084.2", "Mengevaluasi Pelaksanaan Suatu Program Pelatihan Kerja"),
                (13, "N.78SPS02.086.2", "Mengevaluasi Biaya Suatu Program Pelatihan Kerja"),
            ]),
        Expected(
            file: "skema-okupasi-pelatih-di-tempat-kerja-lsptki-2022", count: 9,
            rows: [
                (6, "N.78SPS02.060.02", "Memfasilitasi Pelaksanaan Pelatihan di Tempat Kerja (OJT/Pemagangan)."),
                (8, "N.78SPS02.078.02", "Menilai Kompetensi Peserta Pelatihan di Tempat Kerja"),
            ]),
        Expected(
            file: "skema-okupasi-penyelenggara-pelatihan-lsptki-2022", count: 7,
            rows: [
                // The malformed code is kept as written, for the checker to report.
                (0, "N.78SP02.035.1", "Menerapkan Keselamatan dan Kesehatan Kerja (K3) di Lembaga Pelatihan Kerja"),
                (5, "N.78SPS02.058.1", "Menyiapkan Informasi untuk Penyelenggaraan Pelatihan Kerja"),
                (6, "N.78SPS02.059.2", "Memasarkan Program Pelatihan Kerja"),
            ]),
        Expected(
            file: "skema-junior-graphic-designer-lsp-signal", count: 5,
            rows: [
                (0, "M.74100.001.02", "Mengaplikasikan Prinsip Dasar Desain"),
                (4, "M.74100.010.01", "Menciptakan Karya Desain"),
            ]),
        Expected(
            file: "skema-junior-mobile-programmer-lsp-signal", count: 7,
            rows: [
                (
                    0, "J.612000.001.01",
                    "Menunjukkan Platform Operating System Dan Bahasa Pemrograman Di Dalam Perangkat Lunak"
                ),
                (1, "J.612000.003.01", "Merancang Database Dan Data Persistence Pada Mobile Data"),
                (2, "J.612000.006.01", "Menyusun Mobile Location Based Service, GPS Dan Mobile Navigation"),
                (3, "J.612000.007.01", "Merancang Mobile Interface"),
                (4, "J.612000.008.01", "Menjelaskan Dasar-Dasar Mobile Communication Security"),
                (5, "J.612000.022.01", "Menunjukkan Mobile Sensor Dan Spesifikasi Teknisnya Untuk Mobile Computing"),
                (6, "J.612000.025.01", "Menentukan Mobile Seluler Network"),
            ]),
        Expected(
            file: "skema-junior-network-administrator-lsp-signal", count: 5,
            rows: [
                (2, "J.611000.012.02", "Mengkonfigurasi switch pada jaringan"),
                (3, "J.611000.013.02", "Mengkonfigurasi routing pada perangkat jaringan dalam satu autonomous system"),
                (4, "J.611000.014.02", "Mengkonfigurasi routing pada perangkat jaringan antar autonomous system"),
            ]),
        Expected(
            file: "skema-junior-office-operator-lsp-signal", count: 6,
            rows: [
                (1, "J.63OPR00.004.2", "Menggunakan Perangkat Lunak Pengolah Kata Tingkat Dasar"),
                (2, "J.63OPR00.005.2", "Menggunakan Perangkat Lunak Lembar Sebara (Spreadsheet) Tingkat Dasar"),
                (3, "J.63OPR00.006.2", "Menggunakan Perangkat Lunak Presentasi Tingkat Dasar"),
                (4, "J.63OPR00.008.2", "Menggunakan Perangkat Lunak Pengakses Surat Elektronik (E-Mail Client)"),
                (5, "J.63OPR00.009.2", "Menggunakan Aplikasi Berbasis Internet (Internet Based Applications Literacy)"),
            ]),
        Expected(
            file: "skema-junior-web-developer-lsp-signal", count: 6,
            rows: [
                (
                    1, "J.620100.010.02",
                    "Menerapkan perintah eksekusi bahasa pemrograman berbasis teks, grafik, dan multimedia"
                ),
                (3, "J.620100.016.01", "Menulis kode dengan prinsip sesuai guidelines dan best practices"),
                (5, "J.620100.019.02", "Menggunakan library atau komponen pre-existing"),
            ]),
        Expected(
            file: "skema-motion-graphic-artist-lsp-signal", count: 10,
            rows: [
                (2, "J.59ANM00.003.2", "Membuat Pergerakan (Motion) Objek Digital"),
                (7, "J.59ANM01.038.2", "Membuat Penggabungan Aset Visual Teknik Layer 2D (Post 2D Compositing)"),
                (8, "J.59ANM02.051.2", "Melakukan Penyuntingan Gambar Akhir Animasi (Online Editing)"),
                (9, "J.59ANM03.052.2", "Membuat Settingan Sifat Bahan 3D (Shading)"),
            ]),
        Expected(
            file: "skema-teknisi-utama-jaringan-komputer-lsp-signal", count: 10,
            rows: [
                (0, "J.611000.001.01", "Mengumpulkan kebutuhan teknis pengguna yang menggunakan jaringan"),
                (1, "J.611000.002.01", "Mengumpulkan data peralatan jaringan dengan teknologi yang sesuai"),
                (2, "J.611000.003.02", "Merancang topologi jaringan"),
                (8, "J.611000.013.02", "Mengkonfigurasi routing pada perangkat jaringan dalam satu autonomous system"),
                (9, "J.611000.014.02", "Mengkonfigurasi routing pada perangkat jaringan antar autonomous system"),
            ]),
    ]

    static func importText(_ stem: String) throws -> (Scheme, [Diagnostic], DocumentText) {
        let (document, diagnostics, text) = try Importer.importFile(
            at: directory.appendingPathComponent(stem + ".txt"), displayPath: stem + ".txt")
        guard case .scheme(let scheme) = document else { throw ImportError(file: stem, message: "not a scheme") }
        return (scheme, diagnostics, text)
    }

    static func check(_ scheme: Scheme, _ expected: Expected, _ kind: String) {
        #expect(scheme.units.count == expected.count, "\(expected.file) (\(kind))")
        for (index, code, title) in expected.rows where index < scheme.units.count {
            let unit = scheme.units[index]
            #expect(unit.code.raw == code, "\(expected.file) (\(kind)) row \(index + 1)")
            // A PDF's text may space punctuation otherwise (`( Motion )`); its words must be the same.
            if kind == "pdf" {
                #expect(
                    TitleText.fold(unit.cleanTitle) == TitleText.fold(title), "\(expected.file) (pdf) row \(index + 1)")
            } else {
                #expect(unit.cleanTitle == title, "\(expected.file) (\(kind)) row \(index + 1)")
            }
        }
        // Numbers run 1...n: no row lost, none doubled.
        #expect(scheme.units.map(\.number) == Array(1...expected.count).map(Optional.some), "\(expected.file)")
    }

    /// PDFReader is written in parallel; the PDFs are checked once it reads them.
    static let pdfReaderWorks: Bool = {
        let url = directory.appendingPathComponent("skema-okupasi-instruktur-lsptki-2022.pdf")
        guard let data = try? Data(contentsOf: url) else { return false }
        do {
            _ = try PDFReader.read(data, path: "probe.pdf")
            return true
        } catch {
            return false
        }
    }()

    @Test(arguments: expected)
    func readsEveryUnitRowWithItsWholeTitle(_ expected: Expected) throws {
        let (scheme, diagnostics, _) = try Self.importText(expected.file)
        Self.check(scheme, expected, "txt")
        #expect(!diagnostics.contains { $0.rule == "SKK001" || $0.rule == "SKK004" }, "\(diagnostics.map(\.message))")
        if Self.pdfReaderWorks {
            let (document, pdfDiagnostics, pdfText) = try Importer.importFile(
                at: Self.directory.appendingPathComponent(expected.file + ".pdf"), displayPath: expected.file + ".pdf")
            guard case .scheme(let fromPDF) = document else {
                Issue.record("\(expected.file).pdf is not read as a scheme")
                return
            }
            Self.check(fromPDF, expected, "pdf")
            #expect(Self.unaccounted(fromPDF, pdfDiagnostics, pdfText) == [], "\(expected.file).pdf")
            // The same disagreements between list and detail blocks, at the PDF's own lines.
            #expect(
                pdfDiagnostics.filter { $0.rule == "SKK009" }.count == diagnostics.filter { $0.rule == "SKK009" }.count,
                "\(expected.file).pdf: \(pdfDiagnostics.filter { $0.rule == "SKK009" }.map(\.message))")
        }
    }

    @Test func titlesComeFromTheTitleLineOrTheRunningHeader() throws {
        #expect(
            try Self.importText("skema-junior-mobile-programmer-lsp-signal").0.title
                == "SKEMA SERTIFIKASI JUNIOR MOBILE PROGRAMMER")
        #expect(
            try Self.importText("skema-okupasi-instruktur-lsptki-2022").0.title
                == "SKEMA SERTIFIKASI OKUPASI INSTRUKTUR")
        let (tujk, _, _) = try Self.importText("skema-teknisi-utama-jaringan-komputer-lsp-signal")
        #expect(tujk.title == "SKEMA SERTIFIKASI TEKNISI UTAMA JARINGAN KOMPUTER")
        #expect(tujk.line == 13)
    }

    @Test func requirementsAreKeptWhereverTheirSectionStands() throws {
        // After the table (section 6), without the page footer.
        let (instruktur, _, _) = try Self.importText("skema-okupasi-instruktur-lsptki-2022")
        #expect(
            instruktur.requirements == [
                "6.1. Pendidikan minimal Diploma 3 (tiga).",
                "6.2. Memiliki Sertifikat Pelatihan Training of Trainer (TOT) Instruktur.",
                "6.3. Memiliki Pengalaman 5 (lima) tahun di bidang Pelatihan Kerja.",
            ])
        // Before the table (section 2 of the LSP Signal guides).
        let (jmp, _, _) = try Self.importText("skema-junior-mobile-programmer-lsp-signal")
        #expect(
            jmp.requirements.first.map(TitleText.collapseWhitespace)
                == "2.1 Telah menyelesaikan pendidikan Sekolah Menengah Atas (SMA) atau Sekolah")
        #expect(jmp.requirements.count == 6)
        #expect(!jmp.requirements.contains { $0.contains("Unit Kompetensi") || $0.contains("Hak Pemohon") })
    }

    @Test func theTemplateTypeLineGivesWayToTheTitle() throws {
        let lines = [
            "skema-okupasi-instruktur-lsptki-2022": 105, "skema-okupasi-instruktur-junior-lsptki-2022": 109,
            "skema-okupasi-instruktur-master-lsptki-2022": 106,
            "skema-okupasi-pelatih-di-tempat-kerja-lsptki-2022": 109,
            "skema-okupasi-penyelenggara-pelatihan-lsptki-2022": 106,
        ]
        for (stem, line) in lines {
            let (scheme, diagnostics, _) = try Self.importText(stem)
            #expect(scheme.packagingType == .okupasi, "\(stem)")
            #expect(scheme.packagingTypeText == "KKNI/Okupasi/Klaster")
            let notes = diagnostics.filter { $0.rule == "SKK008" }
            #expect(notes.map(\.location.line) == [line], "\(stem)")
            #expect(notes.allSatisfy { $0.severity == .note && $0.message.contains("judul skema: Okupasi") })
        }
        // A title that names no type leaves it unspecified, without a note (the checker reports it).
        let (jmp, jmpDiagnostics, _) = try Self.importText("skema-junior-mobile-programmer-lsp-signal")
        #expect(jmp.packagingType == .unspecified && jmp.packagingTypeText == nil)
        #expect(!jmpDiagnostics.contains { $0.rule == "SKK008" })
    }

    @Test func aMissingTypeLineIsTakenFromTheTitleAtTheTitleLine() throws {
        let text = """
            LSP Contoh
            SKEMA SERTIFIKASI KLASTER PENGELOLAAN GUDANG

            5. KEMASAN / PAKET KOMPETENSI
            NO\tKODE UNIT\tJUDUL UNIT
            1\tM.702093.007.01\tMenyusun Data Pelanggan
            """
        let (document, diagnostics) = try Importer.importDocument(DocumentText(path: "gudang.txt", text: text))
        guard case .scheme(let scheme) = document else { return }
        #expect(scheme.packagingType == .klaster && scheme.packagingTypeText == nil)
        #expect(diagnostics.filter { $0.rule == "SKK008" }.map(\.location.line) == [2])
    }

    struct Finding: Equatable, CustomStringConvertible {
        var line: Int
        var says: String
        var description: String { "\(line): \(says)" }
    }

    static func detailFindings(_ stem: String) throws -> [(line: Int, message: String)] {
        try importText(stem).1.filter { $0.rule == "SKK009" }.map { ($0.location.line, $0.message) }
    }

    @Test func detailBlocksThatDisagreeWithTheListAreReported() throws {
        let mga = try Self.detailFindings("skema-motion-graphic-artist-lsp-signal")
        #expect(mga.map(\.line) == [230, 510])
        #expect(mga[0].message.contains("rincian J.59ANM00.003.1") && mga[0].message.contains("J.59ANM00.003.2"))
        #expect(mga[1].message.contains("'J.59ANM02.052.2'") && mga[1].message.contains("J.59ANM03.052.2"))

        let joo = try Self.detailFindings("skema-junior-office-operator-lsp-signal")
        #expect(joo.map(\.line) == [247, 397])
        // A real wording difference (the Daftar's typo "Sebara"); "Kata – Tingkat" vs "Kata Tingkat" is none.
        #expect(joo[0].message.contains("Lembar Sebar (Spreadsheet)") && joo[0].message.contains("Lembar Sebara"))
        #expect(
            joo[1].message.contains("'J J.63OPR00.009.2' rusak") && joo[1].message.contains("menulis J.63OPR00.009.2"))

        // Sentence case in the list and Title Case in the blocks is no disagreement.
        let jwd = try Self.detailFindings("skema-junior-web-developer-lsp-signal")
        #expect(jwd.map(\.line) == [236])
        #expect(
            jwd[0].message.contains("'J J.620100.016.01' rusak") && jwd[0].message.contains("menulis J.620100.016.01"))

        // Real wording differences: Menyusun/Menjelaskan, Teknisnya/Teknis, Seluler/Cellular. The
        // last block's description, centred on its label, is not taken into its title.
        let jmp = try Self.detailFindings("skema-junior-mobile-programmer-lsp-signal")
        #expect(jmp.map(\.line) == [266, 406, 458])
        #expect(jmp[2].message.contains("(\"Menentukan Mobile Cellular Network\")"))

        for stem in [
            "skema-junior-graphic-designer-lsp-signal", "skema-junior-network-administrator-lsp-signal",
            "skema-teknisi-utama-jaringan-komputer-lsp-signal",
        ] {
            #expect(try Self.detailFindings(stem).isEmpty, "\(stem)")
        }
    }

    @Test func blocksAndListUnitsWithoutTheirCounterpartAreReported() throws {
        let text = """
            SKEMA SERTIFIKASI JUNIOR CONTOH
            6. Unit Kompetensi
              6.1. Daftar Unit Kompetensi
                No     Kode Unit           Judul Unit
                 1     J.611000.004.01     Merancang pengalamatan jaringan
                 2     J.611000.010.02     Memasang jaringan nirkabel

              6.2. Rincian Unit Kompetensi
            Kode Unit        : J.611000.004.01
            Judul Unit       : Merancang Pengalamatan Jaringan
            Deskripsi Unit   : Unit ini berhubungan dengan pengetahuan.

            Kode Unit        : J.611000.099.01
            Judul Unit       : Memasang Antena
            """
        let (_, diagnostics) = try Importer.importDocument(DocumentText(path: "contoh.txt", text: text))
        let findings = diagnostics.filter { $0.rule == "SKK009" }
        #expect(findings.map(\.location.line) == [13, 6])
        #expect(findings[0].message.contains("tidak ada di daftar unit"))
        #expect(
            findings[1].message.contains("J.611000.010.02")
                && findings[1].message.contains("tidak memiliki blok rincian"))
    }

    @Test func aDetailTitleSplitByAPageBreakIsJoined() throws {
        let text = """
            SKEMA SERTIFIKASI JUNIOR CONTOH
                No     Kode Unit           Judul Unit
                 1     J.611000.014.02     Mengkonfigurasi routing pada perangkat jaringan antar autonomous system

              6.2. Rincian Unit Kompetensi
            Kode Unit        : J.611000.014.02
            Judul Unit       : Mengkonfigurasi Routing pada Perangkat Jaringan antar


                               SKEMA SERTIFIKASI JUNIOR CONTOH        7
                               Autonomous System
            Deskripsi Unit   : Unit ini berhubungan dengan pengetahuan.
            """
        let (_, diagnostics) = try Importer.importDocument(DocumentText(path: "rincian.txt", text: text))
        #expect(!diagnostics.contains { $0.rule == "SKK009" }, "\(diagnostics.map(\.message))")
    }

    /// Lines holding something shaped like a unit code, by the accounting's own measure.
    static func codeShapedLines(_ document: DocumentText) -> [Int] {
        document.plainLines.indices.filter { i in
            UnitRowParser.words(document.plainLines[i][...]).contains { UnitRowParser.looksLikeUnitCode($0) }
        }.map { $0 + 1 }
    }

    /// Every code-shaped line is a row's line, one of its title lines, a detail block naming a
    /// listed code, or has a diagnostic.
    static func unaccounted(_ scheme: Scheme, _ diagnostics: [Diagnostic], _ document: DocumentText) -> [Int] {
        var accounted = Set(diagnostics.filter { $0.location.file == document.path }.map(\.location.line))
        for unit in scheme.units {
            accounted.insert(unit.line)
            accounted.formUnion(unit.continuationLines ?? [])
        }
        let codes = Set(scheme.units.map(\.code.raw))
        return codeShapedLines(document).filter { line in
            if accounted.contains(line) { return false }
            let plain = document.plainLines[line - 1]
            if let value = SchemeParser.value(of: "Kode Unit", in: plain), codes.contains(value) { return false }
            return true
        }
    }

    @Test func noCodeShapedLineIsLostInSilence() throws {
        var checked = 0
        for expected in Self.expected {
            let (scheme, diagnostics, document) = try Self.importText(expected.file)
            #expect(Self.unaccounted(scheme, diagnostics, document) == [], "\(expected.file)")
            checked += Self.codeShapedLines(document).count
        }
        for scheme in Seeds.result.catalog.schemes {
            let document = try #require(Seeds.result.documents[scheme.source])
            #expect(Self.unaccounted(scheme, Seeds.result.diagnostics, document) == [], "\(scheme.source)")
            checked += Self.codeShapedLines(document).count
        }
        // 102 table rows and 49 detail blocks in the twelve, 29 rows in the four seed schemes.
        #expect(checked == 102 + 49 + 29)
    }

    @Test func codeShapesBeyondWellFormedCodes() {
        for token in [
            "N.78SPS02.038.1", "M74DKV13.015.3", "M.74100.001.02", "C.290MM01.014.1", "10N.78SPS02.003.1",
            "N.78SP02.035.1", "(J.59ANM00.003.2),",
        ] {
            #expect(UnitRowParser.looksLikeUnitCode(token[...]), "\(token)")
        }
        for token in ["2/1645/LP.00.01/XII/2021", "SKM-LSPTKI-04-2022", "LP.00.01", "6.2.", "1.1.", "FR-APL01", "J"] {
            #expect(!UnitRowParser.looksLikeUnitCode(token[...]), "\(token)")
        }
    }

    @Test func oddRowsBecomeRowsOrDiagnosticsAtTheirLines() throws {
        let text = """
            1. Skema Sertifikasi Persiapan Ekspor
            Kode Unit          Judul Unit Kompetensi
            1  N.78SPS02.011.1  Mengidentifikasi Standar
            10N.78SPS02.019.2  Merencanakan Penyajian
            J J.63OPR00.009.2  Menggunakan Aplikasi Berbasis Internet
            Lihat juga N.78SPS02.020.1 di atas
            3  N.78SPS02.022.2  Merencanakan Evaluasi N.78SPS02.023.1
            """
        let (document, diagnostics) = try Importer.importDocument(DocumentText(path: "ganjil.txt", text: text))
        guard case .scheme(let scheme) = document else {
            Issue.record("not a scheme")
            return
        }
        #expect(scheme.title == "Skema Sertifikasi Persiapan Ekspor")
        #expect(scheme.units.map(\.code.raw) == ["N.78SPS02.011.1", "N.78SPS02.019.2"])
        #expect(scheme.units.map(\.number) == [1, 10])
        let unreadable = diagnostics.filter { $0.rule == "SKK001" }
        #expect(unreadable.map(\.location.line) == [5, 6, 7])
        #expect(unreadable[0].message.contains("mungkin maksudnya J.63OPR00.009.2"))
    }

    /// The PDF reader merges a row whose title wraps above and below its code into one line.
    @Test func mergedRowsReadLikeTheirLayout() throws {
        let text = """
            SKEMA SERTIFIKASI JUNIOR MOBILE PROGRAMMER
              6.1. Daftar Unit Kompetensi
                No          Kode Unit                              Judul Unit
                 1        J.612000.001.01     Menunjukkan Platform Operating System Dan Bahasa Pemrograman Di Dalam Perangkat Lunak
                 4        J.612000.007.01     Merancang Mobile Interface
                 5        J.612000.008.01     Menjelaskan Dasar-Dasar Mobile Communication Security
              6.2. Rincian Unit Kompetensi
            """
        let (document, _) = try Importer.importDocument(DocumentText(path: "gabung.txt", text: text))
        guard case .scheme(let scheme) = document else { return }
        #expect(
            scheme.units.map(\.cleanTitle) == [
                "Menunjukkan Platform Operating System Dan Bahasa Pemrograman Di Dalam Perangkat Lunak",
                "Merancang Mobile Interface", "Menjelaskan Dasar-Dasar Mobile Communication Security",
            ])
    }

    @Test func aTitleSplitByAPageBreakIsJoined() throws {
        let text = """
            SKEMA SERTIFIKASI OKUPASI CONTOH                SKM-01
            5. KEMASAN / PAKET KOMPETENSI
                No.   Kode Unit             Judul Unit
                  1   N.78SPS02.012.2       Menyusun program Pelatihan Kerja
                  2   N.78SPS02.038.1       Mengelola Pemenuhan Persyaratan Bahasa,

                                           LSP CONTOH INDONESIA             2
            SKEMA SERTIFIKASI OKUPASI CONTOH                SKM-01


                                            Literasi, dan Berhitung dalam Proses Pembelajaran
                  3   N.78SPS02.075.1       Menilai Kemajuan Kompetensi

            6. Persyaratan Dasar Pemohon Sertifikasi
               6.1. Pendidikan minimal Diploma 3 (tiga).

                                           LSP CONTOH INDONESIA             3
            """
        let (document, _) = try Importer.importDocument(DocumentText(path: "halaman.txt", text: text))
        guard case .scheme(let scheme) = document else { return }
        #expect(scheme.units.count == 3)
        #expect(
            scheme.units[1].cleanTitle
                == "Mengelola Pemenuhan Persyaratan Bahasa, Literasi, dan Berhitung dalam Proses Pembelajaran")
        #expect(scheme.units[1].continuationLines == [11])
        #expect(scheme.requirements == ["6.1. Pendidikan minimal Diploma 3 (tiga)."])
    }

    @Test func aRefusalSaysWhatWasClosestAndWhatIsMissing() throws {
        func refusal(_ text: String) -> ImportError? {
            do {
                _ = try Importer.importDocument(DocumentText(path: "x.txt", text: text))
                return nil
            } catch {
                return error
            }
        }
        // A scheme whose table header lacks its title column.
        let noHeader = refusal(
            """
            SKEMA SERTIFIKASI OKUPASI CONTOH
            5. KEMASAN
            Kode Unit
            1  N.78SPS02.012.2  Menyusun program Pelatihan Kerja
            """)
        #expect(noHeader?.line == 3)
        #expect(noHeader?.message.hasPrefix("bukan dokumen yang dikenali: paling mirip skema sertifikasi") == true)
        #expect(noHeader?.message.contains("kepala tabel") == true)
        // Rows without any header: at the first row.
        let rowsOnly = refusal(
            """
            SKEMA SERTIFIKASI OKUPASI CONTOH

            1  N.78SPS02.012.2  Menyusun program Pelatihan Kerja
            """)
        #expect(rowsOnly?.line == 3)
        // A table without a scheme title.
        let noTitle = refusal(
            """
            Daftar unit

            NO\tKODE UNIT\tJUDUL UNIT
            1\tN.78SPS02.012.2\tMenyusun program Pelatihan Kerja
            """)
        #expect(noTitle?.line == 3)
        #expect(noTitle?.message.contains("tidak ada judul 'SKEMA SERTIFIKASI") == true)
        // A decree header without qualification sections.
        let decree = refusal(
            """
            KEPUTUSAN MENTERI KETENAGAKERJAAN
            NOMOR 9 TAHUN 2024
            """)
        #expect(decree?.line == 1)
        #expect(decree?.message.contains("paling mirip KEPMEN") == true)
    }
}

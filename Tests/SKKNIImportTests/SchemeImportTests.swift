import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

@Suite struct SchemeImportTests {
    @Test func readsTheFourSchemes() {
        let schemes = Seeds.result.catalog.schemes
        #expect(schemes.count == 4)
        let sales = Seeds.scheme("skema-okupasi-supervisor-sales-technical-support")
        #expect(sales.units.count == 14)
        #expect(sales.units.first?.code.raw == "C.282210.007.01")
        #expect(sales.units.first?.title == "Mengkomunikasikan Informasi")
        #expect(sales.units.last?.code.raw == "M.70SDM01.044.2")
        #expect(sales.units[1].code.raw == "C.28LOG09.002.2" && sales.units[1].title == "Membaca Gambar Teknik")
        #expect(sales.packagingType == .unspecified)
        #expect(sales.packagingTypeText == "KKNI-/ Okupasi /Klaster")
        #expect(sales.level == 5)
        #expect(sales.name == "Supervisor Sales Technical Support")
        #expect(sales.owner == "LSP Politeknik ATMI Surakarta")
        #expect(sales.approvedDate == "2021-03-25")
        #expect(sales.citations.map(\.label) == ["313/2013", "113/2016", "109/2018", "127/2018", "149/2020"])

        let produksi = Seeds.scheme("skema-klaster-pengelolaan-produksi")
        #expect(produksi.units.count == 10)
        #expect(produksi.units[2].code.raw == "C.290MM01.014.1")
        #expect(!produksi.units[2].code.isValid)
        #expect(produksi.packagingType == .unspecified)
        #expect(produksi.documentNumber == "SCM.009A/LSP.TMI")
        #expect(produksi.citations.map(\.label) == ["397/2014", "128/2015", "126/2016", "37/2017"])

        let pelanggan = Seeds.scheme("skema-klaster-pengelolaan-data-pelanggan")
        #expect(pelanggan.units.map(\.code.raw) == ["M.702093.007.01", "M.702093.008.01"])
        #expect(pelanggan.units.map(\.title) == ["Menyusun Data Pelanggan", "Mengelola Data Pelanggan"])
        #expect(pelanggan.packagingType == .klaster)
        #expect(pelanggan.citations.map(\.label) == ["170/2016"])
        #expect(pelanggan.requirements.contains { $0.contains("Ijazah S1") })
        // The running header a page break dropped into the requirements is not a requirement.
        #expect(!pelanggan.requirements.contains { $0.hasPrefix("SKEMA SERTIFIKASI") })

        let asesor = Seeds.scheme("skema-okupasi-nasional-asesor-kompetensi")
        #expect(asesor.units.map(\.code.raw) == ["P.85ASM00.001.2", "P.85ASM00.003.2", "P.854900.047.01"])
        #expect(asesor.packagingType == .okupasiNasional)
        #expect(asesor.citations.map(\.label) == ["161/2015", "185/2018"])
        #expect(asesor.citations[1].title?.hasPrefix("Perubahan atas Keputusan Menteri") == true)
        #expect(asesor.units.map(\.line) == [55, 56, 57])
    }

    @Test func reportsTheGarbledCoverAsADiagnostic() {
        let notes = Seeds.result.diagnostics.filter { $0.location.file.hasSuffix("asesor-kompetensi.txt") }
        #expect(notes.map(\.location.line) == [9, 13])
        #expect(notes.allSatisfy { $0.rule == "SKK003" && $0.severity == .note })
    }

    @Test func rejectsAFileThatIsNotADocument() throws {
        let text = DocumentText(path: "catatan.txt", text: "Daftar belanja\n- beras\n- gula\n")
        #expect(throws: ImportError.self) { try Importer.importDocument(text) }
        do {
            _ = try Importer.importDocument(text)
        } catch {
            #expect(error.description.hasPrefix("catatan.txt:1: galat: bukan dokumen yang dikenali"))
        }
    }

    @Test func anUnreadableRowBecomesADiagnosticAndTheRestImports() throws {
        let text = """
            KEPUTUSAN MENTERI KETENAGAKERJAAN
            NOMOR 9 TAHUN 2024
            TENTANG

            PENETAPAN JENJANG KUALIFIKASI NASIONAL INDONESIA BIDANG CONTOH

            LAMPIRAN
            A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
            DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
            KOMPETENSI INTI
            1.\tN.78SPS02.011.1\tMengidentifikasi Standar\tTidak ada
            2.\t%%% baris rusak %%%
            3.\tN.78SPS02.019.2\tMerencanakan Penyajian\tTidak ada
            """
        let (document, diagnostics) = try Importer.importDocument(DocumentText(path: "rusak.txt", text: text))
        guard case .decree(let decree) = document else {
            Issue.record("not a decree")
            return
        }
        #expect(decree.qualifications[0].units.map(\.code.raw) == ["N.78SPS02.011.1", "N.78SPS02.019.2"])
        let unreadable = diagnostics.filter { $0.rule == "SKK001" }
        #expect(unreadable.map(\.location) == [SKKNICore.SourceLocation(file: "rusak.txt", line: 12)])
    }

    @Test func joinsATitleWrappedOntoTheNextLine() throws {
        let text = """
            KEPUTUSAN MENTERI KETENAGAKERJAAN
            NOMOR 9 TAHUN 2024
            TENTANG

            PENETAPAN JENJANG KUALIFIKASI NASIONAL INDONESIA BIDANG CONTOH

            LAMPIRAN
            A. JENJANG KUALIFIKASI 3 KELOMPOK INSTRUKTUR
            DAFTAR UNIT KOMPETENSI\t\tPERSYARATAN KOMPETENSI
            KOMPETENSI INTI
            1.\tN.78SPS02.070.1\tMemimpin dalam Pelatihan
            dan Asesmen\tN.78SPS02.064.1 N.78SPS02.065.1
            """
        let (document, diagnostics) = try Importer.importDocument(DocumentText(path: "bungkus.txt", text: text))
        guard case .decree(let decree) = document else { return }
        let unit = decree.qualifications[0].units[0]
        #expect(unit.cleanTitle == "Memimpin dalam Pelatihan dan Asesmen")
        #expect(unit.prerequisites.map(\.raw) == ["N.78SPS02.064.1", "N.78SPS02.065.1"])
        #expect(unit.line == 11 && unit.continuationLines == [12])
        #expect(!diagnostics.contains { $0.rule == "SKK002" })
    }

    @Test func decodesUTF16AndWindows1252() throws {
        let utf16 = Data([0xFF, 0xFE]) + "Pemagangan – Ä".data(using: .utf16LittleEndian)!
        #expect(try DocumentText(path: "a.txt", data: utf16).lines == ["Pemagangan – Ä"])
        let cp1252 = Data([0x50, 0x96, 0x20, 0x93, 0x41, 0x94])
        #expect(try DocumentText(path: "b.txt", data: cp1252).lines == ["P– “A”"])
        #expect(throws: ImportError.self) { try DocumentText(path: "c.txt", data: Data([0x41, 0x00, 0x42])) }
        let crlf = Data("satu\r\ndua\r\n".utf8)
        #expect(try DocumentText(path: "d.txt", data: crlf).lines == ["satu", "dua"])
    }
}

import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// The real PDFs of Tests/Fixtures/real, each read once.
enum RealPDFs {
    static let root = Seeds.root.appendingPathComponent("Tests/Fixtures/real")

    static let documents: [String: Result<DocumentText, ImportError>] = {
        var found: [(String, URL)] = []
        for kind in ["skema", "skkni", "kkni"] {
            let directory = root.appendingPathComponent(kind)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names where name.hasSuffix(".pdf") {
                found.append((String(name.dropLast(4)), directory.appendingPathComponent(name)))
            }
        }
        let read = ConcurrentMap.map(found) { entry -> Result<DocumentText, ImportError> in
            do throws(ImportError) {
                guard let data = try? Data(contentsOf: entry.1) else {
                    throw ImportError(file: entry.0, message: "fixture tidak terbaca")
                }
                return .success(try PDFReader.read(data, path: entry.0 + ".pdf"))
            } catch {
                return .failure(error)
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(found.map(\.0), read))
    }()

    static func document(_ name: String) throws -> DocumentText {
        guard let result = documents[name] else { throw ImportError(file: name, message: "fixture hilang") }
        return try result.get()
    }

    /// The unit rows the table assembly emitted: `N  CODE  title…` (number optional).
    static func rows(_ document: DocumentText) -> [(index: Int, number: String?, code: String, rest: String)] {
        var rows: [(Int, String?, String, String)] = []
        for (i, line) in document.lines.enumerated() {
            let parts = line.components(separatedBy: "  ")
            guard parts.count >= 2, !parts[0].isEmpty else { continue }
            let number = UnitRowParser.rowNumber(Substring(parts[0])) != nil ? parts[0] : nil
            let codeIndex = number == nil ? 0 : 1
            guard codeIndex < parts.count, PDFUnitTables.isCodeShaped(parts[codeIndex]) else { continue }
            rows.append((i, number, parts[codeIndex], parts[(codeIndex + 1)...].joined(separator: "  ")))
        }
        return rows
    }
}

@Suite struct PDFReaderTests {
    static let schemeCounts: [(String, Int)] = [
        ("skema-okupasi-instruktur-lsptki-2022", 14),
        ("skema-okupasi-instruktur-junior-lsptki-2022", 9),
        ("skema-okupasi-instruktur-master-lsptki-2022", 14),
        ("skema-okupasi-pelatih-di-tempat-kerja-lsptki-2022", 9),
        ("skema-okupasi-penyelenggara-pelatihan-lsptki-2022", 7),
        ("skema-junior-graphic-designer-lsp-signal", 5),
        ("skema-junior-mobile-programmer-lsp-signal", 7),
        ("skema-junior-network-administrator-lsp-signal", 5),
        ("skema-junior-office-operator-lsp-signal", 6),
        ("skema-junior-web-developer-lsp-signal", 6),
        ("skema-motion-graphic-artist-lsp-signal", 10),
        ("skema-teknisi-utama-jaringan-komputer-lsp-signal", 10),
    ]

    @Test(arguments: schemeCounts)
    func schemeUnitTableHasEveryRow(_ name: String, _ count: Int) throws {
        let document = try RealPDFs.document(name)
        let rows = RealPDFs.rows(document)
        #expect(rows.count == count, "\(name): \(rows.map(\.code))")
        // Numbered 1…n in order, each row once.
        #expect(rows.compactMap { $0.number.flatMap { UnitRowParser.rowNumber(Substring($0)) } } == Array(1...count))
        #expect(document.places?.count == document.lines.count)
    }

    /// The row's whole title, whatever the layout did to it.
    func row(_ name: String, _ number: Int) throws -> (code: String, title: String, place: String) {
        let document = try RealPDFs.document(name)
        let found = try #require(
            RealPDFs.rows(document).first { $0.number.flatMap { UnitRowParser.rowNumber(Substring($0)) } == number })
        return (found.code, found.rest, document.place(found.index + 1) ?? "")
    }

    @Test func titlesWrappedAroundACentredCodeAreWhole() throws {
        let jmp = "skema-junior-mobile-programmer-lsp-signal"
        #expect(
            try row(jmp, 1)
                == (
                    "J.612000.001.01",
                    "Menunjukkan Platform Operating System Dan Bahasa Pemrograman Di Dalam Perangkat Lunak",
                    "halaman 6 baris 5"
                ))
        #expect(try row(jmp, 2).title == "Merancang Database Dan Data Persistence Pada Mobile Data")
        #expect(try row(jmp, 3).title == "Menyusun Mobile Location Based Service, GPS Dan Mobile Navigation")
        #expect(try row(jmp, 4).title == "Merancang Mobile Interface")
        // The code on the title's second line.
        #expect(
            try row(jmp, 5) == (
                "J.612000.008.01", "Menjelaskan Dasar-Dasar Mobile Communication Security", "halaman 6 baris 15"
            ))
        #expect(try row(jmp, 6).title == "Menunjukkan Mobile Sensor Dan Spesifikasi Teknisnya Untuk Mobile Computing")
        #expect(try row(jmp, 7) == ("J.612000.025.01", "Menentukan Mobile Seluler Network", "halaman 6 baris 20"))

        let tujk = "skema-teknisi-utama-jaringan-komputer-lsp-signal"
        #expect(try row(tujk, 1).title == "Mengumpulkan kebutuhan teknis pengguna yang menggunakan jaringan")
        #expect(try row(tujk, 2).title == "Mengumpulkan data peralatan jaringan dengan teknologi yang sesuai")
        #expect(try row(tujk, 3).title == "Merancang topologi jaringan")
        #expect(
            try row(tujk, 9)
                == (
                    "J.611000.013.02", "Mengkonfigurasi routing pada perangkat jaringan dalam satu autonomous system",
                    "halaman 6 baris 15"
                ))
        #expect(
            try row(tujk, 10)
                == (
                    "J.611000.014.02", "Mengkonfigurasi routing pada perangkat jaringan antar autonomous system",
                    "halaman 6 baris 17"
                ))

        let jna = "skema-junior-network-administrator-lsp-signal"
        #expect(try row(jna, 4).title == "Mengkonfigurasi routing pada perangkat jaringan dalam satu autonomous system")
        #expect(try row(jna, 5).title == "Mengkonfigurasi routing pada perangkat jaringan antar autonomous system")

        let joo = "skema-junior-office-operator-lsp-signal"
        // A bracket in another font that poppler set on the code's line stays in its place.
        #expect(
            try row(joo, 5).title == "Menggunakan Perangkat Lunak Pengakses Surat Elektronik (E-Mail Client)")
        #expect(
            try row(joo, 6).title == "Menggunakan Aplikasi Berbasis Internet (Internet Based Applications Literacy)")
    }

    @Test func codesAndTitlesAsPublishedEvenMalformed() throws {
        let penyelenggara = "skema-okupasi-penyelenggara-pelatihan-lsptki-2022"
        #expect(try row(penyelenggara, 1).code == "N.78SP02.035.1")
        #expect(
            try row(penyelenggara, 1).title
                == "Menerapkan Keselamatan dan Kesehatan Kerja (K3) di Lembaga Pelatihan Kerja")
        let jgd = "skema-junior-graphic-designer-lsp-signal"
        #expect(try row(jgd, 1) == ("M.74100.001.02", "Mengaplikasikan Prinsip Dasar Desain", "halaman 6 baris 4"))
        #expect(try row(jgd, 5).code == "M.74100.010.01")
        let instruktur = "skema-okupasi-instruktur-lsptki-2022"
        #expect(try row(instruktur, 1) == ("N.78SPS02.012.2", "Menyusun program Pelatihan Kerja", "halaman 3 baris 17"))
        #expect(try row(instruktur, 9).title == "Merangcang Strategi Pembelajran")
        #expect(
            try row(instruktur, 6).title
                == "Mengelola Pemenuhan Persyaratan Bahasa, Literasi, dan Berhitung dalam Proses Pembelajaran")
        let mga = "skema-motion-graphic-artist-lsp-signal"
        #expect(try row(mga, 10).code == "J.59ANM03.052.2")
        #expect(try row(mga, 8).title == "Membuat Penggabungan Aset Visual Teknik Layer 2D (Post 2D Compositing)")
        // The number is kept as the document writes it.
        let junior = try RealPDFs.document("skema-okupasi-instruktur-junior-lsptki-2022")
        #expect(RealPDFs.rows(junior).first?.number == "1.")
    }

    @Test func runningHeadersFootersAndPageNumbersAreGone() throws {
        let jmp = try RealPDFs.document("skema-junior-mobile-programmer-lsp-signal")
        // The footer `SKEMA SERTIFIKASI JUNIOR MOBILE PROGRAMMER  5` of every page; the cover title stays.
        let footers = jmp.plainLines.filter { $0.hasPrefix("SKEMA SERTIFIKASI JUNIOR MOBILE PROGRAMMER") }
        #expect(footers.count <= 1)
        let instruktur = try RealPDFs.document("skema-okupasi-instruktur-lsptki-2022")
        #expect(!instruktur.plainLines.contains { $0.contains("LSP TRAINER KOMPETEN INDONESIA") })
        #expect(instruktur.plainLines.filter { $0.contains("SKM-LSPTKI-04-2022") }.count == 1)  // the cover's
        let decree = try RealPDFs.document("skkni-kepmen-103-2026-artificial-intelligence")
        #expect(!decree.plainLines.contains { $0.hasPrefix("- ") && $0.hasSuffix(" -") })
        // A `KODE UNIT : …` heading at the top of many pages is content, not a running header.
        #expect(decree.plainLines.count { $0.hasPrefix("KODE UNIT") } == 27)
    }

    @Test func theDraftWatermarkNeverReachesALine() throws {
        let draft = try RealPDFs.document("kkni-konsep-permendag-2025-perdagangan-eceran-online")
        #expect(!draft.lines.contains { $0.contains("KONSEP") })
        let rows = RealPDFs.rows(draft)
        #expect(rows.count == 138)
        // Code and title stacked in one cell, then the prerequisite column.
        #expect(
            rows.first?.rest == "Layanan Pengiriman yang Tepat  Tidak ada"
                || rows.first?.rest.hasSuffix("  Tidak ada") == true)
        #expect(
            rows.contains {
                $0.code == "SIRXICT303" && $0.rest == "Mengoperasikan Teknologi Sistem Informasi Ritel  Tidak ada"
            })
        #expect(
            rows.contains {
                $0.code == "G.46RIT00.062.1" && $0.rest == "Mengelola Fasilitas pada Gerai Ritel  G.46RIT00.049.01"
            })
        #expect(
            rows.contains {
                $0.code == "G.46RIT00.072.1"
                    && $0.rest
                        == "Mengelola Indikator Keuangan dan Kinerja Operasional Ritel  G.46RIT00.076.01 G.46RIT00.065.01"
            })
        // A row whose title went over the page break, past the footer and the watermark.
        let split = try #require(rows.first { $0.code == "G.46RIT00.064.1" })
        #expect(
            split.rest
                == "Menentukan Aplikasi Perdagangan Daring (e\u{2011}Commerce) Untuk Meningkatkan Penjualan dan Pelayanan Ritel  Tidak ada"
        )
        #expect(draft.place(split.index + 1) == "halaman 9 baris 54")
        // What the decree parser reads from such a row.
        let parsed = try #require(
            UnitRowParser.parse(plain: draft.plainLines[rows[0].index], expectPrerequisites: true))
        #expect(parsed.prerequisites == [])
    }

    @Test func decreeTablesAndScannedPages() throws {
        let decree = try RealPDFs.document("skkni-kepmen-321-2016-jaringan-komputer")
        let pages = decree.readerNotes.map { note in
            note.message.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        }
        #expect(pages == [1, 2, 3, 89])
        #expect(decree.readerNotes.allSatisfy { $0.rule == ImportIssue.pageWithoutText.identifier })
        for note in decree.readerNotes {
            #expect(decree.place(note.location.line)?.hasPrefix("halaman ") == true)
        }
        let rows = RealPDFs.rows(decree)
        #expect(rows.count == 24)
        // The header repeated after the page break is dropped; the table goes on.
        #expect(rows[5].number == "6." && decree.place(rows[5].index + 1) == "halaman 13 baris 2")
        #expect(
            !decree.plainLines.dropFirst(rows[0].index).prefix(40).contains {
                $0.hasPrefix("NO") && $0.contains("KODE UNIT")
            })
        #expect(rows[0].rest == "Mengumpulkan Kebutuhan Teknis Pengguna yang Menggunakan Jaringan")

        // Landscape scans turned by /Rotate 270.
        let rotated = try RealPDFs.document("skkni-kepmen-103-2026-artificial-intelligence")
        #expect(rotated.readerNotes.map(\.message).map { $0.split(separator: " ")[1] } == ["1", "2", "3", "4", "89"])
        #expect(RealPDFs.rows(rotated).count == 27)
        for (name, count) in [
            ("skkni-kepmen-056-2018-pengoperasian-komputer", 17), ("skkni-kepmen-299-2020-data-science", 21),
            ("skkni-kepmen-126-2023-desain-grafis-dkv", 20),
        ] {
            #expect(RealPDFs.rows(try RealPDFs.document(name)).count == count, "\(name)")
        }
    }

    /// No code is lost or made up: every code-shaped token of each PDF's `pdftotext -layout`
    /// text is in the reader's lines as often (rows merged, headers and footers dropped).
    @Test func everyCodeOfTheLayoutTextIsRead() throws {
        let pattern = try NSRegularExpression(pattern: #"\b[A-Z]\.?[0-9A-Z]{4,}\.[0-9A-Za-z]{2,}\.[0-9A-Za-z]+\b"#)
        func codes(_ text: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                counts[String(text[Range(match.range, in: text)!]), default: 0] += 1
            }
            return counts
        }
        for (name, _) in RealPDFs.documents.sorted(by: { $0.key < $1.key }) {
            let document = try RealPDFs.document(name)
            let kind = name.hasPrefix("skema") ? "skema" : name.hasPrefix("skkni") ? "skkni" : "kkni"
            let layout = try String(
                contentsOf: RealPDFs.root.appendingPathComponent("\(kind)/\(name).txt"), encoding: .utf8)
            let expected = codes(layout)
            #expect(!expected.isEmpty)
            #expect(codes(document.lines.joined(separator: "\n")) == expected, "\(name)")
        }
    }

    @Test func aDamagedXrefThatPopplerRepairsReads() throws {
        let document = try RealPDFs.document("skema-junior-graphic-designer-lsp-signal")
        #expect(document.readerNotes.count == 1)  // the image cover
        #expect(!document.lines.contains { $0.contains("xref") || $0.contains("Internal Error") })
    }

    @Test func pdfsImportThroughTheImporter() throws {
        let url = RealPDFs.root.appendingPathComponent("skema/skema-junior-mobile-programmer-lsp-signal.pdf")
        let (document, diagnostics, text) = try Importer.importFile(at: url, displayPath: "jmp.pdf")
        guard case .scheme(let scheme) = document else {
            Issue.record("not a scheme")
            return
        }
        #expect(scheme.units.count == 7)
        #expect(text.encoding == "PDF")
        #expect(diagnostics.contains { $0.rule == ImportIssue.pageWithoutText.identifier })
    }

    // MARK: Refusals: one clear error, never a crash or a hang.

    func refusal(_ data: Data, limits: PDFLimits = .standard) -> String? {
        do {
            _ = try PDFReader.read(data, path: "x.pdf", limits: limits)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aMissingToolIsOneError() throws {
        let data = try Data(
            contentsOf: RealPDFs.root.appendingPathComponent("skema/skema-okupasi-instruktur-lsptki-2022.pdf"))
        let message = refusal(data, limits: PDFLimits(searchPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(message == "pdftotext (poppler-utils) tidak ditemukan; pasang paket poppler-utils")
        #expect(refusal(data, limits: PDFLimits(toolPath: "/nonexistent/pdftotext")) == message)
    }

    @Test func brokenPDFsAreRefused() throws {
        let original = try Data(
            contentsOf: RealPDFs.root.appendingPathComponent("skema/skema-okupasi-instruktur-lsptki-2022.pdf"))
        let truncated = refusal(original.prefix(3000))
        #expect(truncated?.contains("rusak") == true, "\(truncated ?? "read")")
        let notPDF = refusal(Data("%PDF-1.4\nhello, this is not a PDF at all\n".utf8))
        #expect(notPDF?.contains("bukan PDF") == true, "\(notPDF ?? "read")")
        let empty = refusal(SyntheticPDF.make(pages: []))
        #expect(empty == "PDF tidak memiliki halaman", "\(empty ?? "read")")
        // qpdf is not installed here: an encrypted PDF is written by hand (standard security
        // handler, RC4 40-bit) with a user password that the empty password does not open.
        let encrypted = refusal(SyntheticPDF.make(pages: [["Rahasia"]], encrypted: true))
        #expect(encrypted?.contains("terenkripsi") == true, "\(encrypted ?? "read")")
        let scanned = refusal(SyntheticPDF.make(pages: [[], []]))
        #expect(scanned?.hasPrefix("PDF tanpa lapisan teks (hasil pindai)") == true, "\(scanned ?? "read")")
    }

    /// Damaged copies of a real PDF: each is read or refused with one error, never a crash.
    @Test func damagedCopiesReadOrRefuse() throws {
        let original = try Data(
            contentsOf: RealPDFs.root.appendingPathComponent("skema/skema-okupasi-instruktur-junior-lsptki-2022.pdf"))
        var variants: [Data] = [0.3, 0.6, 0.9, 0.99].map { original.prefix(Int(Double(original.count) * $0)) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<4 {
            var bytes = [UInt8](original)
            for _ in 0..<200 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[Int(state >> 33) % bytes.count] = UInt8(truncatingIfNeeded: state >> 17)
            }
            variants.append(Data(bytes))
        }
        for variant in variants {
            do {
                let document = try PDFReader.read(variant, path: "rusak.pdf")
                #expect(document.places?.count == document.lines.count)
            } catch {
                #expect(!error.message.isEmpty && !error.message.contains("\n"))
            }
        }
    }

    @Test func limitsStopTheTool() throws {
        let data = try Data(
            contentsOf: RealPDFs.root.appendingPathComponent("skema/skema-okupasi-instruktur-lsptki-2022.pdf"))
        #expect(refusal(data, limits: PDFLimits(outputBytes: 4096))?.contains("terlalu besar") == true)
        #expect(refusal(data, limits: PDFLimits(pages: 2))?.contains("lebih dari 2 halaman") == true)
        // A tool that never finishes is killed at the deadline, with its process group.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tool = directory.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nsleep 30 &\nsleep 30\n".write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        let scratch = directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var message: String?
        var start = Date()
        // A script just written may be held open by another test's child for a moment (ETXTBSY).
        for _ in 0..<5 {
            start = Date()
            message = refusal(
                data, limits: PDFLimits(timeout: 1, toolPath: tool.path, temporaryDirectory: scratch.path))
            guard message?.contains("tidak dapat dijalankan") == true else { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(message?.contains("tidak selesai dalam 1 detik") == true, "\(message ?? "read")")
        #expect(Date().timeIntervalSince(start) < 10)
        // Temporary copies are removed, whether the read fails or succeeds.
        #expect(refusal(data.prefix(3000), limits: PDFLimits(temporaryDirectory: scratch.path)) != nil)
        _ = try PDFReader.read(data, path: "x.pdf", limits: PDFLimits(temporaryDirectory: scratch.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func textThatRunsDownARotatedPageReadsUpright() throws {
        let data = SyntheticPDF.make(pages: [["Baris pertama di halaman", "Baris kedua di halaman"]], rotate: 90)
        let document = try PDFReader.read(data, path: "putar.pdf")
        #expect(document.plainLines.filter { !$0.isEmpty } == ["Baris pertama di halaman", "Baris kedua di halaman"])
        let upright = try PDFReader.read(
            SyntheticPDF.make(pages: [["Baris pertama", "Baris kedua"]], rotate: 0), path: "tegak.pdf")
        #expect(upright.plainLines.filter { !$0.isEmpty } == ["Baris pertama", "Baris kedua"])
        #expect(upright.places == ["halaman 1 baris 1", "halaman 1 baris 2"])
    }
}

/// Small PDFs written byte by byte: a page per entry, a Helvetica line per string.
enum SyntheticPDF {
    static func make(pages: [[String]], rotate: Int = 0, encrypted: Bool = false) -> Data {
        var objects: [String] = []
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let first = 3
        let kids = pages.indices.map { "\(first + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        let font = first + 2 * pages.count
        for (p, lines) in pages.enumerated() {
            var content = "BT /F1 12 Tf 72 700 Td"
            for line in lines { content += " (\(line)) Tj 0 -20 Td" }
            content += " ET"
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate \(rotate) /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(first + 2 * p + 1) 0 R >>"
            )
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var trailerExtra = ""
        if encrypted {
            objects.append(
                "<< /Filter /Standard /V 1 /R 2 /O <\(String(repeating: "11", count: 32))> /U <\(String(repeating: "22", count: 32))> /P -4 >>"
            )
            trailerExtra =
                " /Encrypt \(objects.count) 0 R /ID [<\(String(repeating: "ab", count: 16))> <\(String(repeating: "ab", count: 16))>]"
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}

@Suite struct PDFBBoxScannerTests {
    /// The fast scanner reads poppler's output exactly as XMLParser does, on every real PDF.
    @Test func scannerAgreesWithXMLParser() throws {
        for kind in ["skema", "skkni", "kkni"] {
            let directory = RealPDFs.root.appendingPathComponent(kind)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where name.hasSuffix(".pdf") && (name.contains("103") || name.contains("konsep") || name.contains("mobile"))
            {
                let pdf = directory.appendingPathComponent(name)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "pdftotext -bbox-layout \"$0\" - 2>/dev/null", pdf.path]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let xml = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let fast = try #require(PDFBBoxScanner.scan([UInt8](xml)))
                let general = try PDFLayoutXML.parse(xml).get()
                #expect(fast.count == general.count)
                for (a, b) in zip(fast, general) {
                    #expect(a.width == b.width && a.height == b.height)
                    #expect(a.words.map(\.text) == b.words.map(\.text))
                    #expect(a.words.map(\.length) == b.words.map(\.length))
                    #expect(a.words.map(\.popplerLine) == b.words.map(\.popplerLine))
                    #expect(
                        zip(a.words, b.words).allSatisfy {
                            abs($0.xMin - $1.xMin) < 1e-6 && abs($0.yMax - $1.yMax) < 1e-6
                        })
                }
            }
        }
    }

    @Test func entitiesAndStrangeOutput() {
        let xml = Array(
            """
            <!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>
              <page width="100.5" height="200"><flow><block><line>
                <word xMin="1.5" yMin="2" xMax="3" yMax="4">A&amp;B&#233;&lt;</word>
              </line></block></flow></page>
            </doc></body></html>
            """.utf8)
        let pages = PDFBBoxScanner.scan(xml)
        #expect(pages?.first?.words.first?.text == "A&Bé<")
        #expect(pages?.first?.words.first?.length == 5)
        #expect(pages?.first?.width == 100.5)
        // Anything poppler would not write is left to XMLParser.
        #expect(PDFBBoxScanner.scan(Array("<doc><page width=\"x\" height=\"1\"></page></doc>".utf8)) == nil)
        #expect(PDFBBoxScanner.scan(Array("<doc><page width=\"1\" height=\"1\">text</page></doc>".utf8)) == nil)
        #expect(PDFBBoxScanner.scan(Array("<doc><page width=\"1\" height=\"1\">".utf8)) == nil)
    }
}

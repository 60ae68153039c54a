import Foundation
import SKKNICore
import Testing
import ZIPFoundation

@testable import SKKNIImport

/// The Word fixtures written by scripts/make-docx-fixtures.py.
enum WordFixtures {
    static let directory = Seeds.root.appendingPathComponent("Tests/Fixtures/docx")
    static let seedScheme = "skema-okupasi-supervisor-sales-technical-support.docx"
    static let draft = "draf-instruktur-jenjang-4-bergalat.docx"

    static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

    static func importScheme(_ name: String) throws -> (Scheme, [Diagnostic], DocumentText) {
        let (document, diagnostics, text) = try Importer.importFile(
            at: directory.appendingPathComponent(name), displayPath: name)
        guard case .scheme(let scheme) = document else { throw ImportError(file: name, message: "bukan skema") }
        return (scheme, diagnostics, text)
    }
}

/// A .docx assembled in memory from XML strings, for cases the fixtures do not cover.
struct HandmadeDocx {
    var parts: [String: String]

    init(body: String, prefix: String = "w", uri: String = OOXML.word, numbering: String? = nil, styles: String? = nil)
    {
        let root = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>
            """
        var related = ""
        if numbering != nil {
            related +=
                #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists.xml"/>"#
        }
        if styles != nil {
            related +=
                #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../word/looks.xml"/>"#
        }
        parts = [
            "_rels/.rels": root,
            "word/_rels/main.xml.rels":
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + related + "</Relationships>",
            "word/main.xml":
                #"<?xml version="1.0" encoding="UTF-8"?><\#(prefix):document xmlns:\#(prefix)="\#(uri)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><\#(prefix):body>"#
                + body + "</\(prefix):body></\(prefix):document>",
        ]
        func wrap(_ xml: String, _ element: String) -> String {
            #"<?xml version="1.0"?><\#(prefix):\#(element) xmlns:\#(prefix)="\#(uri)">"# + xml
                + "</\(prefix):\(element)>"
        }
        if let numbering { parts["word/lists.xml"] = wrap(numbering, "numbering") }
        if let styles { parts["word/looks.xml"] = wrap(styles, "styles") }
    }

    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data!
    }

    func read() throws -> DocumentText { try WordDocument.read(data(), path: "draf.docx") }
}

@Suite struct WordImportTests {
    @Test func theWordVersionOfASeedSchemeImportsToTheSameSchemeAsItsText() throws {
        let text = Seeds.scheme("skema-okupasi-supervisor-sales-technical-support")
        let (word, _, document) = try WordFixtures.importScheme(WordFixtures.seedScheme)
        #expect(word.units.count == 14)
        #expect(word.units.map(\.code) == text.units.map(\.code))
        #expect(word.units.map(\.title) == text.units.map(\.title))
        // The NO column is automatic numbering in Word: counted, not typed.
        #expect(word.units.map(\.number) == text.units.map(\.number))
        #expect(word.title == text.title)
        #expect(word.name == text.name)
        #expect(word.packagingTypeText == text.packagingTypeText)
        #expect(word.packagingType == text.packagingType)
        #expect(word.level == text.level)
        #expect(word.owner == text.owner)
        #expect(word.approvedDate == text.approvedDate)
        #expect(word.citations.map(\.label) == text.citations.map(\.label))
        #expect(word.requirements == text.requirements)
        // Places Word users can find: the first unit is the third row (caption, header, unit).
        #expect(document.place(word.units[0].line) == "tabel 1 baris 3")
        #expect(document.place(word.units[13].line) == "tabel 1 baris 16")
        #expect(document.place(word.packagingTypeLine!)?.hasPrefix("paragraf ") == true)
        #expect(document.line(word.packagingTypeLine!) == "5.1. Jenis Kemasan : KKNI-/ Okupasi /Klaster")
    }

    @Test func theDraftIsReadAsWordShowsItWithChangesAccepted() throws {
        let (scheme, _, document) = try WordFixtures.importScheme(WordFixtures.draft)
        // The title sits in a content control.
        #expect(scheme.title == "SKEMA SERTIFIKASI KKNI JENJANG 4 INSTRUKTUR")
        // "Okupasi" deleted and "KKNI" inserted with tracked changes.
        #expect(scheme.packagingTypeText == "KKNI")
        #expect(scheme.packagingType == .kkni)
        #expect(scheme.name == "Instruktur Jenjang 4")
        #expect(scheme.citations.map(\.label) == ["3/2021"])
        #expect(document.lines.contains("5. Kemasan / Paket Kompetensi"))
        #expect(document.lines.contains("5.1. Jenis Kemasan : KKNI"))
        // The row deleted with tracked changes (N.78SPS02.015.1) is gone; numbering skips it.
        #expect(
            scheme.units.map(\.code.raw) == [
                "N.78SPS02.012.2", "N.78SPS02.019.2", "N.78SPS02.O22.2", "N.78SPS02.028.2", "N.78SPS02.035.1",
                "N.78SPS02.038.1", "N.78SPS02.075.2", "N.78SPS02.010.2", "N.78SPS02.011.1", "N.78SPS02.099.1",
                "N.78SPS02.010.2",
            ])
        #expect(scheme.units.map(\.number) == Array(1...11))
        #expect(
            scheme.units.map { document.place($0.line)! }.prefix(4) == [
                "tabel 1 baris 3", "tabel 1 baris 4", "tabel 1 baris 5", "tabel 1 baris 7",
            ])
        // Italic runs split a title into pieces; the title is whole again.
        #expect(scheme.units[3].title == "Melaksanakan Pelatihan Tatap Muka (Face to Face)")
        // Placeholder text of an empty content control is not content.
        #expect(!document.lines.contains { $0.contains("Klik atau ketuk") })
        #expect(scheme.requirements == ["Lulusan SMK atau sederajat."])
    }

    @Test func namespacesAreMatchedByURINotByPrefix() throws {
        let body = """
            <x:p><x:r><x:t>SKEMA SERTIFIKASI UJI</x:t></x:r></x:p>\
            <x:p><x:r><x:t xml:space="preserve">Satu </x:t></x:r><x:r><x:tab/><x:t>dua</x:t></x:r></x:p>
            """
        let transitional = try HandmadeDocx(body: body, prefix: "x").read()
        #expect(transitional.lines == ["SKEMA SERTIFIKASI UJI", "Satu \tdua"])
        #expect(transitional.places == ["paragraf 1", "paragraf 2"])
        let strict = try HandmadeDocx(body: body, prefix: "x", uri: OOXML.wordStrict).read()
        #expect(strict.lines == transitional.lines)
        // The same local names in a foreign namespace are not Word text.
        let foreign = try HandmadeDocx(
            body: #"<x:p><o:t xmlns:o="urn:other">bukan</o:t><x:r><x:t>ya</x:t></x:r></x:p>"#, prefix: "x"
        ).read()
        #expect(foreign.lines == ["ya"])
    }

    @Test func numberingIsCountedLikeWord() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="1">\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>\
            <w:lvl w:ilvl="2"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%3"/></w:lvl>\
            </w:abstractNum>\
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>\
            <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>\
            <w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>\
            <w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>
            """
        let styles = """
            <w:style w:type="paragraph" w:styleId="Bagian"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="BagianKhusus"><w:basedOn w:val="Bagian"/></w:style>
            """
        func p(_ text: String, num: String? = nil, level: Int? = nil, style: String? = nil) -> String {
            var properties = style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? ""
            if let num {
                properties += #"<w:numPr><w:ilvl w:val="\#(level ?? 0)"/><w:numId w:val="\#(num)"/></w:numPr>"#
            }
            return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = [
            p("Satu", style: "Bagian"),  // numbering from the style
            p("Dua", style: "BagianKhusus"),  // from the style it is based on
            p("butir", num: "5", level: 1),
            p("butir", num: "5", level: 1),
            p("romawi", num: "5", level: 2),
            p("Tiga", num: "5"),
            p("butir", num: "5", level: 1),  // deeper levels restart
            p("Tanpa nomor", num: "0", style: "Bagian"),  // numId 0 switches the style's numbering off
            p("Tujuh", num: "6"),  // another instance with a start override
            p("poin", num: "7"),
            p("Tidak ada", num: "99"),  // undefined numbering: no label
        ].joined()
        let document = try HandmadeDocx(body: body, numbering: numbering, styles: styles).read()
        #expect(
            document.lines == [
                "1. Satu", "2. Dua", "a) butir", "b) butir", "2.I romawi", "3. Tiga", "a) butir", "Tanpa nomor",
                "7. Tujuh", "- poin", "Tidak ada",
            ])
    }

    @Test func changesAndHiddenContentAreReadAsAccepted() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
            """
        let body = """
            <w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>\
            <w:r><w:t>Dulu bernomor</w:t></w:r></w:p>\
            <w:p><w:pPr><w:rPr><w:del w:id="2"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Awal </w:t></w:r></w:p>\
            <w:p><w:r><w:t>akhir</w:t></w:r></w:p>\
            <w:p><w:moveFrom w:id="3"><w:r><w:t>dipindah </w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>ke sini</w:t></w:r></w:moveTo></w:p>\
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\
            <w:p><w:hyperlink><w:r><w:t>tautan</w:t></w:r></w:hyperlink><w:r><w:br/><w:t>baris</w:t><w:noBreakHyphen/><w:t>baru</w:t></w:r></w:p>\
            <w:p><mc:AlternateContent><mc:Choice><w:r><w:t>kotak teks</w:t></w:r></mc:Choice></mc:AlternateContent><w:r><w:t>isi</w:t></w:r></w:p>\
            <w:p><w:r><w:t>A&#10;B&#13;C</w:t></w:r></w:p>
            """
        let document = try HandmadeDocx(body: body, numbering: numbering).read()
        #expect(
            document.lines == [
                // The numbering is from before a formatting change: not shown any more.
                "Dulu bernomor",
                // A deleted paragraph mark joins the paragraph to the next one.
                "Awal akhir",
                "ke sini",
                // The field result, not the field code.
                "12",
                "tautan baris-baru",
                "isi",
                "A B C",
            ])
    }

    @Test func unitTablesAreReadByColumnWhateverTheMergesAndExtraColumns() throws {
        func cell(_ text: String, span: Int = 1, merge: String? = nil) -> String {
            var properties = span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : ""
            if let merge { properties += merge == "restart" ? #"<w:vMerge w:val="restart"/>"# : "<w:vMerge/>" }
            return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
        }
        func row(_ cells: String..., before: Int = 0, deleted: Bool = false) -> String {
            var properties = before > 0 ? #"<w:gridBefore w:val="\#(before)"/>"# : ""
            if deleted { properties += #"<w:del w:id="9"/>"# }
            return "<w:tr><w:trPr>\(properties)</w:trPr>" + cells.joined() + "</w:tr>"
        }
        let nested =
            "<w:tc><w:p><w:r><w:t>Judul</w:t></w:r></w:p><w:tbl><w:tr>" + cell("dalam") + cell("tabel")
            + "</w:tr></w:tbl></w:tc>"
        let body =
            "<w:p><w:r><w:t>SKEMA SERTIFIKASI UJI</w:t></w:r></w:p><w:tbl>"
            + row(cell("Kelompok"), cell("No."), cell("Kode Unit"), cell("Judul Unit Kompetensi"))
            + row(cell("Unit inti", span: 4))
            + row(cell("A", merge: "restart"), cell("1"), cell("N.78SPS02.012.2"), cell("Menyusun Program"))
            + row(cell("sisa", merge: "continue"), cell("2"), cell("N.78SPS02.019.2"), nested)
            + row(cell("3"), cell("N.78SPS02.022.2"), cell("Merencanakan"), before: 1)
            + row(cell(""), cell("4"), cell("N.78SPS02.028.2"), cell("Dihapus"), deleted: true)
            + "</w:tbl><w:tbl>" + row(cell("Nomor Dokumen"), cell(":"), cell("SKM-01")) + "</w:tbl>"
        let document = try HandmadeDocx(body: body).read()
        #expect(
            document.lines == [
                "SKEMA SERTIFIKASI UJI",
                "NO\tKODE UNIT\tJUDUL UNIT",
                // The caption starts in the Kelompok column and spans NO: it is read once, as NO.
                "Unit inti\t\t",
                "1\tN.78SPS02.012.2\tMenyusun Program",
                "2\tN.78SPS02.019.2\tJudul dalam tabel",
                "3\tN.78SPS02.022.2\tMerencanakan",
                "Nomor Dokumen\t:\tSKM-01",
            ])
        #expect(
            document.places == [
                "paragraf 1", "tabel 1 baris 1", "tabel 1 baris 2", "tabel 1 baris 3", "tabel 1 baris 4",
                "tabel 1 baris 5", "tabel 2 baris 1",
            ])
    }

    @Test func whatIsNotAWordDocumentIsRefusedWithTheReason() throws {
        func refusal(_ data: Data, name: String = "draf.docx", limit: Int = WordDocument.maximumPartSize) -> String {
            do {
                _ = try WordDocument.read(data, path: name, maximumPartSize: limit)
                return "diterima"
            } catch {
                #expect(error.file == name && error.line == 1)
                return error.message
            }
        }
        #expect(refusal(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])).contains("Word 97-2003"))
        #expect(refusal(Data("bukan zip".utf8)).contains("bukan berkas .docx"))
        var withoutDocument = HandmadeDocx(body: "")
        withoutDocument.parts["word/main.xml"] = nil
        #expect(refusal(try withoutDocument.data()).contains("word/main.xml"))
        var entities = HandmadeDocx(body: "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>")
        entities.parts["word/main.xml"] =
            #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#
            + entities.parts["word/main.xml"]!.split(separator: ">", maxSplits: 1)[1]
        #expect(refusal(try entities.data()).contains("DOCTYPE"))
        var broken = HandmadeDocx(body: "<w:p><w:r><w:t>tidak ditutup</w:r></w:p>")
        broken.parts["word/main.xml"]! += ""
        let brokenMessage = refusal(try broken.data())
        #expect(brokenMessage.contains("bukan XML yang sah"), "\(brokenMessage)")
        let big = HandmadeDocx(body: "<w:p><w:r><w:t>" + String(repeating: "a", count: 5000) + "</w:t></w:r></w:p>")
        #expect(refusal(try big.data(), limit: 4096).contains("terlalu besar"))
        #expect(refusal(try HandmadeDocx(body: "").data()).contains("tidak memuat paragraf"))
        // A .docx that is really text is still a refusal, not a text import of ZIP bytes.
        #expect(throws: ImportError.self) { try Importer.readText(Data("SKEMA SERTIFIKASI".utf8), path: "a.docx") }
    }

    @Test func damagedPackagesAreRefusedNeverCrash() throws {
        let original = try WordFixtures.data(WordFixtures.draft)
        var random = SeededRandom(seed: 20_261_123)
        var refused = 0
        for round in 0..<150 {
            var bytes = [UInt8](original)
            if round % 3 == 0 {
                bytes.removeLast(Int.random(in: 1..<bytes.count, using: &random))
            } else {
                for _ in 0..<(1 + round % 8) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            do {
                let text = try WordDocument.read(Data(bytes), path: "rusak.docx")
                #expect(text.lines.count == text.places?.count)
            } catch {
                #expect(error.file == "rusak.docx" && error.line == 1 && !error.message.isEmpty)
                refused += 1
            }
        }
        #expect(refused > 50)
    }
}

@Suite struct WordStructureFuzzTests {
    /// Cuts, repeats and moves pieces of the draft's document.xml (tags unbalanced, tables
    /// opened inside paragraphs, rows outside tables) and reads each result: every outcome is
    /// lines with places, or a refusal at line 1, never a crash.
    @Test func mangledDocumentXMLIsReadOrRefusedNeverCrashes() throws {
        let package = try Archive(
            url: WordFixtures.directory.appendingPathComponent(WordFixtures.draft), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in package where entry.type == .file {
            var data = Data()
            _ = try package.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        let original = Array(parts["word/document.xml"]!.utf8)
        let tags = original.indices.filter { original[$0] == UInt8(ascii: "<") }
        var random = SeededRandom(seed: 7)
        var read = 0
        for round in 0..<120 {
            var bytes = original
            for _ in 0..<(1 + round % 4) {
                let a = tags.randomElement(using: &random)!
                let b = min(bytes.count, a + Int.random(in: 1...400, using: &random))
                let piece = Array(bytes[a..<b])
                switch round % 3 {
                case 0: bytes.removeSubrange(a..<b)
                case 1: bytes.insert(contentsOf: piece, at: tags.randomElement(using: &random)!)
                default:
                    bytes.removeSubrange(a..<b)
                    bytes.insert(contentsOf: piece, at: min(bytes.count, tags.randomElement(using: &random)!))
                }
            }
            var docx = HandmadeDocx(body: "")
            docx.parts = parts
            docx.parts["word/document.xml"] = String(decoding: bytes, as: UTF8.self)
            let data = try docx.data()
            do {
                let text = try WordDocument.read(data, path: "rusak.docx")
                #expect(text.lines.count == text.places?.count)
                read += 1
            } catch {
                #expect(error.line == 1 && !error.message.isEmpty)
            }
        }
        // Most cuts break the XML; some leave it well formed (a whole element moved).
        #expect(read > 0)
    }
}

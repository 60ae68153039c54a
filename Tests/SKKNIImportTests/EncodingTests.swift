import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// Word and some PDF tools export Windows-1252 or UTF-16: such text is read exactly, or
/// refused at the line of the first bad byte; never turned into mojibake.
@Suite struct EncodingTests {
    static let produksi = "catalog/sources/skema-klaster-pengelolaan-produksi.txt"
    static let pelanggan = "catalog/sources/skema-klaster-pengelolaan-data-pelanggan.txt"

    static func seedText(_ path: String) throws -> String {
        try String(contentsOf: Seeds.root.appendingPathComponent(path), encoding: .utf8)
    }

    static func scheme(_ path: String, _ data: Data) throws -> Scheme {
        let document = try DocumentText(path: path, data: data)
        guard case .scheme(let scheme) = try Importer.importDocument(document).0 else {
            throw ImportError(file: path, message: "not a scheme")
        }
        return scheme
    }

    static func error(_ data: Data) -> ImportError? {
        do {
            _ = try DocumentText(path: "x.txt", data: data)
            return nil
        } catch {
            return error
        }
    }

    @Test func windows1252ImportsTheSameSchemeAsUTF8() throws {
        let text = try Self.seedText(Self.produksi)
        #expect(text.unicodeScalars.contains { $0.value > 0x7F })  // the seed has non-ASCII text to get right
        let cp1252 = try #require(text.data(using: .windowsCP1252))
        #expect(String(data: cp1252, encoding: .utf8) == nil)
        let fromCP1252 = try Self.scheme(Self.produksi, cp1252)
        let fromUTF8 = try Self.scheme(Self.produksi, Data(text.utf8))
        #expect(fromCP1252 == fromUTF8)
        #expect(try DocumentText(path: "x", data: cp1252).encoding == "Windows-1252")
        #expect(try DocumentText(path: "x", data: cp1252).lines == DocumentText(path: "x", text: text).lines)
    }

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithBOMImportsTheSameScheme(encoding: String.Encoding) throws {
        let text = try Self.seedText(Self.pelanggan)
        #expect(text.contains("☐"))
        let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let data = Data(bom) + text.data(using: encoding)!
        #expect(try Self.scheme(Self.pelanggan, data) == Self.scheme(Self.pelanggan, Data(text.utf8)))
    }

    @Test func utf8WithBOMAndCRLFReadsTheSameLines() throws {
        let text = try Self.seedText(Self.pelanggan)
        let crlf = Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try DocumentText(path: "x", data: crlf).lines == DocumentText(path: "x", text: text).lines)
    }

    @Test func brokenUTF8IsRefusedAtItsLine() throws {
        // Line 3 holds valid UTF-8 (an en dash); line 5 a lone continuation byte.
        let data = Data("a\nb\nPerusahaan – mitra\nd\n".utf8) + Data([0x80]) + Data("e\n".utf8)
        let error = try #require(Self.error(data))
        #expect(error.line == 5)
        #expect(error.description.hasPrefix("x.txt:5: galat: UTF-8 rusak: byte 0x80"))
    }

    @Test func bytesUndefinedInWindows1252AreRefused() throws {
        let error = try #require(Self.error(Data("baris satu\nbaris ".utf8) + Data([0x81]) + Data("dua\n".utf8)))
        #expect(error.line == 2)
        #expect(error.message.contains("0x81"))
    }

    @Test func utf16WithoutBOMIsRefusedAsNotText() throws {
        let error = try #require(Self.error("SKEMA SERTIFIKASI\n".data(using: .utf16LittleEndian)!))
        #expect(error.line == 1)
        #expect(error.message.contains("NUL"))
    }

    @Test func damagedUTF16IsRefusedAtItsLine() throws {
        // An unpaired high surrogate on line 2.
        var data = Data([0xFF, 0xFE]) + "satu\n".data(using: .utf16LittleEndian)!
        data += Data([0x00, 0xD8]) + "dua\n".data(using: .utf16LittleEndian)!
        #expect(Self.error(data)?.line == 2)
        // An odd byte count: the file was cut.
        let cut = Data([0xFF, 0xFE]) + "satu\ndua".data(using: .utf16LittleEndian)! + Data([0x41])
        #expect(Self.error(cut)?.message.contains("ganjil") == true)
    }

    @Test func invalidUTF8AfterABOMIsRefused() throws {
        let error = try #require(Self.error(Data([0xEF, 0xBB, 0xBF]) + Data("a\n".utf8) + Data([0xC3, 0x28])))
        #expect(error.line == 2)
    }

    @Test func controlCharactersBecomeVisibleAndPageBreaksSpaces() throws {
        let document = try DocumentText(
            path: "x", data: Data("Judul \u{1B}[31mmerah\u{07}\n\u{0C}Halaman 2\tkolom\n".utf8))
        #expect(document.lines == ["Judul \u{241B}[31mmerah\u{2407}", " Halaman 2\tkolom"])
    }
}

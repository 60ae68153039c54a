import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// PDFs made to hurt a reader (written by scripts/make-hostile-pdfs.py): each is a clear
/// refusal or a bounded, correct read, within the limits, never a hang or a crash.
@Suite(.serialized) struct HostilePDFTests {
    /// The hostile PDFs, written once into a temporary folder.
    static let folder: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-hostile-\(getpid())")
        let script = Seeds.root.appendingPathComponent("scripts/make-hostile-pdfs.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, dir.path]
        try? process.run()
        process.waitUntilExit()
        return dir
    }()

    static func read(_ name: String, limits: PDFLimits = .standard) throws -> Result<DocumentText, ImportError> {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        #expect(PDFReader.looksLikePDF(data))
        do throws(ImportError) {
            return .success(try PDFReader.read(data, path: name, limits: limits))
        } catch {
            return .failure(error)
        }
    }

    static func refusal(_ result: Result<DocumentText, ImportError>) -> String? {
        if case .failure(let error) = result { return error.description }
        return nil
    }

    @Test func zeroPagesIsRefusedWithThatReason() throws {
        let message = try #require(Self.refusal(Self.read("zero-pages.pdf")))
        #expect(message.contains("zero-pages.pdf: galat: PDF tidak memiliki halaman"))
    }

    @Test func encryptedIsRefusedWithThatReason() throws {
        let message = try #require(Self.refusal(Self.read("encrypted.pdf")))
        #expect(message.contains("PDF terenkripsi"))
    }

    @Test func pagesWithoutTextAreRefusedAsScanned() throws {
        let message = try #require(Self.refusal(Self.read("no-text.pdf")))
        #expect(message.contains("lapisan teks"))
    }

    @Test func tenThousandPagesAreRefusedOverThePageLimit() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let message = try #require(Self.refusal(Self.read("ten-thousand.pdf")))
        #expect(message.contains("lebih dari 3000 halaman"))
        // pdftotext is told to stop after the limit (-l), so the refusal costs a fraction of a full read.
        #expect(clock.now - start < .seconds(30))
    }

    @Test func longDocumentsUnderTheLimitReadEveryPage() throws {
        var few = PDFLimits.standard
        few.pages = 400
        let message = try #require(Self.refusal(Self.read("ten-thousand.pdf", limits: few)))
        #expect(message.contains("lebih dari 400 halaman"))
        guard case .success(let text) = try Self.read("three-hundred.pdf") else {
            Issue.record("300 pages must read")
            return
        }
        // The title every page repeats is a running header; each page's own line is read, on its page.
        let own = text.lines.indices.filter { text.lines[$0].contains("Isi halaman") }
        #expect(own.count == 300)
        #expect(text.place(own[299] + 1)?.hasPrefix("halaman 300 ") == true)
        #expect(!text.lines.contains { $0.contains("SKEMA SERTIFIKASI UJI") })
    }

    @Test func aPageOfTenMegabytesIsBoundedByTheOutputLimit() throws {
        var tight = PDFLimits.standard
        tight.outputBytes = 64 << 10
        let message = try #require(Self.refusal(Self.read("huge-page.pdf", limits: tight)))
        #expect(message.contains("terlalu besar"))
        // Under the standard limit it reads: lines of the page, placed on page 1.
        guard case .success(let text) = try Self.read("huge-page.pdf") else {
            Issue.record("the huge page must read under the standard limits")
            return
        }
        #expect(text.lines.contains { $0.contains("N.78SPS02.") })
        #expect(text.places?.allSatisfy { $0.hasPrefix("halaman 1") } == true)
    }

    @Test func aFlateBombIsStoppedByTheTimeLimit() throws {
        var quick = PDFLimits.standard
        quick.timeout = 1.5
        let clock = ContinuousClock()
        let start = clock.now
        let message = try #require(Self.refusal(Self.read("bomb.pdf", limits: quick)))
        #expect(message.contains("tidak selesai dalam"))
        #expect(clock.now - start < .seconds(10))
    }
}

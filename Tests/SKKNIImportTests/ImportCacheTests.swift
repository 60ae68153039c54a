import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// The import cache must give back exactly what parsing gives, and only for files that did
/// not change.
@Suite struct ImportCacheTests {
    /// A copy of the seed sources, so files can be changed.
    static func copyOfSources() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Seeds.root.appendingPathComponent("Tests/Fixtures/seeds"), to: dir)
        return dir
    }

    static func same(_ a: ImportResult, _ b: ImportResult) -> Bool {
        a.catalog.decrees == b.catalog.decrees && a.catalog.schemes == b.catalog.schemes
            && a.diagnostics == b.diagnostics && a.failures.map(\.description) == b.failures.map(\.description)
    }

    @Test func everySeedDocumentSurvivesTheSnapshot() throws {
        let seeds = Seeds.result
        for decree in seeds.catalog.decrees {
            var writer = SnapshotWriter()
            writer.write(decree)
            let back = try writer.bytes.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                let decree = try reader.decree()
                #expect(reader.isAtEnd)
                return decree
            }
            #expect(back == decree)
            #expect(back.qualifications.count == 14)
        }
        for scheme in seeds.catalog.schemes {
            let (document, _) = try #require(ImportCache.decode(ArraySlice(ImportCache.encode(.scheme(scheme), []))))
            guard case .scheme(let back) = document else {
                Issue.record("not a scheme")
                continue
            }
            #expect(back == scheme)
        }
        let diagnostics = try #require(
            ImportCache.decode(ArraySlice(ImportCache.encode(.scheme(seeds.catalog.schemes[0]), seeds.diagnostics)))
        ).1
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics == seeds.diagnostics)
        // A payload cut anywhere is refused, never half read.
        let payload = ImportCache.encode(.decree(seeds.catalog.decrees[0]), seeds.diagnostics)
        for cut in stride(from: 0, to: payload.count, by: 97) {
            #expect(ImportCache.decode(payload[0..<cut]) == nil)
        }
    }

    /// A PDF's lines come only from poppler: the cache keeps them with the parse, so findings
    /// can show their lines and places without extracting the PDF again; a text's are not kept.
    @Test func aCachedPDFKeepsItsLinesAndPlaces() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let name = "skema-okupasi-penyelenggara-pelatihan-lsptki-2022.pdf"
        try FileManager.default.copyItem(
            at: Seeds.root.appendingPathComponent("Tests/Fixtures/real/skema/\(name)"),
            to: dir.appendingPathComponent(name))
        try FileManager.default.copyItem(
            at: Seeds.root.appendingPathComponent("catalog/sources/skema-klaster-pengelolaan-produksi.txt"),
            to: dir.appendingPathComponent("skema-klaster-pengelolaan-produksi.txt"))
        let cache = ImportCache(url: dir.appendingPathComponent(".cache/impor.bin"), settleSeconds: 0)
        let cold = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        let warm = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        #expect(cold.parsed == 2)
        #expect(warm.parsed == 0)
        #expect(Self.same(cold, warm))
        let pdf = try #require(warm.documents["catalog/sources/\(name)"])
        let parsedPDF = try #require(cold.documents["catalog/sources/\(name)"])
        #expect(pdf.lines == parsedPDF.lines)
        #expect(pdf.places == parsedPDF.places)
        let row = try #require(pdf.lines.firstIndex { $0.contains("N.78SP02.035.1") })
        #expect(pdf.place(row + 1)?.hasPrefix("halaman ") == true)
        #expect(warm.documents["catalog/sources/skema-klaster-pengelolaan-produksi.txt"] == nil)
    }

    @Test func onlyChangedDocumentsAreParsedAgain() throws {
        let dir = try Self.copyOfSources()
        let cacheURL = dir.appendingPathComponent(".cache/impor.bin")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = ImportCache(url: cacheURL, settleSeconds: 0)
        let cold = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        #expect(cold.parsed == 5)
        #expect(Self.same(cold, Seeds.result))
        #expect(FileManager.default.fileExists(atPath: cacheURL.path))

        let warm = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        #expect(warm.parsed == 0)
        #expect(warm.documents.isEmpty)  // read only when a finding needs a line
        #expect(Self.same(warm, Seeds.result))

        // One scheme retitles a unit: that file alone is parsed, and the change is seen.
        let file = dir.appendingPathComponent("skema-klaster-pengelolaan-produksi.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        let unit = try #require(Seeds.scheme("skema-klaster-pengelolaan-produksi").units.first)
        try text.replacingOccurrences(of: unit.title, with: unit.title + " Baru").write(
            to: file, atomically: true, encoding: .utf8)
        let changed = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        #expect(changed.parsed == 1)
        let scheme = try #require(changed.catalog.schemes.first { $0.id == "skema-klaster-pengelolaan-produksi" })
        #expect(scheme.units.first?.title == unit.title + " Baru")
        #expect(changed.catalog.decrees == Seeds.result.catalog.decrees)

        // A document removed is gone from the catalogue, not served from the cache.
        try FileManager.default.removeItem(at: file)
        let removed = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        #expect(removed.parsed == 0)
        #expect(removed.catalog.schemes.count == 3)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let dir = try Self.copyOfSources()
        let cacheURL = dir.appendingPathComponent(".cache/impor.bin")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = ImportCache(url: cacheURL, settleSeconds: 0)
        _ = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
        let bytes = try Data(contentsOf: cacheURL)
        for damaged in [bytes.prefix(bytes.count / 2), Data("skkni-impor 2\n".utf8), Data(), bytes + Data([1])] {
            try damaged.write(to: cacheURL)
            let result = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: cache)
            #expect(result.parsed == 5)
            #expect(Self.same(result, Seeds.result))
        }
        // A document changed just now is parsed again next time (its stamp may not show a
        // change made within the same clock tick).
        let fresh = ImportCache(url: cacheURL, settleSeconds: 3600)
        try Data().write(to: cacheURL)
        _ = try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: fresh)
        #expect(try Importer.importDirectory(dir, displayPrefix: "catalog/sources", cache: fresh).parsed == 5)
    }
}

import Foundation
import GRDB
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNIDatabase

/// A draft regulation without a number in the public tables: `number` NULL, `draft` 1.
@Suite struct RealDecreeDatabaseTests {
    @Test func theDraftIsMarkedAndHasNoNumber() throws {
        let path = "Tests/Fixtures/real/kkni/kkni-konsep-permendag-2025-perdagangan-eceran-online.txt"
        let (document, _, _) = try Importer.importFile(
            at: DatabaseTests.root.appendingPathComponent(path), displayPath: path)
        guard case .decree(let draft) = document else {
            Issue.record("not read as a decree")
            return
        }
        let seeds = try Importer.importDirectory(
            DatabaseTests.root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources")
        let catalog = Catalog(decrees: seeds.catalog.decrees + [draft], schemes: seeds.catalog.schemes)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("skkni.sqlite")
        try CatalogDatabase.write(catalog, diagnostics: [], to: url)
        try DatabaseQueue(path: url.path).read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT kind, number, year, draft FROM decrees WHERE id = ?", arguments: [draft.id])!
            #expect(row["kind"] as String == "PERMENDAG")
            #expect(row["number"] as Int? == nil)
            #expect(row["year"] as Int == 2025 && row["draft"] as Int == 1)
            let kepmen = try Row.fetchOne(db, sql: "SELECT number, draft FROM decrees WHERE id = 'kepmen-3-2021'")!
            #expect(kepmen["number"] as Int == 3 && kepmen["draft"] as Int == 0)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM qualifications WHERE decree = ?", arguments: [draft.id]) == 11)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM qualification_units WHERE qualification LIKE ?",
                    arguments: [draft.id + "-%"]) == 138)
        }
    }
}

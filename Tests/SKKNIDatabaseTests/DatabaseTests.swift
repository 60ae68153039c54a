import Foundation
import GRDB
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNIDatabase

@Suite struct DatabaseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func writesThePublicTables() throws {
        let result = try Importer.importDirectory(
            Self.root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("skkni.sqlite")
        try CatalogDatabase.write(result.catalog, diagnostics: [], to: url)
        let queue = try DatabaseQueue(path: url.path)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM qualifications") == 14)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM qualification_units") == 372)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM qualification_units WHERE role = 'inti'") == 67)
            let k = try Row.fetchOne(
                db,
                sql:
                    "SELECT letter, codification, level, grp, total, inti, pilihan FROM qualifications WHERE id = 'kepmen-3-2021-K'"
            )!
            #expect(k["codification"] as String? == "N78SPS01")
            #expect(k["grp"] as String == "Asesor" && k["level"] as Int == 6 && k["total"] as Int == 8)
            let requires = try String.fetchAll(
                db,
                sql:
                    "SELECT requires FROM prerequisites WHERE qualification = 'kepmen-3-2021-B' AND code = 'N.78SPS02.070.1' ORDER BY requires"
            )
            #expect(requires == (64...69).map { "N.78SPS02.0\($0).1" })
            // Where is this unit used?
            let users = try String.fetchAll(
                db,
                sql:
                    "SELECT qualification || ':' || role FROM qualification_units WHERE code = 'N.78SPS02.075.1' ORDER BY qualification"
            )
            #expect(users == ["kepmen-3-2021-B:inti", "kepmen-3-2021-C:pilihan"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM scheme_units") == 29)
            let line = try Int.fetchOne(db, sql: "SELECT line FROM scheme_units WHERE code = 'C.290MM01.014.1'")
            #expect(line == 80)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM citations") == 12)
            #expect(
                try String.fetchOne(db, sql: "SELECT target FROM decree_relations WHERE relation = 'revokes'")
                    == "kepmen-233-2016")
        }
        // The same catalogue gives the same bytes.
        let first = try Data(contentsOf: url)
        try CatalogDatabase.write(result.catalog, diagnostics: [], to: url)
        #expect(try Data(contentsOf: url) == first)
    }
}

extension DatabaseTests {
    /// One real document's text from Tests/Fixtures/real, imported as `skkni import` would.
    static func realDocument(_ path: String) throws -> ImportedDocument {
        try Importer.importFile(at: root.appendingPathComponent(path), displayPath: path).0
    }

    /// The seed catalogue, changed by `adding`, written to a fresh database and read by `body`.
    static func readSeedDatabase(adding: (inout Catalog) -> Void, _ body: (GRDB.Database) throws -> Void) throws {
        var catalog = try Importer.importDirectory(
            root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources"
        ).catalog
        adding(&catalog)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("skkni.sqlite")
        try CatalogDatabase.write(catalog, diagnostics: [], to: url)
        try DatabaseQueue(path: url.path).read(body)
    }
}

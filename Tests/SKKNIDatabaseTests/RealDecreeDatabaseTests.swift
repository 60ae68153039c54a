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
        guard case .decree(let draft) = try DatabaseTests.realDocument(path) else {
            Issue.record("not read as a decree")
            return
        }
        try DatabaseTests.readSeedDatabase(adding: { $0.decrees.append(draft) }) { db in
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

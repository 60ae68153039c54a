import Foundation
import GRDB
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNIDatabase

/// SKKNI decrees in the public tables: `decrees` (kind SKKNI), `decree_units`,
/// `unit_definitions`, `unit_elements`, `unit_criteria`.
@Suite struct StandardDatabaseTests {
    @Test func theDataScienceDecree() throws {
        let path = "Tests/Fixtures/real/skkni/skkni-kepmen-299-2020-data-science.txt"
        guard case .standard(let standard) = try DatabaseTests.realDocument(path) else {
            Issue.record("not read as an SKKNI decree")
            return
        }
        try DatabaseTests.readSeedDatabase(adding: { $0.standards = [standard] }) { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT kind, number, year, field, line FROM decrees WHERE id = 'kepmen-299-2020'")!
            #expect(row["kind"] as String == "SKKNI")
            #expect(row["number"] as Int == 299 && row["year"] as Int == 2020 && row["line"] as Int == 4)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM decrees WHERE kind = 'SKKNI'") == 1)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM decree_units WHERE decree = 'kepmen-299-2020'") == 21)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_definitions") == 21)
            let title = try String.fetchOne(
                db, sql: "SELECT title FROM decree_units WHERE code = 'J.62DMI00.021.1'")
            #expect(title == "Melakukan Laporan Akhir Proyek Data Science")
            #expect(
                try String.fetchOne(db, sql: "SELECT title FROM unit_definitions WHERE code = 'J.62DMI00.021.1'")
                    == "Membuat Laporan Akhir Proyek Data science")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_elements WHERE code = 'J.62DMI00.001.1'") == 4)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_criteria WHERE code = 'J.62DMI00.001.1'") == 12)
            let first = try Row.fetchOne(
                db,
                sql: """
                    SELECT e.title AS element, c.text AS criterion, c.line AS line FROM unit_elements e
                    JOIN unit_criteria c ON c.code = e.code AND c.element = e.position
                    WHERE e.code = 'J.62DMI00.001.1' AND e.position = 1 AND c.position = 1
                    """)!
            #expect(
                first["element"] as String
                    == "Menentukan permasalahan bisnis dan poin-poin objektif bisnis proyek data science dari sisi pengguna akhir"
            )
            #expect((first["criterion"] as String).hasPrefix("Latar belakang dan permasalahan bisnis"))
            #expect(first["line"] as Int == 325)
            // The codes are units too, titled as the Daftar lists them.
            #expect(
                try String.fetchOne(db, sql: "SELECT title FROM units WHERE code = 'J.62DMI00.021.1'")
                    == "Melakukan Laporan Akhir Proyek Data Science")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM qualifications") == 14)
        }
    }
}

import Foundation
import SKKNIImport
import Testing

@testable import SKKNICore

/// The catalogue files are written by `CatalogJSON`; JSONEncoder with the catalogue's settings
/// is the reference it must match byte for byte.
@Suite struct CatalogJSONTests {
    static func reference<T: Encodable>(_ value: T) throws -> Data {
        try CatalogStore.encoder().encode(value) + Data("\n".utf8)
    }

    @Test func theSeedCatalogueIsWrittenAsJSONEncoderWritesIt() throws {
        let catalog = Seeds.result.catalog
        for decree in catalog.decrees {
            #expect(CatalogJSON.encode(decree) == (try Self.reference(decree)))
        }
        for scheme in catalog.schemes {
            #expect(CatalogJSON.encode(scheme) == (try Self.reference(scheme)))
        }
        // And as committed: the files in catalog/ are this output.
        for (path, data) in CatalogStore.files(for: catalog) {
            #expect(try Data(contentsOf: Seeds.root.appendingPathComponent("catalog/" + path)) == data, "\(path)")
        }
    }

    /// Every field filled, every optional absent, and strings with every byte JSON escapes.
    @Test func everyFieldAndEveryEscapeMatches() throws {
        var random = SeededRandom(seed: 7)
        let alphabet: [String] =
            (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
                "\"", "\\", "/", "\u{7F}", "é", "ı", "\u{2028}", "\u{FEFF}", "👩‍👩‍👧", "a", "Z", " ", "<", "&",
            ]
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        func text() -> String { (0..<pick(12)).map { _ in alphabet[pick(alphabet.count)] }.joined() }
        for round in 0..<200 {
            let full = round % 2 == 0
            var decree = Decree(
                source: text(), line: round, kind: text(), number: round * 7, year: 2000 + round, title: text(),
                field: full ? text() : nil, dateSet: full ? text() : nil, dateSetLine: full ? round : nil,
                revokes: full ? [DecreeReference(number: 1, year: 2, title: text(), line: 3)] : [],
                amends: [DecreeReference(number: 4, year: 5, title: full ? nil : text(), line: 6)])
            var q = Qualification(
                decreeID: decree.id, letter: text(), line: 9, heading: text(), level: 4, group: text())
            if full {
                q.codification = text()
                q.codificationText = text()
                q.description = text()
                q.subfield = text()
                q.role = text()
                q.packaging = PackagingRule(total: 3, inti: round % 4 == 0 ? nil : 2, pilihan: 1, line: 40)
                q.workAttitudes = [WorkAttitude(name: text(), text: text())]
                q.generalAttitudes = [text(), text()]
                q.jobTitles = [text()]
                q.jobTitleNotes = [text()]
            }
            q.units = [
                QualificationUnit(
                    number: full ? 1 : nil, code: UnitCode(text()), title: text(), role: full ? .inti : .pilihan,
                    prerequisites: full ? [UnitCode("N.78SPS02.084.2"), UnitCode(text())] : [], line: 12,
                    continuationLines: full ? [13, 14] : nil)
            ]
            decree.qualifications = full ? [q, q] : [q]
            #expect(CatalogJSON.encode(decree) == (try Self.reference(decree)), "round \(round)")

            var scheme = Scheme(id: text(), source: text(), line: round, title: text())
            if full {
                scheme.name = text()
                scheme.nameLine = 3
                scheme.packagingTypeText = text()
                scheme.packagingType = .okupasiNasional
                scheme.packagingTypeLine = 4
                scheme.level = 6
                scheme.group = text()
                scheme.owner = text()
                scheme.documentNumber = text()
                scheme.approvedDate = text()
                scheme.approvedDateText = text()
                scheme.citations = [DecreeReference(number: 3, year: 2021, title: text(), line: 8)]
                scheme.requirements = [text(), text()]
                scheme.units = [
                    SchemeUnit(number: 1, code: UnitCode(text()), title: text(), line: 30, continuationLines: [31]),
                    SchemeUnit(number: nil, code: UnitCode(text()), title: text(), line: 32),
                ]
            }
            #expect(CatalogJSON.encode(scheme) == (try Self.reference(scheme)), "round \(round)")
        }
    }
}

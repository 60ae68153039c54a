import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

/// The Ministry of Trade's draft KKNI regulation (row 18 of Tests/Fixtures/real/SOURCES.md),
/// checked in a catalogue of its own: the defects SOURCES.md lists are found, and the pilihan
/// pools larger than the number to choose are not one.
enum RealDecreeCatalog {
    static let path = "Tests/Fixtures/real/kkni/kkni-konsep-permendag-2025-perdagangan-eceran-online.txt"
    static let decree: Decree = {
        let (document, _, _) = try! Importer.importFile(
            at: SeedCatalog.root.appendingPathComponent(path), displayPath: path)
        guard case .decree(let decree) = document else { fatalError("not read as a decree") }
        return decree
    }()
    static let findings = Checker.run(catalog: Catalog(decrees: [decree]))

    static func of(_ name: String) -> [Diagnostic] { findings.filter { $0.name == name } }
}

@Suite struct RealDecreeFindingsTests {
    @Test func theDuplicateInSalesAndMarketingLevelSixAtItsSecondLine() {
        let duplicates = RealDecreeCatalog.of("duplicate-unit")
        #expect(duplicates.map(\.subject) == ["G.47PEI00.031.1"])
        let duplicate = duplicates[0]
        #expect(duplicate.location == SourceLocation(file: RealDecreeCatalog.path, line: 1805))
        #expect(duplicate.related.map(\.location.line) == [1793])
        #expect(
            duplicate.message.contains("kualifikasi III-D (Konsep Permendag …/2025, jenjang 6 Sales dan Marketing)"))
        // Its consequence: six rows, five units, for a rule asking six.
        let count = RealDecreeCatalog.of("packaging-count")
        #expect(count.map(\.location.line) == [1775])
        #expect(count.first?.subject == RealDecreeCatalog.decree.id + "-III-D")
        #expect(count.first?.message.contains("menyatakan 6 unit inti") == true)
        #expect(count.first?.message.contains("6 baris dengan hanya 5 unit berbeda") == true)
    }

    @Test func pilihanPoolsLargerThanTheNumberToChooseAreNoFinding() {
        // I-A lists 8 pilihan for "3 pilihan", III-C 15 for "5": normal. The one packaging
        // finding is the duplicate's.
        #expect(RealDecreeCatalog.of("packaging-count").count == 1)
        let q = RealDecreeCatalog.decree.qualifications.first { $0.letter == "I-A" }!
        #expect(q.units(.pilihan).count == 8 && q.packaging?.pilihan == 3)
    }

    @Test func theForeignUnitAndTheOtherVersionFormatsAreMalformed() {
        let malformed = RealDecreeCatalog.of("malformed-code")
        let foreign = malformed.first { $0.subject == "SIRXICT303" }
        #expect(foreign?.location.line == 356)
        #expect(foreign?.message.contains("kode unit SIRXICT303 tidak sesuai format kode unit SKKNI") == true)
        #expect(foreign?.message.contains("standar lain") == true)
        // `G.46RIT00.049.01` beside `G.46RIT00.062.1`: an older-format version on a newer-format code.
        let version = malformed.first { $0.subject == "G.46RIT00.049.01" }
        #expect(version?.location.line == 359)
        #expect(version?.message.contains("dalam format baru G.46RIT00.049.1") == true)
        // A prerequisite without its version.
        let cut = malformed.first { $0.subject == "G.46RIT00.065" }
        #expect(cut?.location.line == 1185)
        #expect(cut?.message.contains("nomor versinya tidak ada") == true)
        #expect(
            Set(malformed.map(\.subject)) == [
                "SIRXICT303", "G.46RIT00.049.01", "G.46RIT00.068.01", "G.46RIT00.076.01", "G.46RIT00.065.01",
                "G.46RIT00.065", "G.46RIT00.011.01", "G.46RIT00.020.01",
            ])
    }

    @Test func everyFindingIsOneOfTheKnownKinds() {
        // Besides the above, prerequisites the qualification does not package (real too:
        // G.47PEI00.039.1 needs G.47PEI00.037.1, which I-C does not list).
        #expect(
            Set(RealDecreeCatalog.findings.map(\.name)) == [
                "duplicate-unit", "packaging-count", "malformed-code", "prerequisite-not-packaged",
            ])
        #expect(RealDecreeCatalog.of("prerequisite-not-packaged").count == 7)
    }
}

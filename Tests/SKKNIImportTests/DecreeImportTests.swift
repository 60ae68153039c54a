import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

@Suite struct DecreeImportTests {
    @Test func readsTheHeader() {
        let d = Seeds.decree
        #expect(d.id == "kepmen-3-2021")
        #expect(d.number == 3 && d.year == 2021)
        #expect(d.title == "PENETAPAN JENJANG KUALIFIKASI NASIONAL INDONESIA BIDANG PELATIHAN KERJA DAN SERTIFIKASI")
        #expect(d.field == "Pelatihan Kerja dan Sertifikasi")
        #expect(d.dateSet == "2021-01-20")
        #expect(d.revokes.map(\.label) == ["233/2016"])
        #expect(d.revokes[0].line == 50)
        #expect(Seeds.result.failures.isEmpty)
    }

    @Test func findsFourteenQualificationsWithStatedAndListedCounts() {
        let d = Seeds.decree
        #expect(d.qualifications.map(\.letter) == "ABCDEFGHIJKLMN".map(String.init))
        // letter: (level, group, total, inti, pilihan, inti rows, pilihan rows)
        let expected: [String: (Int, String, Int, Int, Int, Int, Int)] = [
            "A": (3, "Instruktur", 9, 5, 4, 5, 6), "B": (4, "Instruktur", 14, 7, 7, 7, 31),
            "C": (5, "Instruktur", 17, 8, 9, 8, 24), "D": (6, "Instruktur", 14, 8, 6, 8, 19),
            "E": (3, "Tenaga Pelatihan", 7, 3, 4, 3, 15), "F": (4, "Tenaga Pelatihan", 10, 3, 7, 3, 35),
            "G": (5, "Tenaga Pelatihan", 13, 6, 7, 6, 26), "H": (6, "Tenaga Pelatihan", 14, 6, 8, 6, 15),
            "I": (4, "Asesor", 3, 2, 1, 2, 19), "J": (5, "Asesor", 13, 3, 10, 3, 31),
            "K": (6, "Asesor", 8, 4, 4, 4, 22),
            "L": (3, "Pengelola Lembaga Sertifikasi", 5, 1, 4, 1, 7),
            "M": (5, "Pengelola Lembaga Sertifikasi", 13, 6, 7, 6, 32),
            "N": (6, "Pengelola Lembaga Sertifikasi", 10, 5, 5, 5, 23),
        ]
        for q in d.qualifications {
            let e = expected[q.letter]!
            #expect(q.level == e.0, "\(q.letter)")
            #expect(q.group == e.1, "\(q.letter)")
            #expect(q.packaging?.total == e.2, "\(q.letter)")
            #expect(q.packaging?.inti == e.3, "\(q.letter)")
            #expect(q.packaging?.pilihan == e.4, "\(q.letter)")
            #expect(q.units(.inti).count == e.5, "\(q.letter)")
            #expect(q.units(.pilihan).count == e.6, "\(q.letter)")
        }
        let rows = d.qualifications.flatMap(\.units)
        #expect(rows.count == 372)
        #expect(rows.filter { $0.role == .inti }.count == 67)
        #expect(rows.filter { $0.role == .pilihan }.count == 305)
    }

    @Test func readsCodificationDescriptionRoleAndJobTitles() {
        let a = Seeds.qualification("A")
        #expect(a.codification == "N78SPS02")
        #expect(a.subfield == "Pelatihan Kerja")
        #expect(a.description?.hasPrefix("Kualifikasi ini meliputi kemampuan dalam merencanakan") == true)
        #expect(a.workAttitudes.map(\.name).first == "Komunikasi")
        #expect(a.workAttitudes.count == 8)
        #expect(a.generalAttitudes.count == 6)
        #expect(a.jobTitles.contains("Instruktur Terampil/Instruktur Junior"))
        #expect(Seeds.qualification("I").jobTitles.first == "Asesor Kompetensi")
        #expect(Seeds.qualification("E").codification == "N78SPS01")
        // Packaging labelled c./d. instead of a./b. in M.
        #expect(Seeds.qualification("M").packaging?.inti == 6)
        // A description split by a page break is joined.
        #expect(Seeds.qualification("B").description?.contains("serta mampu menunjukkan kinerja") == true)
    }

    @Test func readsPrerequisites() {
        func unit(_ letter: String, _ code: String) -> QualificationUnit {
            Seeds.qualification(letter).units.first { $0.code.raw == code }!
        }
        #expect(unit("B", "N.78SPS02.070.1").prerequisites.map(\.raw) == (64...69).map { "N.78SPS02.0\($0).1" })
        #expect(
            unit("D", "N.78SPS01.007.2").prerequisites.map(\.raw) == [
                "N.78SPS01.001.1", "N.78SPS01.003.1", "N.78SPS01.004.1", "N.78SPS01.005.1",
            ])
        #expect(unit("A", "N.78SPS02.028.2").prerequisites.map(\.raw) == ["N.78SPS02.019.2"])
        #expect(unit("A", "N.78SPS02.011.1").prerequisites.isEmpty)
    }

    @Test func cleansTitlesAndKeepsTheWrittenOnes() {
        let a = Seeds.qualification("A").units.first { $0.code.raw == "N.78SPS02.028.2" }!
        #expect(a.title == "Melaksanakan Pelatihan Tatap Muka (<i>Face To Face</i>)")
        #expect(a.cleanTitle == "Melaksanakan Pelatihan Tatap Muka (Face To Face)")
        let f = Seeds.qualification("F").units.first { $0.code.raw == "N.78SPS02.031.2" }!
        #expect(f.title.contains("Pengorganisasi-an"))
        #expect(f.cleanTitle == "Melakukan Pengorganisasian SDM Pelatihan Kerja")
    }

    @Test func everyRowKnowsItsSourceLine() throws {
        let text = try String(contentsOf: Seeds.root.appendingPathComponent(Seeds.decreeFile), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        for q in Seeds.decree.qualifications {
            for unit in q.units {
                #expect(lines[unit.line - 1].contains(unit.code.raw), "\(unit.code) at line \(unit.line)")
            }
        }
        #expect(Seeds.qualification("A").units[0].line == 140)
        #expect(Seeds.qualification("C").units.first { $0.code.raw == "N.78SPS02.023.1" }?.line == 353)
    }

    @Test func importIsDeterministic() throws {
        let again = try Importer.importDirectory(
            Seeds.root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources")
        let first = CatalogStore.files(for: Seeds.result.catalog)
        let second = CatalogStore.files(for: again.catalog)
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.data) == second.map(\.data))
        // The committed catalogue is what the sources produce.
        for (path, data) in first {
            #expect(
                try Data(contentsOf: Seeds.root.appendingPathComponent("catalog/\(path)")) == data,
                "\(path) is stale: run skkni import")
        }
        // And it reads back to the same model (the seeds' part of it; the rest is the real corpus).
        let read = try CatalogStore.read(from: Seeds.root.appendingPathComponent("catalog"))
        let seedFiles = Set(Seeds.result.catalog.decrees.map(\.source) + Seeds.result.catalog.schemes.map(\.source))
        let sameDecrees = read.decrees.filter { seedFiles.contains($0.source) } == Seeds.result.catalog.decrees
        let sameSchemes = read.schemes.filter { seedFiles.contains($0.source) } == Seeds.result.catalog.schemes
        #expect(sameDecrees && sameSchemes)
    }

    @Test func aRepeatedQualificationHeadingKeepsBothAndSaysSo() throws {
        // Found by the fuzzer: a second "B." heading used to give two qualifications one id and one page.
        var lines = try String(contentsOf: Seeds.root.appendingPathComponent(Seeds.decreeFile), encoding: .utf8)
            .components(separatedBy: "\n")
        let headingB = lines[Seeds.qualification("B").line - 1]
        let beforeC = Seeds.qualification("C").line - 1
        lines.insert(headingB, at: beforeC)
        let document = DocumentText(path: Seeds.decreeFile, text: lines.joined(separator: "\n"))
        let (imported, diagnostics) = try Importer.importDocument(document)
        guard case .decree(let decree) = imported else { throw ImportError(file: "", message: "not a decree") }
        #expect(decree.qualifications.count == 15)
        #expect(Set(decree.qualifications.map(\.id)).count == 15)
        #expect(decree.qualifications.map(\.id).contains("kepmen-3-2021-B-2"))
        let duplicate = diagnostics.filter { $0.rule == "SKK006" }
        #expect(duplicate.map(\.location.line) == [beforeC + 1])
        #expect(duplicate.first?.message.contains("sudah ada di baris \(Seeds.qualification("B").line)") == true)
    }
}

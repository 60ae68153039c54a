import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

/// A draft's findings are about the draft: at its row, with the catalogue's code suggested,
/// and they never change what is found about the catalogue.
@Suite struct DraftFindingsTests {
    static let draftFile = "Tests/Fixtures/drafts/draf-salah-ketik.txt"

    static func draft(_ text: String, path: String = "draf.txt") throws -> Scheme {
        let (document, _) = try Importer.importDocument(DocumentText(path: path, text: text))
        guard case .scheme(let scheme) = document else { throw DraftError.notAScheme }
        return scheme
    }

    enum DraftError: Error { case notAScheme }

    static func fixture(path: String = draftFile) throws -> (Scheme, [Diagnostic]) {
        let url = SeedCatalog.root.appendingPathComponent(draftFile)
        let (document, findings, _) = try Importer.importFile(at: url, displayPath: path)
        guard case .scheme(let scheme) = document else { throw DraftError.notAScheme }
        return (scheme, findings)
    }

    static func findings(_ scheme: Scheme, importFindings: [Diagnostic] = []) -> [Diagnostic] {
        (importFindings + Checker.run(catalog: SeedCatalog.result.catalog, drafts: [scheme])).filter {
            $0.location.file == scheme.source
        }
    }

    @Test func eachMistakeIsAtTheDraftsRowWithTheExistingCodeSuggested() throws {
        let (scheme, imported) = try Self.fixture()
        let found = Self.findings(scheme, importFindings: imported)
        func at(_ line: Int, _ rule: String) -> Diagnostic? {
            found.first { $0.location.line == line && $0.rule == rule }
        }
        // A title typo: at the draft's row, the decree's title named, the decree only related.
        let typo = try #require(at(4, "SKK103"))
        #expect(typo.message.contains("\"Merancang Strategi Pembelajaran\""))
        #expect(typo.related.allSatisfy { $0.location.file == SeedCatalog.decreeFile })
        // A version that does not exist: the one that does.
        #expect(try #require(at(5, "SKK402")).message.contains("yang ada: M.74SPS03.095.1"))
        // A missing digit: the catalogue's code, not a look-alike that exists nowhere.
        let keluhan = try #require(at(6, "SKK104"))
        #expect(keluhan.message.contains("mungkin maksudnya M.74SPS03.104.1"))
        #expect(!keluhan.message.contains("M.74SP53"))
        // A two-digit version in the newer format.
        #expect(try #require(at(7, "SKK104")).message.contains("mungkin maksudnya N.78SPS02.011.1"))
        // A doubled prefix.
        #expect(try #require(at(8, "SKK001")).message.contains("mungkin maksudnya N.78SPS02.022.2"))
        // A look-alike character.
        #expect(try #require(at(9, "SKK104")).message.contains("mungkin maksudnya N.78SPS02.022.2"))
        // An older version while the decree lists a newer one too: a note naming both.
        let older = try #require(at(10, "SKK403"))
        #expect(older.severity == .note && older.message.contains("N.78SPS02.049.2"))
        #expect(Set(older.related.map(\.location.line)).isSuperset(of: [255, 590]))
        // A missing letter in a well-formed code.
        #expect(try #require(at(11, "SKK409")).message.contains("mungkin maksudnya N.78SPS02.035.1"))
        #expect(found.allSatisfy { $0.location.file == Self.draftFile })
    }

    @Test func theCataloguesFindingsAreTheSameWithAndWithoutDrafts() throws {
        let (fixture, _) = try Self.fixture()
        let retitled = try Self.draft(
            """
            SKEMA SERTIFIKASI OKUPASI PENYELENGGARA PELATIHAN
            5.1. Jenis Kemasan : Okupasi
            NO\tKODE UNIT\tJUDUL UNIT
            1\tN.78SPS02.011.1\tMengidentifikasi Standar Kompetensi Kerja dan Kualifikasi Kerja
            2\tM.74SPS03.096.1\tMengelola Pelaksanaan Kegiatan Sertifikasi Kompetensi
            3\tN.78SPS02.075.2\tMenilai Kemajuan Kompetensi Peserta Pelatihan Secara Individu
            """)
        let catalog = SeedCatalog.result.catalog
        let alone = Checker.run(catalog: catalog)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for drafts in [[fixture], [retitled], [fixture, retitled]] {
            let sources = Set(drafts.map(\.source))
            let withDrafts = Checker.run(catalog: catalog, drafts: drafts).filter {
                !sources.contains($0.location.file)
            }
            let a = try encoder.encode(withDrafts)
            let b = try encoder.encode(alone)
            #expect(a == b)
        }
        // And the committed baseline's entries for the seeds still match every seed finding, none stale.
        var baseline = try Baseline.load(
            from: SeedCatalog.root.appendingPathComponent("catalog/baseline.json"), displayPath: "catalog/baseline.json"
        )
        let seedFiles = Set(SeedCatalog.result.documents.keys)
        baseline.entries = baseline.entries.filter { seedFiles.contains($0.file) }
        let applied = baseline.apply(
            to: SeedCatalog.result.diagnostics + Checker.run(catalog: catalog, drafts: [fixture, retitled]))
        #expect(!applied.contains { $0.rule == Baseline.staleIdentifier })
        let draftSources = Set([fixture.source, retitled.source])
        let catalogueFindings = applied.filter { !draftSources.contains($0.location.file) }
        #expect(catalogueFindings.allSatisfy { $0.suppressed })
    }

    @Test func theSameDraftUnderThreePathsGivesTheSameFindings() throws {
        let base = "/work/repo"
        let paths = ["\(base)/drafts/d.txt", "drafts/d.txt", "./drafts/../drafts/d.txt"]
        let shown = paths.map { SourcePath.display($0, base: base) }
        #expect(Set(shown) == ["drafts/d.txt"])
        #expect(SourcePath.display("/tmp/x/../d.docx", base: base) == "/tmp/d.docx")
        let results = try shown.map { path in
            let (scheme, imported) = try Self.fixture(path: path)
            return Self.findings(scheme, importFindings: imported)
        }
        #expect(results.count == 3 && results.allSatisfy { $0 == results[0] } && !results[0].isEmpty)
        // Where a draft is saved does not move its findings: outside the repository too.
        let (outside, _) = try Self.fixture(path: "/tmp/draf.txt")
        let relocated = Self.findings(outside).map { d -> Diagnostic in
            var d = d
            d.location.file = "drafts/d.txt"
            return d
        }
        #expect(relocated == results[0].filter { !$0.rule.hasPrefix("SKK0") })
    }

    @Test func baselineEntriesMatchWithoutCounts() {
        #expect(
            Diagnostic.identity(of: "X tertulis dengan 2 judul berbeda: \"A\" (3×) / \"B\" (1×)")
                == "X tertulis dengan 2 judul berbeda: \"A\" / \"B\"")
        #expect(
            Diagnostic.identity(of: "unit N.1 muncul dengan versi berbeda: .1 (2×), .2 (10×)")
                == "unit N.1 muncul dengan versi berbeda: .1, .2")
        #expect(Diagnostic.identity(of: "teks (bukan hitungan) (x×)") == "teks (bukan hitungan) (x×)")
    }
}

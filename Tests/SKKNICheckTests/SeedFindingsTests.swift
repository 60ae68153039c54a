import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

enum SeedCatalog {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let decreeFile = "catalog/sources/kepmen-3-2021-kkni-pelatihan-kerja-sertifikasi.txt"
    static let result = try! Importer.importDirectory(
        root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources")
    static let findings = Checker.run(catalog: result.catalog)

    static func of(_ name: String) -> [Diagnostic] { findings.filter { $0.name == name } }
}

/// What the checker must find in the real documents: no more, no less.
@Suite struct SeedFindingsTests {
    @Test func versionMismatchesAreTheTwelveIdentities() {
        let subjects = SeedCatalog.of("version-mismatch").map(\.subject).sorted()
        let expected =
            ["N.78SPS01.001", "N.78SPS01.003", "N.78SPS01.004"]
            + ["042", "043", "046", "049", "062", "075", "078", "079", "080"].map { "N.78SPS02.\($0)" }
        #expect(subjects == expected.sorted())
        let n075 = SeedCatalog.of("version-mismatch").first { $0.subject == "N.78SPS02.075" }!
        #expect(n075.location.line == 238)
        #expect(Set(n075.related.map(\.location.line)) == [150, 238, 379])
    }

    @Test func titleDriftIsTheNineCodesWithRealVariants() {
        let drift = SeedCatalog.of("title-drift")
        #expect(
            drift.map(\.subject).sorted() == [
                "M.74SPS03.096.1", "M.74SPS03.097.1", "M.74SPS03.133.1", "M.74SPS03.141.1", "N.78SPS02.011.1",
                "N.78SPS02.039.2", "N.78SPS02.040.2", "N.78SPS02.060.2", "N.78SPS02.071.1",
            ])
        let n039 = drift.first { $0.subject == "N.78SPS02.039.2" }!
        #expect(
            n039.message.contains("\"Mengelola Bahan Pelatihan Kerja\"")
                && n039.message.contains("\"Mengelola Bahan Kerja\""))
        #expect(n039.location.line == 249)
        #expect(drift.first { $0.subject == "M.74SPS03.096.1" }!.message.contains("3 judul berbeda"))
        // Case, tags, hyphenation and spaces around punctuation are not drift.
        for same in ["M.74SPS03.115.1", "M.74SPS03.119.1", "N.78SPS02.031.2", "N.78SPS02.028.2", "N.78SPS02.037.2"] {
            #expect(!drift.contains { $0.subject == same }, "\(same)")
        }
    }

    @Test func unitsBothIntiAndPilihan() {
        let duplicates = SeedCatalog.of("duplicate-unit")
        #expect(
            duplicates.map(\.subject) == ["M.74SPS03.117.1", "M.74SPS03.119.1", "M.74SPS03.124.1", "M.74SPS03.097.1"])
        #expect(duplicates.map(\.location.line) == [1254, 1255, 1259, 1572])
        #expect(duplicates.allSatisfy { $0.severity == .error })
        #expect(duplicates[0].message.contains("kualifikasi K"))
        #expect(duplicates[3].message.contains("kualifikasi N"))
    }

    @Test func prerequisiteFindings() {
        let unknown = SeedCatalog.of("prerequisite-unknown")
        #expect(unknown.map(\.subject) == ["N.78SPS01.005.1"])
        #expect(unknown[0].location.line == 468)

        let notPackaged = SeedCatalog.of("prerequisite-not-packaged")
        let on084 = notPackaged.filter { $0.message.contains("mensyaratkan N.78SPS02.084.2") }
        #expect(on084.map(\.location.line) == [353, 689, 929])  // C, F, H
        #expect(on084[0].severity == .error)  // an inti unit in C: no valid package exists
        #expect(
            on084.map {
                $0.message.contains("kualifikasi C") || $0.message.contains("kualifikasi F")
                    || $0.message.contains("kualifikasi H")
            } == [true, true, true])
        // C and G offer N.78SPS02.070-074 as pilihan without their six prerequisites; F, H and J
        // miss one each besides 084.2.
        #expect(notPackaged.count == 59 + 1)

        let other = SeedCatalog.of("prerequisite-other-version")
        #expect(
            other.contains {
                $0.subject == "N.78SPS01.003.2" && $0.message.contains("mensyaratkan N.78SPS01.001.1")
                    && $0.message.contains("N.78SPS01.001.2")
            })
        #expect(other.allSatisfy { $0.message.contains("kualifikasi D") })
        #expect(other.count == 6)
        #expect(SeedCatalog.of("prerequisite-cycle").isEmpty)
    }

    @Test func noPackagingCountViolationInTheDecree() {
        #expect(SeedCatalog.of("packaging-count").isEmpty)
    }

    @Test func schemeFindings() {
        let malformed = SeedCatalog.of("malformed-code")
        #expect(malformed.map(\.subject) == ["C.290MM01.014.1"])
        #expect(malformed[0].message.contains("mungkin maksudnya C.29OMM01.014.1"))
        #expect(
            malformed[0].location
                == SKKNICore.SourceLocation(file: "catalog/sources/skema-klaster-pengelolaan-produksi.txt", line: 80))

        let unspecified = SeedCatalog.of("scheme-type-unspecified")
        #expect(
            unspecified.map(\.subject) == [
                "skema-klaster-pengelolaan-produksi", "skema-okupasi-supervisor-sales-technical-support",
            ])

        let superseded = SeedCatalog.of("superseded-code")
        #expect(superseded.map(\.subject) == ["P.85ASM00.001.2", "P.85ASM00.003.2", "P.854900.047.01"])
        #expect(superseded[0].message.contains("M.74SPS03.088.2"))
        #expect(superseded[1].message.contains("M.74SPS03.090.1"))
        #expect(superseded[2].message.contains("M.74SPS03.095.1"))

        // Units of schemes whose decrees the catalogue lacks are notes, not warnings.
        let unknown = SeedCatalog.of("scheme-unit-unknown")
        #expect(unknown.count == 14 + 9 + 2)
        #expect(unknown.allSatisfy { $0.severity == .note })

        let occupation = SeedCatalog.of("occupation-match")
        #expect(occupation.count == 1)
        #expect(occupation[0].message.contains("kualifikasi I") && occupation[0].message.contains("2 dari 2 unit inti"))
        #expect(SeedCatalog.of("revoked-decree").isEmpty)
        #expect(SeedCatalog.of("kkni-conformance").isEmpty)
    }

    @Test func findingsAreSortedAndDeterministic() {
        let again = Checker.run(catalog: SeedCatalog.result.catalog)
        #expect(again == SeedCatalog.findings)
        #expect(SeedCatalog.findings == SeedCatalog.findings.sorted(by: Diagnostic.ordered))
    }

    @Test func aDraftIsCheckedAgainstTheCatalogue() throws {
        let draft = """
            SKEMA SERTIFIKASI KKNI LEVEL 4 KELOMPOK ASESOR
            5.1. Jenis Kemasan : KKNI
            5.2. Nama Skema : Asesor Jenjang 4
            NO\tKODE UNIT\tJUDUL UNIT
            1\tM.74SPS03.088.2\tMerencanakan Aktivitas dan Proses Asesmen
            2\tN.78SPS02.028.2\tMelaksanakan Pelatihan Tatap Muka
            """
        let (document, _) = try Importer.importDocument(DocumentText(path: "draf.txt", text: draft))
        guard case .scheme(let scheme) = document else { return }
        let findings = Checker.run(catalog: SeedCatalog.result.catalog, drafts: [scheme]).filter {
            $0.location.file == "draf.txt"
        }
        let names = findings.map(\.name)
        #expect(names.contains("kkni-conformance"))
        #expect(findings.contains { $0.name == "kkni-conformance" && $0.subject == "M.74SPS03.090.1" })
        #expect(
            findings.contains {
                $0.name == "scheme-prerequisite-missing" && $0.message.contains("N.78SPS02.019.2")
                    && $0.location.line == 6
            })
    }
}

@Suite struct BaselineTests {
    @Test func suppressesAcceptedFindingsAndReportsStaleEntries() throws {
        let findings = SeedCatalog.findings
        var baseline = Baseline.accepting(findings, previous: nil, path: "baseline.json")
        #expect(baseline.entries.count == findings.count)
        baseline.entries.append(
            .init(
                rule: "SKK101", name: "duplicate-unit", file: "x.txt", subject: "X.1", message: "hilang", reason: "lama"
            ))
        let applied = baseline.apply(to: findings)
        #expect(applied.filter { !$0.suppressed }.map(\.rule) == ["SKK900"])
        #expect(
            applied.first { $0.rule == "SKK900" }?.location
                == SKKNICore.SourceLocation(file: "baseline.json", line: baseline.entries.count + 1))
    }

    @Test func keepsReasonsWhenRewritten() throws {
        let findings = SeedCatalog.findings
        var first = Baseline.accepting(findings, previous: nil, path: "b.json")
        first.entries[0].reason = "kesalahan KEPMEN"
        let second = Baseline.accepting(findings, previous: first, path: "b.json")
        #expect(second.entries[0].reason == "kesalahan KEPMEN")
        let data = try second.encoded()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == findings.count + 2)
        let decoded = try JSONDecoder().decode([Baseline.Entry].self, from: data)
        #expect(decoded == second.entries)
    }

    /// The committed catalogue (seeds and the real PDFs): every finding accepted, with a reason, and
    /// no entry left over.
    @Test func theCommittedBaselineAcceptsExactlyTheCurrentFindings() throws {
        let committed = try Importer.importDirectory(
            SeedCatalog.root.appendingPathComponent("catalog/sources"), displayPrefix: "catalog/sources")
        #expect(committed.failures.isEmpty)
        let url = SeedCatalog.root.appendingPathComponent("catalog/baseline.json")
        let baseline = try Baseline.load(from: url, displayPath: "catalog/baseline.json")
        let applied = baseline.apply(to: Checker.run(catalog: committed.catalog) + committed.diagnostics)
        #expect(applied.allSatisfy { $0.suppressed })
        #expect(!applied.contains { $0.rule == Baseline.staleIdentifier })
        #expect(baseline.entries.allSatisfy { !$0.reason.isEmpty })
    }
}

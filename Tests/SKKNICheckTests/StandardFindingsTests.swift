import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

/// `check` on the five real SKKNI decree annexes: every Daftar/Uraian disagreement that
/// SOURCES.md lists, at the Uraian line with the Daftar row related, and nothing about the
/// units that agree.
@Suite struct StandardFindingsTests {
    static let folder = "Tests/Fixtures/real/skkni"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let findings: [Diagnostic] = {
        // The PDFs beside the text give the same decrees: the text files alone.
        let directory = root.appendingPathComponent(folder)
        let names = try! Importer.documentNames(in: directory).filter { $0.hasSuffix(".txt") }
        let result = Importer.importFiles(names.map { (directory.appendingPathComponent($0), "\(folder)/\($0)") })
        precondition(result.failures.isEmpty && result.catalog.standards.count == 5)
        let texts = result.catalog.standards
        return Checker.run(catalog: Catalog(standards: texts)).filter { $0.rule.hasPrefix("SKK5") }
    }()

    static func file(_ stem: String) -> String { "\(folder)/\(stem).txt" }

    static func at(_ stem: String, _ line: Int) -> SKKNICore.SourceLocation {
        SKKNICore.SourceLocation(file: file(stem), line: line)
    }

    @Test func everyListedDisagreementAndNothingElse() {
        let net = "skkni-kepmen-321-2016-jaringan-komputer"
        let ops = "skkni-kepmen-056-2018-pengoperasian-komputer"
        let data = "skkni-kepmen-299-2020-data-science"
        let dkv = "skkni-kepmen-126-2023-desain-grafis-dkv"
        let expected: [(String, SKKNICore.SourceLocation, String)] = [
            ("SKK501", Self.at(net, 2043), "J.611000.015.02"),
            ("SKK501", Self.at(net, 2205), "J.611000.016.01"),
            ("SKK501", Self.at(net, 2414), "J.611000.018.02"),
            ("SKK501", Self.at(net, 2539), "J.611000.019.02"),
            ("SKK501", Self.at(ops, 2684), "J.63OPR00.017.1"),
            ("SKK501", Self.at(data, 2624), "J.62DMI00.021.1"),
            ("SKK501", Self.at(dkv, 1471), "M.74DKV13.007.3"),
            ("SKK503", Self.at(dkv, 2879), "M74DKV13.015.3"),
            // Prerequisites written with a dot too many (`J.611.000.004.01`).
            ("SKK503", Self.at(net, 1890), "J.611.000.004.01"),
            ("SKK503", Self.at(net, 2016), "J.611.000.013.02"),
            // Prerequisites the decree does not define: another decree's unit, and two other versions.
            ("SKK507", Self.at(net, 1426), "J.620900.008.02"),
            ("SKK507", Self.at(net, 2284), "J.611000.007.01"),
            ("SKK507", Self.at(net, 2642), "J.611000.023.02"),
        ]
        let found = Self.findings.map { ($0.rule, $0.location, $0.subject) }
        #expect(found.count == expected.count, "\(Self.findings.map { "\($0.location): \($0.message)" })")
        for e in expected {
            #expect(found.contains { $0 == e }, "missing \(e)")
        }
    }

    @Test func versionFindingNamesBothPlaces() throws {
        let finding = try #require(Self.findings.first { $0.subject == "J.611000.015.02" })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("versinya .02 di uraian tetapi .01 di daftar (J.611000.015.01)"))
        #expect(finding.related.map(\.location) == [Self.at("skkni-kepmen-321-2016-jaringan-komputer", 432)])
        let title = try #require(Self.findings.first { $0.subject == "J.62DMI00.021.1" })
        #expect(
            title.message.contains(
                "judulnya 'Membuat Laporan Akhir Proyek Data science' di uraian tetapi 'Melakukan Laporan Akhir Proyek Data Science' di daftar"
            ))
        #expect(!title.message.contains("versi"))
        #expect(title.related.map(\.location.line) == [308])
    }

    @Test func malformedCodeSuggestsTheDaftarSpelling() throws {
        let finding = try #require(Self.findings.first { $0.subject == "M74DKV13.015.3" })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("mungkin maksudnya M.74DKV13.015.3"))
        #expect(finding.related.map(\.location.line) == [639])
        let prerequisite = try #require(Self.findings.first { $0.subject == "J.611.000.004.01" })
        #expect(prerequisite.message.contains("kode persyaratan J.611.000.004.01"))
        #expect(prerequisite.message.contains("mungkin maksudnya J.611000.004.01"))
    }

    /// The twelve real schemes against the five decrees: one scheme title differs from its
    /// unit's definition (the typo "Lembar Sebara", SOURCES.md row 9); no scheme uses a version
    /// older than the one defined.
    @Test func schemesAgainstTheDefinitions() throws {
        var files: [(url: URL, display: String)] = []
        for folder in [Self.folder, "Tests/Fixtures/real/skema"] {
            let directory = Self.root.appendingPathComponent(folder)
            for name in try Importer.documentNames(in: directory) where name.hasSuffix(".txt") {
                files.append((directory.appendingPathComponent(name), "\(folder)/\(name)"))
            }
        }
        let result = Importer.importFiles(files)
        #expect(result.failures.isEmpty)
        let found = Checker.run(
            catalog: result.catalog, rules: [StandardTitleDiffersRule.self, StandardVersionNewerRule.self])
        #expect(found.count == 1, "\(found.map(\.message))")
        let typo = try #require(found.first)
        #expect(typo.rule == "SKK505" && typo.subject == "J.63OPR00.005.2")
        #expect(typo.location.file == "Tests/Fixtures/real/skema/skema-junior-office-operator-lsp-signal.txt")
        #expect(typo.message.contains("'Menggunakan Perangkat Lunak Lembar Sebara (Spreadsheet) Tingkat Dasar'"))
        #expect(typo.related.first?.location == Self.at("skkni-kepmen-056-2018-pengoperasian-komputer", 896))
    }
}

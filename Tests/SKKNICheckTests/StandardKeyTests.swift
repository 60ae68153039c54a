import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

/// The SKKNI rules compare titles and codes by keys worked out on bytes; the general forms
/// give the same keys on every title and code of the real annexes.
@Suite struct StandardKeyTests {
    @Test func titleKeysAsTheGeneralForm() {
        let standards = Checker.catalogForTests(StandardFindingsTests.root, StandardFindingsTests.folder)
        let titles = standards.flatMap { s in s.listedUnits.map(\.title) + s.definitions.map(\.title) }
        #expect(titles.count > 200)
        for title in titles + ["Unit- unit Kerja", "Menyusun <i>Dataset</i>", "Analisis Data  (Lanjutan)."] {
            #expect(StandardPairing.titleKey(title) == StandardPairing.titleKeyGeneral(title), "\(title)")
        }
    }

    @Test func compactCodesAsTheGeneralForm() {
        let standards = Checker.catalogForTests(StandardFindingsTests.root, StandardFindingsTests.folder)
        let codes = standards.flatMap { s in s.listedUnits.map(\.code.raw) + s.definitions.map(\.code.raw) }
        for code in codes + ["M74DKV13.015.3", "j.62dmi00.001.1"] {
            #expect(
                StandardPairing.compact(code) == String(code.uppercased().filter { $0.isLetter || $0.isNumber }))
        }
    }
}

extension Checker {
    /// The real annexes' text files, imported.
    static func catalogForTests(_ root: URL, _ folder: String) -> [StandardDecree] {
        let directory = root.appendingPathComponent(folder)
        let names = try! Importer.documentNames(in: directory).filter { $0.hasSuffix(".txt") }
        return Importer.importFiles(names.map { (directory.appendingPathComponent($0), "\(folder)/\($0)") }).catalog
            .standards
    }
}

import Foundation
import SKKNICore
import SKKNIImport

/// The five seed documents (Tests/Fixtures/seeds, the text copies of catalog/sources/*.txt),
/// imported once under the names they have in the catalogue.
enum Seeds {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let decreeFile = "catalog/sources/kepmen-3-2021-kkni-pelatihan-kerja-sertifikasi.txt"

    static let result: ImportResult = {
        try! Importer.importDirectory(
            root.appendingPathComponent("Tests/Fixtures/seeds"), displayPrefix: "catalog/sources")
    }()

    static var decree: Decree { result.catalog.decrees[0] }
    static func qualification(_ letter: String) -> Qualification {
        decree.qualifications.first { $0.letter == letter }!
    }
    static func scheme(_ id: String) -> Scheme { result.catalog.schemes.first { $0.id == id }! }
}

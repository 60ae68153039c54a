import Foundation
import SKKNICore
import Testing

@testable import SKKNIImport

/// On the real corpus (Tests/Fixtures/real, the text of each document) and the seeds, every
/// encoding of the model is an identity: JSON -> JSONDecoder -> JSON gives the same bytes, and
/// a snapshot read back is the same value and writes the same bytes.
@Suite struct ModelRoundTripTests {
    static let documents: [ImportedDocument] = {
        let root = Seeds.root.appendingPathComponent("Tests/Fixtures/real")
        var files: [(url: URL, display: String)] = []
        for folder in ["kkni", "skema", "skkni"] {
            let directory = root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            where name.hasSuffix(".txt") {
                files.append((directory.appendingPathComponent(name), "\(folder)/\(name)"))
            }
        }
        let catalog = Importer.importFiles(files.sorted { $0.display < $1.display }).catalog
        let seeds = Seeds.result.catalog
        return (catalog.decrees + seeds.decrees).map(ImportedDocument.decree)
            + (catalog.schemes + seeds.schemes).map(ImportedDocument.scheme)
            + (catalog.standards + seeds.standards).map(ImportedDocument.standard)
    }()

    @Test func theCorpusHasEveryDocumentKind() {
        var kinds = Set<String>()
        for document in Self.documents {
            switch document {
            case .decree: kinds.insert("decree")
            case .scheme: kinds.insert("scheme")
            case .standard: kinds.insert("standard")
            }
        }
        #expect(kinds == ["decree", "scheme", "standard"])
        // Eighteen real documents and five seeds.
        #expect(Self.documents.count == 18 + 5)
    }

    static func roundTrip<Model: DescribedModel & Codable & Equatable>(_ value: Model) throws {
        let json = CatalogJSON.encode(value)
        let decoded = try JSONDecoder().decode(Model.self, from: json)
        #expect(decoded == value)
        #expect(CatalogJSON.encode(decoded) == json)

        var writer = SnapshotWriter()
        writer.write(value)
        let back = try Model.read(snapshot: writer.bytes)
        #expect(back == value)
        var again = SnapshotWriter()
        again.write(back)
        #expect(again.bytes == writer.bytes)
    }

    @Test func jsonAndSnapshotRoundTripsAreIdentities() throws {
        for document in Self.documents {
            switch document {
            case .decree(let decree): try Self.roundTrip(decree)
            case .scheme(let scheme): try Self.roundTrip(scheme)
            case .standard(let standard): try Self.roundTrip(standard)
            }
        }
    }

    /// The import cache's form of each document (with its findings) decodes to the same.
    @Test func theImportCacheGivesBackEveryDocument() throws {
        for document in Self.documents {
            let bytes = ImportCache.encode(document, [])
            let (back, _) = try #require(ImportCache.decode(ArraySlice(bytes)))
            switch (document, back) {
            case (.decree(let a), .decree(let b)): #expect(a == b)
            case (.scheme(let a), .scheme(let b)): #expect(a == b)
            case (.standard(let a), .standard(let b)): #expect(a == b)
            default: Issue.record("another kind came back")
            }
        }
    }
}

import Foundation
import SKKNICore
import Testing

@testable import SKKNIFuzz

/// CI's share of fuzzing: a fixed seed, a few hundred mutated seed documents, in process.
/// (`scripts/fuzz N` runs many more in supervised worker processes that survive crashes.)
@Suite struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func harness(seed: UInt64 = 20_261_123) throws -> FuzzHarness {
        try FuzzHarness(
            sourcesDirectory: root.appendingPathComponent("Tests/Fixtures/seeds"),
            siteDirectory: root.appendingPathComponent("site"), seed: seed)
    }

    @Test func casesAreReproducibleFromSeedAndIndex() throws {
        let a = try Self.harness()
        let b = try Self.harness()
        for index in [0, 7, 123] {
            #expect(a.makeCase(index).data == b.makeCase(index).data)
            #expect(a.makeCase(index).mutations == b.makeCase(index).mutations)
        }
        #expect(a.makeCase(1).data != a.makeCase(2).data)
    }

    @Test func theLeakScanFindsRawMarkersUnsafePathsAndCollisions() {
        let page = Data("<p>&lt;x-fuzz&gt; ok</p>".utf8)
        #expect(FuzzHarness.scan([("a.html", page), ("b.csv", Data("<x-fuzz>".utf8))]) == nil)
        #expect(FuzzHarness.scan([("a.html", Data("<p><X-FUZZ></p>".utf8))])?.code == "leak")
        #expect(FuzzHarness.scan([("search/a.js", Data("add(\"<img src=x>\")".utf8))])?.code == "leak")
        #expect(FuzzHarness.scan([("../a.html", page)])?.code == "leak")
        #expect(FuzzHarness.scan([("a.html", page), ("a.html", page)])?.code == "leak")
    }

    @Test func unmodifiedSeedsImportAndANULIsALocatedRejection() throws {
        let harness = try Self.harness()
        let clean = harness.makeCase(0)
        let original = FuzzCase(
            index: 0, path: clean.path, mutations: [],
            data: try Data(contentsOf: Self.root.appendingPathComponent(clean.path)))
        #expect(harness.run(original) == .imported)
        // A document with NUL is refused with its line: a located rejection.
        var nul = original
        nul.data = Data("SKEMA SERTIFIKASI\n".utf8) + Data([0]) + nul.data
        #expect(harness.run(nul) == .rejected)
    }

    @Test func threeHundredMutatedDocumentsNeverEscapeOrLoseTheirLocation() throws {
        let harness = try Self.harness()
        var outcomes: [String: Int] = [:]
        var seen = Set<Mutation>()
        let results = ConcurrentMap.map(Array(0..<300)) { index in
            let fuzzCase = harness.makeCase(index)
            return (index, fuzzCase.mutations, harness.run(fuzzCase))
        }
        for (index, mutations, outcome) in results {
            seen.formUnion(mutations)
            outcomes[outcome.code, default: 0] += 1
            #expect(outcome == .imported || outcome == .rejected, "case \(index) \(mutations): \(outcome)")
        }
        #expect(seen == Set(Mutation.allCases))
        #expect(outcomes["ok", default: 0] > 100)
        #expect(outcomes["rejected", default: 0] > 10)
    }

    /// Real PDFs damaged in the ways PDFs arrive damaged: each is read (and checked and
    /// rendered with the rest of the catalogue) or refused with its file named, never a crash,
    /// a hang or a finding without a location.
    @Test func fortyMutatedRealPDFsAreReadOrRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-fuzz-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Tests/Fixtures/seeds"), to: dir)
        for name in [
            "skema-okupasi-penyelenggara-pelatihan-lsptki-2022", "skema-junior-network-administrator-lsp-signal",
        ] {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Tests/Fixtures/real/skema/\(name).pdf"),
                to: dir.appendingPathComponent("\(name).pdf"))
        }
        let harness = try FuzzHarness(
            sourcesDirectory: dir, siteDirectory: Self.root.appendingPathComponent("site"), seed: 20_261_201)
        let cases = (0..<400).lazy.map(harness.makeCase).filter { !$0.pdfMutations.isEmpty }.prefix(40)
        var seen = Set<PDFMutation>()
        var outcomes: [String: Int] = [:]
        for fuzzCase in cases {
            seen.formUnion(fuzzCase.pdfMutations)
            let outcome = harness.run(fuzzCase)
            outcomes[outcome.code, default: 0] += 1
            #expect(
                outcome == .imported || outcome == .rejected,
                "case \(fuzzCase.index) \(fuzzCase.mutationNames): \(outcome)")
        }
        #expect(seen == Set(PDFMutation.allCases))
        #expect(outcomes.values.reduce(0, +) == 40)
        #expect(outcomes["ok", default: 0] > 0)
        #expect(outcomes["rejected", default: 0] > 0)
    }
}

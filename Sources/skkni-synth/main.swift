import ArgumentParser
import Foundation
import SKKNIImport
import SKKNISynthetic

/// `scripts/bench` uses this to write a synthetic national catalogue and its Hugo twin.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skkni-synth",
        abstract: "Menulis katalog nasional sintetis (dokumen teks seperti benih) dan padanannya untuk Hugo.")

    @Argument(help: "Ukuran: S, M atau L.") var size: String
    @Option(name: .long, help: "Direktori sumber yang ditulis.") var sources: String
    @Option(name: .long, help: "Direktori situs Hugo yang ditulis (opsional).") var hugo: String?
    @Option(name: .long, help: "Manifest JSON (opsional).") var manifest: String?
    @Option(name: .long, help: "Benih acak.") var seed: UInt64 = 20_261_123
    @Flag(name: .long, help: "Mengukur waktu penyandian JSON dan snapshot katalog di --sources.")
    var encodingBenchmark = false
    @Option(name: .long, help: "Putaran pengukuran.") var rounds = 5

    func run() throws {
        guard let size = CatalogGenerator.Size(rawValue: size.uppercased()) else {
            throw ValidationError("ukuran harus S, M atau L")
        }
        let sourcesURL = URL(fileURLWithPath: sources)
        if encodingBenchmark {
            if (try? Importer.documentNames(in: sourcesURL))?.isEmpty ?? true {
                _ = try CatalogGenerator.generate(size: size, into: sourcesURL, seed: seed)
            }
            try EncodingBenchmark.run(sources: sourcesURL, rounds: rounds)
            return
        }
        let written = try CatalogGenerator.generate(size: size, into: URL(fileURLWithPath: sources), seed: seed)
        if let manifest {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(written).write(to: URL(fileURLWithPath: manifest))
        }
        if let hugo {
            try HugoTwin.write(sources: URL(fileURLWithPath: sources), into: URL(fileURLWithPath: hugo))
        }
        print(
            "\(written.decrees) keputusan, \(written.qualifications) kualifikasi, \(written.qualificationRows) baris kualifikasi, \(written.unitIdentities) unit, \(written.schemes) skema, \(written.planted.count) cacat ditanam"
        )
    }
}

SynthCommand.main()

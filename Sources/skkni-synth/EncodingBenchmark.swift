import Foundation
import SKKNICore
import SKKNIImport

/// `skkni-synth M --sources DIR --encoding-benchmark`: imports the documents in DIR (writing
/// them first when DIR has none) and times the model's byte encodings on that catalogue:
/// the catalogue files' JSON (`CatalogJSON`, and JSONEncoder for reference), and the binary
/// snapshot written and read back. Single-threaded; the best of `rounds` runs counts.
enum EncodingBenchmark {
    static func run(sources: URL, rounds: Int) throws {
        let result = try Importer.importDirectory(sources, displayPrefix: "sources")
        let catalog = result.catalog
        print(
            "katalog: \(catalog.decrees.count) keputusan, \(catalog.schemes.count) skema, \(catalog.standards.count) SKKNI"
        )

        func best(_ name: String, _ body: () throws -> Int) rethrows {
            var times: [Double] = []
            var size = 0
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                size = try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            let sorted = times.sorted()
            print(
                "\(name): best \(String(format: "%.1f", sorted[0])) ms, median \(String(format: "%.1f", sorted[sorted.count / 2])) ms, \(size) bytes"
            )
        }

        best("json (CatalogJSON)") {
            var total = 0
            for d in catalog.decrees { total += CatalogJSON.encode(d).count }
            for s in catalog.schemes { total += CatalogJSON.encode(s).count }
            for s in catalog.standards { total += CatalogJSON.encode(s).count }
            return total
        }
        var snapshots: [[UInt8]] = []
        best("snapshot write") {
            snapshots = []
            var total = 0
            for d in catalog.decrees {
                var w = SnapshotWriter()
                w.write(d)
                total += w.bytes.count
                snapshots.append(w.bytes)
            }
            for s in catalog.schemes {
                var w = SnapshotWriter()
                w.write(s)
                total += w.bytes.count
                snapshots.append(w.bytes)
            }
            for s in catalog.standards {
                var w = SnapshotWriter()
                w.write(s)
                total += w.bytes.count
                snapshots.append(w.bytes)
            }
            return total
        }
        try best("snapshot read") {
            var count = 0
            let decrees = catalog.decrees.count
            let schemes = catalog.schemes.count
            for (i, bytes) in snapshots.enumerated() {
                try bytes.withUnsafeBytes { raw in
                    var r = SnapshotReader(raw)
                    if i < decrees {
                        count += try r.decree().qualifications.count
                    } else if i < decrees + schemes {
                        count += try r.scheme().units.count
                    } else {
                        count += try r.standardDecree().definitions.count
                    }
                }
            }
            return count
        }
        let encoder = CatalogStore.encoder()
        try best("json (JSONEncoder, reference)") {
            var total = 0
            for d in catalog.decrees { total += try encoder.encode(d).count }
            for s in catalog.schemes { total += try encoder.encode(s).count }
            for s in catalog.standards { total += try encoder.encode(s).count }
            return total
        }
    }
}

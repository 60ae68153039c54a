// swift-tools-version:6.0
import PackageDescription

// Linux only: the publishing code uses inotify, renameat2(RENAME_EXCHANGE), syncfs, /proc and
// glibc's malloc_trim (SKKNIPublish, CSKKNISystem), so no Apple platform is claimed.
let package = Package(
    name: "skkni",
    products: [
        .executable(name: "skkni", targets: ["skkni"]),
        .executable(name: "skkni-fuzz", targets: ["skkni-fuzz"]),
        .executable(name: "skkni-synth", targets: ["skkni-synth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // renameat2(RENAME_EXCHANGE) for swapping a finished output in atomically.
        .target(name: "CSKKNISystem"),
        // The model: pure values (decrees, qualifications, schemes, unit codes, diagnostics).
        .target(name: "SKKNICore"),
        // The file system: durable publishing (staging, journal, swap, lock, flush marker),
        // raw file reads and writes, file stamps, directory events.
        .target(name: "SKKNIPublish", dependencies: ["SKKNICore", "CSKKNISystem"]),
        // Text and Word (.docx: ZIPFoundation + FoundationXML) documents into the model; the
        // catalogue files and the import cache.
        .target(name: "SKKNIImport", dependencies: ["SKKNICore", "SKKNIPublish", "ZIPFoundation"]),
        .target(name: "SKKNICheck", dependencies: ["SKKNICore"]),
        .target(
            name: "SKKNIDatabase",
            dependencies: [
                "SKKNICore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // Pages from templates in site/ (rendered by SKKNITemplates).
        // The Mustache template engine on typed values (Foundation only).
        .target(name: "SKKNITemplates"),
        .target(name: "SKKNISite", dependencies: ["SKKNICore", "SKKNIPublish", "SKKNITemplates"]),
        // The pipeline: read documents -> catalogue -> findings -> outputs, each step named and
        // timed; `build`, `build --watch`, `check`, `report` and the fuzzer go through it.
        .target(
            name: "SKKNIPipeline",
            dependencies: [
                "SKKNICore", "SKKNIPublish", "SKKNIImport", "SKKNICheck", "SKKNIDatabase", "SKKNISite",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .executableTarget(
            name: "skkni",
            dependencies: [
                "SKKNICore", "SKKNIPublish", "SKKNIImport", "SKKNICheck", "SKKNIDatabase", "SKKNISite", "SKKNIPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Development tools: the fuzzer (scripts/fuzz).
        .target(
            name: "SKKNIFuzz",
            dependencies: ["SKKNICore", "SKKNIPublish", "SKKNIImport", "SKKNICheck", "SKKNISite", "SKKNIPipeline"]),
        .executableTarget(
            name: "skkni-fuzz",
            dependencies: ["SKKNIFuzz", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The synthetic national catalogue for scripts/bench.
        .target(name: "SKKNISynthetic", dependencies: ["SKKNICore", "SKKNIPublish", "SKKNIImport"]),
        .executableTarget(
            name: "skkni-synth",
            dependencies: ["SKKNISynthetic", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "SKKNICoreTests", dependencies: ["SKKNICore"]),
        .testTarget(name: "SKKNIPublishTests", dependencies: ["SKKNIPublish"]),
        .testTarget(name: "SKKNIImportTests", dependencies: ["SKKNICore", "SKKNIImport", "ZIPFoundation"]),
        .testTarget(
            name: "SKKNICheckTests", dependencies: ["SKKNICore", "SKKNIImport", "SKKNICheck", "SKKNISynthetic"]),
        .testTarget(name: "SKKNIDatabaseTests", dependencies: ["SKKNICore", "SKKNIImport", "SKKNIDatabase"]),
        .testTarget(
            name: "SKKNISiteTests",
            dependencies: ["SKKNICore", "SKKNIImport", "SKKNICheck", "SKKNITemplates", "SKKNISite", "SKKNISynthetic"]),
        // swift-mustache is the reference the template engine is tested against (generated
        // templates, and every seed page of the site).
        .testTarget(
            name: "SKKNITemplatesTests",
            dependencies: [
                "SKKNICore", "SKKNIImport", "SKKNICheck", "SKKNITemplates", "SKKNISite",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(name: "SKKNIFuzzTests", dependencies: ["SKKNICore", "SKKNIImport", "SKKNIFuzz"]),
        .testTarget(
            name: "SKKNISyntheticTests", dependencies: ["SKKNICore", "SKKNIImport", "SKKNICheck", "SKKNISynthetic"]),
        .testTarget(name: "SKKNIPipelineTests", dependencies: ["SKKNIPipeline", "SKKNISite"]),
        .testTarget(
            name: "CLITests", dependencies: ["skkni", "SKKNICheck", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPublish
import SKKNISite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Memeriksa katalog, dan draf skema bila disebut, lalu melaporkan temuan dengan nomor baris.",
        discussion: """
            Kode keluar: 0 tidak ada galat, 1 ada galat (dengan --strict juga peringatan), 2 penggunaan salah \
            atau masukan tidak terbaca. Temuan yang diterima baseline (catalog/baseline.json) dilaporkan \
            sebagai diterima dan tidak menggagalkan pemeriksaan.
            """)

    @Option(name: .long, help: "Direktori katalog.") var catalog = "catalog"
    @Option(name: .long, help: "Format keluaran: text, json, sarif, github.")
    var format: OutputFormatArgument = .text
    @Flag(name: .long, help: "Peringatan juga menggagalkan pemeriksaan.") var strict = false
    @Flag(name: .long, help: "Abaikan baseline.") var noBaseline = false
    @Flag(name: .long, help: "Tulis semua temuan saat ini ke baseline (alasan lama dipertahankan).")
    var writeBaseline = false
    @Option(name: .long, help: "Berkas baseline (bawaan: <katalog>/baseline.json).") var baseline: String?
    @Flag(name: .long, help: "Tampilkan juga temuan yang diterima baseline (format text).") var showSuppressed = false
    @Flag(name: .long, help: "Cetak waktu impor, indeks dan tiap aturan ke stderr, yang terlama dulu.")
    var benchmark = false
    @Option(
        name: .long,
        help:
            "Alamat situs katalog yang diterbitkan (mis. https://contoh.go.id/skkni/): SARIF menautkan setiap aturan ke halamannya."
    )
    var siteURL: String?
    @Argument(help: "Draf skema (.txt atau .docx) yang diperiksa terhadap katalog tanpa ditambahkan.") var drafts:
        [String] = []

    func run() throws {
        let paths = ProjectPaths(catalog: catalog)
        let run: CheckRun
        do {
            run = try CheckRun.perform(
                paths: paths, drafts: drafts, baselinePath: baseline, useBaseline: !noBaseline && !writeBaseline)
        } catch let refusal as DraftRefusal {
            // A draft that is not a scheme is told why, in the format asked for.
            if format.value == .json {
                FileHandle.standardOutput.write(Data(ImportRefusal.json([refusal.error]).utf8))
            } else {
                printError(refusal.error.description)
            }
            throw ExitCode(ExitStatus.unreadable)
        }
        if benchmark {
            var lines = ["impor: \(milliseconds(run.importTime)) ms", "periksa: \(milliseconds(run.checkTime)) ms"]
            for step in run.checkSteps.sorted(by: { $0.time > $1.time }) {
                lines.append("  \(step.name): \(milliseconds(step.time)) ms")
            }
            printError(lines.joined(separator: "\n"))
        }
        if writeBaseline {
            let path = baseline ?? paths.baselinePath
            let previous = try? Baseline.load(from: URL(fileURLWithPath: path), displayPath: path)
            let accepted = Baseline.accepting(run.diagnostics, previous: previous, path: path)
            do {
                try accepted.encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                printError("\(path): galat: baseline tidak dapat ditulis: \(FileErrorText.describe(error))")
                throw ExitCode(ExitStatus.unreadable)
            }
            print("\(accepted.entries.count) temuan ditulis ke \(path); isi kolom \"reason\" untuk setiap entri.")
            return
        }
        let color =
            format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let formatter = DiagnosticFormatter(
            sourceLine: run.lines.line, place: run.lines.place, color: color, showSuppressed: showSuppressed,
            ruleURL: siteURL.map { base in { rule in (base.hasSuffix("/") ? base : base + "/") + SitePaths.rule(rule) }
            })
        FileHandle.standardOutput.write(Data(formatter.format(run.diagnostics, as: format.value).utf8))
        let failing = run.diagnostics.contains {
            !$0.suppressed && ($0.severity == .error || (strict && $0.severity == .warning))
        }
        if failing { throw ExitCode(ExitStatus.findings) }
    }
}

struct OutputFormatArgument: ExpressibleByArgument, Equatable {
    var value: OutputFormat
    init?(argument: String) {
        guard let value = OutputFormat(rawValue: argument) else { return nil }
        self.value = value
    }
    init(_ value: OutputFormat) { self.value = value }
    static let text = OutputFormatArgument(.text)
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

/// Import, check, baseline: what `check` and `build` share.
struct CheckRun {
    var loaded: LoadedCatalog
    var drafts: [Scheme]
    var diagnostics: [Diagnostic]
    var lines: SourceLines
    var importTime: Duration = .zero
    var checkTime: Duration = .zero
    /// Index building and each rule, for `check --benchmark`.
    var checkSteps: [(name: String, time: Duration)] = []

    static func perform(
        paths: ProjectPaths, drafts draftPaths: [String], baselinePath: String?, useBaseline: Bool,
        useCache: Bool = true
    ) throws -> CheckRun {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try LoadedCatalog.loadOrExit(paths, useCache: useCache)
        let imported = clock.now
        var documents = loaded.result.documents
        var drafts: [Scheme] = []
        var draftDiagnostics: [Diagnostic] = []
        for path in draftPaths {
            do throws(ImportError) {
                let draft = try importDraft(path, paths: paths)
                drafts.append(draft.scheme)
                draftDiagnostics += draft.findings
                documents[draft.scheme.source] = draft.text
            } catch {
                throw DraftRefusal(error: error)
            }
        }
        var diagnostics = loaded.importDiagnostics + loaded.failureDiagnostics + draftDiagnostics
        let checkStart = clock.now
        let checked = Checker.timed(catalog: loaded.result.catalog, drafts: drafts)
        diagnostics += checked.diagnostics
        diagnostics.sort(by: Diagnostic.ordered)
        let checkEnd = clock.now
        if useBaseline {
            let path = baselinePath ?? paths.baselinePath
            let shown = baselinePath.map(paths.display) ?? paths.baselineDisplay
            if FileManager.default.fileExists(atPath: path) {
                do {
                    diagnostics = try Baseline.load(from: URL(fileURLWithPath: path), displayPath: shown).apply(
                        to: diagnostics)
                } catch {
                    printError("\(path): galat: baseline tidak dapat dibaca: \(FileErrorText.describe(error))")
                    throw ExitCode(ExitStatus.unreadable)
                }
            } else if baselinePath != nil {
                printError("\(path): galat: berkas baseline tidak ada")
                throw ExitCode(ExitStatus.unreadable)
            }
        }
        return CheckRun(
            loaded: loaded, drafts: drafts, diagnostics: diagnostics, lines: SourceLines(documents, root: paths.root),
            importTime: imported - start, checkTime: checkEnd - checkStart, checkSteps: checked.steps)
    }
}

/// A draft given to `check` that could not be read as a scheme.
struct DraftRefusal: Error {
    var error: ImportError
}

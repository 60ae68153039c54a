import ArgumentParser
import Foundation
import SKKNICheck
import SKKNICore
import SKKNIImport
import SKKNIPipeline
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

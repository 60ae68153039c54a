import ArgumentParser
import Foundation
import SKKNIFuzz

/// `scripts/fuzz N`: mutates the seed documents and runs import + check + site on each.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skkni-fuzz",
        abstract: "Mengacak dokumen benih lalu menjalankan impor, periksa dan situs pada setiap hasilnya.")

    @Option(name: .long, help: "Jumlah kasus.") var runs = 1000
    @Option(name: .long, help: "Benih acak (hasil sama untuk benih sama).") var seed: UInt64 = 20_261_123
    @Option(name: .long, help: "Proses pekerja paralel.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: "Batas waktu per dokumen, detik.") var timeout = 10.0
    @Option(name: .long, help: "Direktori sumber benih.") var sources = "catalog/sources"
    @Option(name: .long, help: "Direktori templat situs.") var site = "site"
    @Option(name: .long, help: "Tempat menyimpan masukan yang gagal.") var failures = ".fuzz"
    @Flag(help: .hidden) var worker = false
    @Option(help: .hidden) var first = 0
    @Option(help: .hidden) var step = 1

    func run() throws {
        let harness = try FuzzHarness(
            sourcesDirectory: URL(fileURLWithPath: sources), siteDirectory: URL(fileURLWithPath: site), seed: seed)
        if worker {
            FuzzWorker.run(harness: harness, first: first, step: step, runs: runs, timeout: timeout)
            return
        }
        let supervisor = FuzzSupervisor(
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]),
            workerArguments: ["--seed", String(seed), "--sources", sources, "--site", site],
            runs: runs, jobs: max(1, jobs), timeout: timeout, harness: harness,
            failuresDirectory: URL(fileURLWithPath: failures))
        let report = supervisor.run { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        print(
            String(
                format: "fuzz: %d kasus dalam %.1f s (%.1f kasus/s), %d ditolak dengan lokasi, seed %llu",
                report.runs, report.seconds, Double(report.runs) / max(report.seconds, 0.001), report.rejected, seed))
        print(report.summary)
        if !report.crashes.isEmpty || !report.hangs.isEmpty || !report.unlocated.isEmpty || !report.leaks.isEmpty {
            throw ExitCode(1)
        }
    }
}

FuzzCommand.main()

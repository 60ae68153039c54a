import Foundation

/// Runs cases in worker processes, so a crash or a hang ends a worker, not the campaign:
/// the supervisor records the case, saves its input, and starts a new worker after it.
///
/// Protocol (worker stdout, one line each): `B <i>` before case i, `E <i> <outcome> <detail>`
/// after it, `H <i>` when the worker's own watchdog finds case i over the time bound.
public struct FuzzSupervisor: Sendable {
    public struct Report: Sendable {
        public var runs = 0
        public var crashes: [Int] = []
        public var hangs: [Int] = []
        public var unlocated: [(Int, String)] = []
        public var leaks: [(Int, String)] = []
        public var rejected = 0
        public var seconds = 0.0

        public var summary: String {
            "fuzz: runs=\(runs) crashes=\(crashes.count) hangs=\(hangs.count) unlocated=\(unlocated.count) leaks=\(leaks.count)"
        }
    }

    public var executable: URL
    public var workerArguments: [String]
    public var runs: Int
    public var jobs: Int
    public var timeout: Double
    public var harness: FuzzHarness
    public var failuresDirectory: URL

    public init(
        executable: URL, workerArguments: [String], runs: Int, jobs: Int, timeout: Double, harness: FuzzHarness,
        failuresDirectory: URL
    ) {
        self.executable = executable
        self.workerArguments = workerArguments
        self.runs = runs
        self.jobs = jobs
        self.timeout = timeout
        self.harness = harness
        self.failuresDirectory = failuresDirectory
    }

    public func run(progress: @escaping @Sendable (String) -> Void) -> Report {
        let start = Date()
        let lock = NSLock()
        nonisolated(unsafe) var report = Report()
        let group = DispatchGroup()
        for job in 0..<jobs {
            DispatchQueue.global().async(group: group) {
                var next = job
                while next < runs {
                    let outcome = runWorker(first: next, step: jobs, progress: progress)
                    lock.lock()
                    report.runs += outcome.finished
                    report.rejected += outcome.rejected
                    report.unlocated += outcome.unlocated
                    report.leaks += outcome.leaks
                    if let crash = outcome.crash {
                        report.crashes.append(crash)
                        report.runs += 1
                    }
                    if let hang = outcome.hang {
                        report.hangs.append(hang)
                        report.runs += 1
                    }
                    lock.unlock()
                    for index in [outcome.crash, outcome.hang].compactMap({ $0 }) {
                        save(index, kind: outcome.crash == index ? "crash" : "hang", progress: progress)
                    }
                    for (index, _) in outcome.unlocated + outcome.leaks {
                        save(index, kind: "finding", progress: progress)
                    }
                    guard let stopped = outcome.crash ?? outcome.hang else { break }
                    next = stopped + jobs
                }
            }
        }
        group.wait()
        report.seconds = Date().timeIntervalSince(start)
        report.crashes.sort()
        report.hangs.sort()
        report.unlocated.sort { $0.0 < $1.0 }
        report.leaks.sort { $0.0 < $1.0 }
        return report
    }

    struct WorkerOutcome {
        var finished = 0
        var rejected = 0
        var unlocated: [(Int, String)] = []
        var leaks: [(Int, String)] = []
        var crash: Int?
        var hang: Int?
    }

    func runWorker(first: Int, step: Int, progress: @Sendable (String) -> Void) -> WorkerOutcome {
        var outcome = WorkerOutcome()
        let process = Process()
        process.executableURL = executable
        process.arguments =
            workerArguments + [
                "--worker", "--first", String(first), "--step", String(step), "--runs", String(runs), "--timeout",
                String(timeout),
            ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            progress("fuzz: worker did not start: \(error)")
            outcome.crash = first
            return outcome
        }
        var current: Int?
        var buffer = Data()
        let handle = pipe.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[(newline + 1)...])
                let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
                guard parts.count >= 2, let index = Int(parts[1]) else { continue }
                switch parts[0] {
                case "B": current = index
                case "E":
                    current = nil
                    outcome.finished += 1
                    let detail = parts.count > 3 ? parts[3] : ""
                    switch parts.count > 2 ? parts[2] : "" {
                    case "rejected": outcome.rejected += 1
                    case "unlocated":
                        outcome.unlocated.append((index, detail))
                        progress("fuzz: case \(index): unlocated: \(detail)")
                    case "leak":
                        outcome.leaks.append((index, detail))
                        progress("fuzz: case \(index): leak: \(detail)")
                    default: break
                    }
                case "H":
                    outcome.hang = index
                    current = nil
                    progress("fuzz: case \(index): hang (over \(timeout) s)")
                default: break
                }
            }
        }
        process.waitUntilExit()
        if outcome.hang == nil, let current {
            outcome.crash = current
            progress(
                "fuzz: case \(current): crash (worker exit \(process.terminationStatus), \(process.terminationReason))")
        } else if outcome.hang == nil, process.terminationStatus != 0 {
            progress("fuzz: worker exited \(process.terminationStatus) between cases")
        }
        return outcome
    }

    func save(_ index: Int, kind: String, progress: @Sendable (String) -> Void) {
        let fuzzCase = harness.makeCase(index)
        try? FileManager.default.createDirectory(at: failuresDirectory, withIntermediateDirectories: true)
        let url = failuresDirectory.appendingPathComponent("\(kind)-seed\(harness.seed)-\(index).txt")
        try? fuzzCase.data.write(to: url)
        progress(
            "fuzz: saved \(url.path) (from \(fuzzCase.path), \(fuzzCase.mutationNames.joined(separator: "+")))"
        )
    }
}

/// The worker side: runs its cases in order and a watchdog thread that ends the process
/// when one case exceeds the time bound.
public enum FuzzWorker {
    public static func run(harness: FuzzHarness, first: Int, step: Int, runs: Int, timeout: Double) {
        let started = ManagedAtomicClock()
        let watchdog = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                if let (index, since) = started.current(), Date().timeIntervalSince(since) > timeout {
                    emit("H \(index)")
                    exit(3)
                }
            }
        }
        watchdog.start()
        var index = first
        while index < runs {
            let fuzzCase = harness.makeCase(index)
            emit("B \(index)")
            started.begin(index)
            let outcome = harness.run(fuzzCase)
            started.end()
            var detail = ""
            switch outcome {
            case .unlocated(let text), .leak(let text):
                detail = text.replacingOccurrences(of: "\n", with: " ").prefix(300).description
            default: break
            }
            emit("E \(index) \(outcome.code) \(detail)")
            index += step
        }
    }

    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// The case a worker is on and since when, shared with its watchdog.
final class ManagedAtomicClock: @unchecked Sendable {
    private let lock = NSLock()
    private var state: (Int, Date)?

    func begin(_ index: Int) {
        lock.lock()
        state = (index, Date())
        lock.unlock()
    }

    func end() {
        lock.lock()
        state = nil
        lock.unlock()
    }

    func current() -> (Int, Date)? {
        lock.lock()
        defer { lock.unlock() }
        return state
    }
}

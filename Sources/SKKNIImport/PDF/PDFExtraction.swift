import Foundation
import SKKNICore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How far the PDF reader lets poppler go on one document.
public struct PDFLimits: Sendable {
    /// Wall-clock time for `pdftotext`; on expiry its whole process group is killed.
    public var timeout: Double
    /// Address-space limit of the `pdftotext` process (`ulimit -v`).
    public var memoryBytes: Int
    /// Bytes read from `pdftotext`'s output; more is refused as too large.
    public var outputBytes: Int
    /// Pages read; a longer document is refused.
    public var pages: Int
    /// The `pdftotext` executable; nil looks it up in `searchPath`.
    public var toolPath: String?
    /// Directories (a `PATH` value) searched for `pdftotext`; nil uses the process's `PATH`.
    public var searchPath: String?

    public init(
        timeout: Double = 60, memoryBytes: Int = 2 << 30, outputBytes: Int = 256 << 20, pages: Int = 3000,
        toolPath: String? = nil, searchPath: String? = nil
    ) {
        self.timeout = timeout
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
        self.pages = pages
        self.toolPath = toolPath
        self.searchPath = searchPath
    }

    public static let standard = PDFLimits()
}

/// Runs `pdftotext -bbox-layout` on a PDF, bounded in time, memory and output.
enum PDFExtraction {
    static let missingTool = "pdftotext (poppler-utils) tidak ditemukan; pasang paket poppler-utils"

    /// The executable to run, or nil when there is none.
    static func toolPath(_ limits: PDFLimits) -> String? {
        if let path = limits.toolPath {
            return access(path, X_OK) == 0 ? path : nil
        }
        let search = limits.searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in search.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/pdftotext"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// The XHTML `pdftotext -bbox-layout` writes for `data`, through a private temporary file
    /// that is always removed.
    static func extract(_ data: Data, path: String, limits: PDFLimits) throws(ImportError) -> [UInt8] {
        guard let tool = toolPath(limits) else { throw ImportError(file: path, message: missingTool) }
        let temporary =
            FileManager.default.temporaryDirectory.path + "/skkni-\(getpid())-\(UUID().uuidString).pdf"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ImportError(
                file: path, message: "berkas sementara tidak dapat ditulis: \(String(cString: strerror(errno)))")
        }
        defer { unlink(temporary) }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        let writeError = errno
        close(fd)
        guard written else {
            throw ImportError(
                file: path, message: "berkas sementara tidak dapat ditulis: \(String(cString: strerror(writeError)))")
        }
        let kib = max(1, limits.memoryBytes / 1024)
        // The shell sets the memory limit and becomes pdftotext (exec), so the group holds one process.
        let arguments = [
            "/bin/sh", "-c", "ulimit -v \(kib) 2>/dev/null; exec \"$0\" \"$@\"", tool, "-bbox-layout", "-enc",
            "UTF-8", "-l", String(limits.pages + 1), temporary, "-",
        ]
        let run: Subprocess.Outcome
        do throws(Subprocess.Failure) {
            run = try Subprocess.run(arguments, timeout: limits.timeout, outputLimit: limits.outputBytes)
        } catch {
            switch error {
            case .spawn(let code):
                throw ImportError(
                    file: path, message: "pdftotext tidak dapat dijalankan: \(String(cString: strerror(code)))")
            case .timeout:
                throw ImportError(
                    file: path,
                    message:
                        "pdftotext tidak selesai dalam \(Int(limits.timeout)) detik; PDF ini terlalu berat atau rusak")
            case .outputTooLarge:
                throw ImportError(
                    file: path,
                    message: "teks PDF melebihi \(limits.outputBytes >> 20) MiB; dokumen terlalu besar untuk dibaca")
            }
        }
        if let signal = run.signal {
            throw ImportError(
                file: path,
                message:
                    "pdftotext berhenti karena sinyal \(signal) (melampaui batas memori \(limits.memoryBytes >> 20) MiB atau PDF rusak)"
            )
        }
        if run.status != 0 || run.output.isEmpty {
            throw ImportError(file: path, message: explain(status: run.status, stderr: run.errors, tool: tool))
        }
        return run.output
    }

    /// One line for what went wrong, from pdftotext's exit status and messages (never shown as they are).
    static func explain(status: Int32, stderr: [UInt8], tool: String) -> String {
        let text = String(decoding: stderr, as: UTF8.self).lowercased()
        if text.contains("incorrect password") || text.contains("encrypt") {
            return "PDF terenkripsi (berkata sandi); buka kuncinya atau simpan ulang tanpa kata sandi"
        }
        if text.contains("invalid page count 0") || text.contains("last page (0)") {
            return "PDF tidak memiliki halaman"
        }
        if text.contains("permission") && status == 3 {
            return "PDF melarang penyalinan teks (izin dokumen); simpan ulang tanpa pembatasan"
        }
        if status == 127 || text.contains("not found") && text.contains(tool.lowercased()) {
            return missingTool
        }
        if status == 1 || text.contains("couldn't read xref") || text.contains("trailer") || text.contains("pdf file")
        {
            return "bukan PDF yang sah atau rusak sehingga tidak dapat diperbaiki (tabel xref/trailer tidak terbaca)"
        }
        return "pdftotext gagal membaca PDF ini (kode keluar \(status))"
    }
}

/// A child process with its output captured, in its own process group, killed on a deadline.
enum Subprocess {
    struct Outcome {
        var status: Int32
        var signal: Int32?
        var output: [UInt8]
        var errors: [UInt8]
    }

    enum Failure: Error {
        case spawn(Int32)
        case timeout
        case outputTooLarge
    }

    static let errorLimit = 64 << 10

    static func run(_ arguments: [String], timeout: Double, outputLimit: Int) throws(Failure) -> Outcome {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard closingPipe(&outPipe) else { throw .spawn(errno) }
        guard closingPipe(&errPipe) else {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw .spawn(code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw .spawn(spawned)
        }
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var failure: Failure?
        let deadline = monotonicNow() + timeout
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var open = 2
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while open > 0 {
            let remaining = deadline - monotonicNow()
            if remaining <= 0 {
                failure = .timeout
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000 + 1, 1_000_000)))
            if ready < 0 {
                if errno == EINTR { continue }
                failure = .timeout
                break
            }
            if ready == 0 { continue }
            for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, chunk) }
                if n > 0 {
                    if k == 0 {
                        output.append(contentsOf: buffer[0..<n])
                        if output.count > outputLimit { failure = .outputTooLarge }
                    } else if errors.count < errorLimit {
                        errors.append(contentsOf: buffer[0..<min(n, errorLimit - errors.count)])
                    }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[k].fd)
                    fds[k].fd = -1
                    open -= 1
                }
            }
            if failure != nil { break }
        }
        if failure != nil { kill(-pid, SIGKILL) }
        for entry in fds where entry.fd >= 0 { close(entry.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let failure { throw failure }
        let signal = status & 0x7F
        return Outcome(
            status: (status >> 8) & 0xFF, signal: signal == 0 ? nil : signal, output: output, errors: errors)
    }

    /// A pipe whose ends other children do not inherit (Glibc's module lacks pipe2).
    static func closingPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    static func monotonicNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

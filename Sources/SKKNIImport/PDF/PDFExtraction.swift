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
    /// Where the temporary copy of the PDF is written; nil is the system's temporary directory.
    public var temporaryDirectory: String?

    public init(
        timeout: Double = 60, memoryBytes: Int = 2 << 30, outputBytes: Int = 256 << 20, pages: Int = 3000,
        toolPath: String? = nil, searchPath: String? = nil, temporaryDirectory: String? = nil
    ) {
        self.temporaryDirectory = temporaryDirectory
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

    /// The pages `pdftotext -bbox-layout` finds in `data`. The PDF goes through a private
    /// temporary file (its messages through another), both always removed; the XHTML is read
    /// with a deadline and a size limit, then scanned (XMLParser for anything unusual).
    static func pages(_ data: Data, path: String, limits: PDFLimits) throws(ImportError) -> [PDFPage] {
        guard let tool = toolPath(limits) else { throw ImportError(file: path, message: missingTool) }
        let directory = limits.temporaryDirectory ?? FileManager.default.temporaryDirectory.path
        let stem = directory + "/skkni-\(getpid())-\(UUID().uuidString)"
        let input = stem + ".pdf"
        let messages = stem + ".err"
        defer {
            unlink(input)
            unlink(messages)
        }
        if let failure = writePrivately(data, to: input) {
            throw ImportError(file: path, message: "berkas sementara tidak dapat ditulis: \(failure)")
        }
        let kib = max(1, limits.memoryBytes / 1024)
        // The shell sets the memory limit and becomes pdftotext (exec): the group holds one process.
        let arguments = [
            "/bin/sh", "-c", "ulimit -v \(kib) 2>/dev/null; exec \"$0\" \"$@\"", tool, "-bbox-layout", "-enc",
            "UTF-8", "-l", String(limits.pages + 1), input, "-",
        ]
        let child: Subprocess
        do throws(Subprocess.Failure) {
            child = try Subprocess(arguments, errorsTo: messages)
        } catch {
            throw ImportError(file: path, message: "pdftotext tidak dapat dijalankan: \(error.reason)")
        }
        let stream = BoundedPipeStream(
            fd: child.output, deadline: Subprocess.monotonicNow() + limits.timeout, limit: limits.outputBytes)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: $0.count) }
            guard n > 0 else { break }
            output.append(contentsOf: chunk[0..<n])
        }
        // Whatever happened, the tool does not outlive the read: killed unless all was read.
        let exit = child.finish(kill: stream.failure != nil || !stream.atEnd)
        switch stream.failure {
        case .timeout?:
            throw ImportError(
                file: path,
                message: "pdftotext tidak selesai dalam \(Int(limits.timeout)) detik; PDF ini terlalu berat atau rusak")
        case .tooLarge?:
            throw ImportError(
                file: path,
                message: "teks PDF melebihi \(limits.outputBytes >> 20) MiB; dokumen terlalu besar untuk dibaca")
        case nil: break
        }
        if let signal = exit.signal, signal != SIGKILL || stream.atEnd {
            throw ImportError(
                file: path,
                message:
                    "pdftotext berhenti karena sinyal \(signal) (melampaui batas memori \(limits.memoryBytes >> 20) MiB atau PDF rusak)"
            )
        }
        if exit.status != 0 || stream.bytes == 0 {
            throw ImportError(
                file: path, message: explain(status: exit.status, stderr: readPrefix(messages, 64 << 10), tool: tool))
        }
        if let pages = PDFBBoxScanner.scan(output) { return pages }
        switch PDFLayoutXML.parse(Data(output)) {
        case .success(let pages): return pages
        case .failure(let reason):
            throw ImportError(file: path, message: "keluaran pdftotext tidak dapat diurai: \(reason)")
        }
    }

    /// Writes `data` to a new file only this user can read; the reason when it cannot.
    static func writePrivately(_ data: Data, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        return data.withUnsafeBytes { raw -> String? in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
    }

    /// The first `limit` bytes of a file (none when it cannot be read).
    static func readPrefix(_ path: String, _ limit: Int) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, limit) }
        return n > 0 ? Array(buffer[0..<n]) : []
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
        if status == 126 {
            // The shell could not exec the tool (not executable, or being written: ETXTBSY).
            return "pdftotext tidak dapat dijalankan (\(tool))"
        }
        if status == 1 || text.contains("couldn't read xref") || text.contains("trailer") || text.contains("pdf file") {
            return "bukan PDF yang sah atau rusak sehingga tidak dapat diperbaiki (tabel xref/trailer tidak terbaca)"
        }
        return "pdftotext gagal membaca PDF ini (kode keluar \(status))"
    }
}

/// A child process in its own process group, its standard output a pipe read by the caller
/// and its messages written to a file.
final class Subprocess {
    let pid: pid_t
    /// The read end of the child's standard output.
    let output: Int32
    private var finished = false

    enum Failure: Error {
        case spawn(Int32)
        var reason: String {
            switch self {
            case .spawn(let code): String(cString: strerror(code))
            }
        }
    }

    init(_ arguments: [String], errorsTo messages: String) throws(Failure) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .spawn(errno) }
        // Other children spawned meanwhile (documents are read in parallel) must not inherit them.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, messages, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw .spawn(spawned)
        }
        self.pid = pid
        self.output = fds[0]
    }

    /// Waits for the child (after killing its whole group when asked) and closes the pipe.
    func finish(kill killing: Bool) -> (status: Int32, signal: Int32?) {
        finished = true
        if killing { kill(-pid, SIGKILL) }
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return ((status >> 8) & 0xFF, signal == 0 ? nil : signal)
    }

    deinit {
        if !finished { _ = finish(kill: true) }
    }

    static func monotonicNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

/// The child's output as an InputStream, read with a deadline and a byte limit.
/// Control bytes XML 1.0 forbids (a PDF's text may hold them) become spaces on the way.
final class BoundedPipeStream: InputStream {
    enum Failure { case timeout, tooLarge }

    private let fd: Int32
    private let deadline: Double
    private let limit: Int
    private(set) var failure: Failure?
    private(set) var bytes = 0
    private(set) var atEnd = false

    init(fd: Int32, deadline: Double, limit: Int) {
        self.fd = fd
        self.deadline = deadline
        self.limit = limit
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { failure == nil && !atEnd }
    override var streamStatus: Stream.Status { atEnd ? .atEnd : failure != nil ? .error : .open }
    // XMLParser asks for the error after a failed read; the base class's getter would trap.
    override var streamError: Error? {
        failure.map { NSError(domain: "skkni.pdf", code: $0 == .timeout ? 1 : 2) }
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        guard failure == nil, !atEnd else { return failure == nil ? 0 : -1 }
        while true {
            let remaining = deadline - Subprocess.monotonicNow()
            guard remaining > 0 else {
                failure = .timeout
                return -1
            }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(min(remaining * 1000 + 1, 1_000_000)))
            if ready < 0 && errno != EINTR {
                failure = .timeout
                return -1
            }
            guard ready > 0 else { continue }
            let n = systemRead(fd, buffer, min(maxLength, 1 << 16))
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                atEnd = true
                return 0
            }
            if n == 0 {
                atEnd = true
                return 0
            }
            bytes += n
            if bytes > limit {
                failure = .tooLarge
                return -1
            }
            for i in 0..<n {
                let b = buffer[i]
                if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { buffer[i] = 0x20 }
            }
            return n
        }
    }
}

/// read(2), which InputStream's own `read` hides inside the stream class.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
    #else
        Darwin.read(fd, buffer, count)
    #endif
}

import CSKKNISystem
import Foundation

public struct OutputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writes a complete directory next to the target, then swaps it in with one atomic
/// exchange, so a build that fails or is killed at any point leaves the previous output whole.
public enum OutputDirectory {
    /// `finish` writes further files straight into the staging directory (the database);
    /// `checkpoint` is told "site" halfway through the files and "database" before `finish`.
    public static func replace(
        _ output: URL, with files: [(String, Data)], finish: (URL) throws -> Void = { _ in },
        checkpoint: (String) -> Void = { _ in }
    ) throws {
        try replace(output) { staging in
            for (index, (path, data)) in files.enumerated() {
                if index == files.count / 2 { checkpoint("site") }
                try staging.write(path, data)
            }
            checkpoint("database")
            try finish(staging.url)
        }
    }

    /// Runs `fill` on a new staging directory next to `output`, then swaps it in; if `fill`
    /// throws, the staging directory is removed and `output` is untouched.
    public static func replace(_ output: URL, fill: (StagingDirectory) throws -> Void) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let stagingURL = parent.appendingPathComponent(".\(name).new-\(getpid())")
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        recoverInterrupted(output)
        do {
            try fm.createDirectory(at: stagingURL, withIntermediateDirectories: true)
            // Files equal to the current output's are hard-linked from it rather than written:
            // creating an inode costs far more than a link, so unchanged pages are nearly free.
            let staging = StagingDirectory(
                stagingURL, previous: fm.fileExists(atPath: output.path) ? output : nil)
            try fill(staging)
            // One flush of the whole file system instead of an fsync per file: the swap below
            // must not become durable before the files it publishes.
            staging.synchronize()
            try swapIn(stagingURL, at: output)
        } catch {
            try? fm.removeItem(at: stagingURL)
            throw error
        }
    }

    /// Puts `staging` at `output`. Where the system can exchange two paths atomically, the
    /// output is never missing; elsewhere two renames leave a short window that
    /// `recoverInterrupted` repairs on the next run.
    static func swapIn(_ staging: URL, at output: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if skkni_exchange_paths(staging.path, output.path) == 0 {
            removeTree(staging)  // now holds the previous output
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).old-\(getpid())")
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Cleans what a killed run left next to `output`: unfinished staging directories, and a
    /// previous output that was moved aside but not replaced (restored when the output is missing).
    /// Call only while holding the output's `BuildLock`.
    public static func recoverInterrupted(_ output: URL) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for entry in leftovers where entry.hasPrefix(".\(name).old-") {
            let url = parent.appendingPathComponent(entry)
            if !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: url, to: output)
            } else {
                try? fm.removeItem(at: url)
            }
        }
        for entry in leftovers where entry.hasPrefix(".\(name).new-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Relative, no `..`, no absolute paths, no backslashes.
    public static func isSafe(_ path: String) -> Bool {
        // On UTF-8 bytes: every file of a build passes here.
        let bytes = path.utf8
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "/"), !bytes.contains(UInt8(ascii: "\\")) else {
            return false
        }
        return !bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0.elementsEqual("..".utf8) || $0.elementsEqual(".".utf8)
        }
    }
}

extension OutputDirectory {
    /// Removes a directory tree: listed with readdir (no stat per file, unlike FileManager's
    /// enumerator) and unlinked on all cores; a site has tens of thousands of files.
    static func removeTree(_ url: URL) {
        var directories = [url.path]
        var files: [String] = []
        var next = 0
        while next < directories.count {
            let directory = directories[next]
            next += 1
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = directory + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    isDirectory = lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory { directories.append(path) } else { files.append(path) }
            }
            closedir(handle)
        }
        let chunk = 512
        let chunks = stride(from: 0, to: files.count, by: chunk).map { Array(files[$0..<min($0 + chunk, files.count)]) }
        ConcurrentMap.forEach(chunks) { paths in for path in paths { _ = unlink(path) } }
        for directory in directories.reversed() { _ = rmdir(directory) }
        // Anything left (a file added meanwhile): the slow, thorough way.
        if FileManager.default.fileExists(atPath: url.path) { try? FileManager.default.removeItem(at: url) }
    }
}

/// A directory being filled from several threads: files are written with plain POSIX calls
/// (Foundation's `Data.write` fsyncs every file, which made writing a site I/O-bound), and
/// folders are created once each.
public final class StagingDirectory: @unchecked Sendable {
    public let url: URL
    /// `url.path`, computed once: URL.path is not free, and every file asks.
    private let root: String
    /// The path of the output being replaced, whose unchanged files are linked instead of written.
    private let previousRoot: String?
    private let lock = NSLock()
    private let creation = NSLock()
    private var directories: Set<String> = []
    private var files = 0
    private var bytes = 0
    private var linked = 0

    init(_ url: URL, previous: URL? = nil) {
        self.url = url
        root = url.path
        previousRoot = previous?.path
        directories.insert(root)
    }

    /// How many files and bytes are in the directory so far.
    public var written: (files: Int, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (files, bytes)
    }

    /// How many of them are links to unchanged files of the previous output.
    public var unchanged: Int {
        lock.lock()
        defer { lock.unlock() }
        return linked
    }

    /// Whether the file at `path` has exactly these bytes.
    static func holds(_ path: String, _ data: Data) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count
        else { return false }
        guard !data.isEmpty else { return true }
        var buffer = [UInt8](repeating: 0, count: data.count)
        var offset = 0
        while offset < data.count {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, data.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return data.withUnsafeBytes { bytes in
            buffer.withUnsafeBytes { memcmp(bytes.baseAddress!, $0.baseAddress!, data.count) == 0 }
        }
    }

    /// Links the previous output's file at `path` into the directory, unread: for a page the
    /// caller knows is unchanged. False when there is no such file (then write it).
    public func linkPrevious(_ path: String) -> Bool {
        guard let previousRoot, OutputDirectory.isSafe(path) else { return false }
        let source = previousRoot + "/" + path
        var status = stat()
        guard lstat(source, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        guard (try? makeFolder(folder(of: path))) != nil, link(source, root + "/" + path) == 0 else {
            return false
        }
        count(bytes: Int(status.st_size), linked: true)
        return true
    }

    /// The folder a relative path's file goes in.
    private func folder(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { root + "/" + path[..<$0] } ?? root
    }

    /// Creates a folder once, while holding the lock, so no other thread writes into it before it exists.
    private func makeFolder(_ folder: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !directories.contains(folder) else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        directories.insert(folder)
    }

    /// Writes a new file at a relative path; refuses paths that could leave the directory.
    public func write(_ path: String, _ data: Data) throws {
        guard OutputDirectory.isSafe(path) else { throw OutputError("jalur keluaran tidak aman: \(path)") }
        let full = root + "/" + path
        try makeFolder(folder(of: path))
        if let previousRoot, StagingDirectory.holds(previousRoot + "/" + path, data),
            link(previousRoot + "/" + path, full) == 0
        {
            count(bytes: data.count, linked: true)
            return
        }
        // One creation at a time: creating files in one directory from two threads only makes
        // the second spin on the directory's lock in the kernel, burning the core a page
        // could be rendered on.
        creation.lock()
        let descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        creation.unlock()
        guard descriptor >= 0 else { throw StagingDirectory.posixError(errno, full) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StagingDirectory.posixError(errno, full)
                }
                offset += n
            }
        }
        count(bytes: data.count, linked: false)
    }

    private func count(bytes size: Int, linked isLink: Bool) {
        lock.lock()
        files += 1
        bytes += size
        if isLink { linked += 1 }
        lock.unlock()
    }

    func synchronize() {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = skkni_sync_file_system(descriptor)
        close(descriptor)
    }

    static func posixError(_ code: Int32, _ path: String) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: path])
    }
}

/// An exclusive advisory lock on `<parent>/.<name>.lock`, so two builds writing the same
/// output cannot interleave. The kernel releases it when the process ends, even on `kill -9`.
public final class BuildLock {
    public let path: String
    private let descriptor: Int32

    /// Throws at once, naming the lock file, when another process holds it.
    public init(for target: URL) throws {
        let parent = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        path = parent.appendingPathComponent(".\(target.lastPathComponent).lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError("\(path): kunci tidak dapat dibuat: \(FileErrorText.posix(errno))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw OutputError(
                "\(path): proses skkni lain sedang menulis \(target.lastPathComponent); tunggu sampai selesai lalu ulangi"
            )
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

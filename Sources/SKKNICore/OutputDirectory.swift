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
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        recoverInterrupted(output)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var directories: Set<String> = []
            for (index, (path, data)) in files.enumerated() {
                if index == files.count / 2 { checkpoint("site") }
                guard isSafe(path) else { throw OutputError("jalur keluaran tidak aman: \(path)") }
                let url = staging.appendingPathComponent(path)
                let folder = url.deletingLastPathComponent().path
                if directories.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try data.write(to: url)
            }
            checkpoint("database")
            try finish(staging)
            try swapIn(staging, at: output)
        } catch {
            try? fm.removeItem(at: staging)
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
            try? fm.removeItem(at: staging)  // now holds the previous output
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
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0 == ".." || $0 == "." || $0.isEmpty
            }
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

import CSKKNISystem
import Foundation
import SKKNICore

public struct OutputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Publishing stopped after the journal was written: the output is partly updated, and the
/// next run (or `recoverInterrupted`) completes it.
public struct PublishInterrupted: Error, CustomStringConvertible {
    public var journal: String
    public var reason: String
    public var description: String {
        "\(reason); keluaran baru sebagian dipasang, jurnal \(journal) diselesaikan oleh build berikutnya"
    }
}

/// Builds an output directory so that a build that fails or is killed at any point never
/// leaves it half-written. The first build fills a staging directory and renames it into
/// place. Later builds update the output in place: the files that changed are written to a
/// staging directory next to it, and only when everything is there a journal listing the
/// moves and deletions is made durable and applied; a run killed while applying it is
/// completed by the next run (`recoverInterrupted`). Unchanged files are never touched, so a
/// rebuild that changes a few pages of a national catalogue costs a few files, not 120,000.
/// When much of the output changed (a template edit), the kept files are linked into the
/// staging directory instead and the two trees are swapped in one step.
public enum OutputDirectory {
    /// `finish` writes further files straight into the staging directory (the database);
    /// `checkpoint` is told "site" halfway through the files and "database" before `finish`.
    public static func replace(
        _ output: URL, with files: [(String, Data)], finish: (URL) throws -> Void = { _ in },
        checkpoint: (String) -> Void = { _ in }
    ) throws {
        try replace(output, checkpoint: checkpoint) { staging in
            for (index, (path, data)) in files.enumerated() {
                if index == files.count / 2 { checkpoint("site") }
                try staging.write(path, data)
            }
            checkpoint("database")
            try finish(staging.url)
        }
    }

    /// Runs `fill` on a new staging directory next to `output`, then publishes it: renamed into
    /// place when there is no output yet, otherwise applied to the output through a journal.
    /// If `fill` throws, the staging directory is removed and `output` is untouched.
    /// `checkpoint("commit")` is called halfway through applying the journal.
    /// `swapAbove`: with more changed files than this (and more than an eighth of the output),
    /// whole trees are swapped.
    /// `fill` runs after a killed build's journal is applied, so what it reads of the output is
    /// what the output holds; after a reboot that may have lost the last tree's writes
    /// (`StagingDirectory.previousTrusted` false) it must compare every file with the output's
    /// (`StagingDirectory.write` does) instead of trusting any record of it.
    /// `knownFiles`: whether the output holds a file, when the caller knows (an update of an
    /// output it built): then the output is not listed, only files the build drops are
    /// removed, and files are never swapped as a whole tree.
    public static func replace(
        _ output: URL, checkpoint: (String) -> Void = { _ in }, swapAbove: Int = 2000,
        knownFiles: (@Sendable (String) -> Bool)? = nil, fill: (StagingDirectory) throws -> Void
    ) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let stagingURL = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(getpid())")
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        try recoverInterrupted(output)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        guard !exists || isDirectory.boolValue else {
            throw OutputError("\(output.path): bukan direktori; pindahkan atau hapus dulu")
        }
        // A tree published by an earlier build of this boot without waiting for the disk is
        // flushed while this one computes (not for an update of an output the caller built: it
        // settles that itself). After a reboot the caller has compared every file instead.
        let pending = knownFiles == nil ? PendingFlush.state(of: output) : .none
        let settling = PendingFlush.settle(output, state: pending)
        defer { _ = try? settling?.wait() }
        /// A whole tree about to be published: marked as not yet on disk, or flushed.
        func markOrFlush() throws {
            _ = try settling?.wait()  // it would drop the new marker
            if try !PendingFlush.mark(output) { StagingDirectory.flush(fileSystemOf: stagingURL.path) }
        }
        let staging: StagingDirectory
        do {
            try fm.createDirectory(at: stagingURL, withIntermediateDirectories: true)
            staging = StagingDirectory(
                stagingURL, previous: exists ? output : nil,
                listing: exists ? knownFiles.map(OutputListing.init(known:)) ?? OutputListing(output.path) : nil,
                previousTrusted: pending != .otherBoot)
            try fill(staging)
            if !exists {
                try markOrFlush()
                try fm.moveItem(at: stagingURL, to: output)
                return
            }
        } catch {
            removeTree(stagingURL)
            throw error
        }
        // Hidden files (the page manifest) last: a manifest that says a page is new must not
        // arrive before the page, whatever happens to the staging directory meanwhile.
        let staged = staging.stagedPaths()
        let moves = staged.filter { !$0.hasPrefix(".") } + staged.filter { $0.hasPrefix(".") }
        if knownFiles == nil, moves.count > swapAbove, moves.count * 8 > staging.producedPaths(staged: moves).count {
            // Much of the output changed (a template edit): moving each file over its old
            // version costs far more than linking the few kept files into the staging tree
            // and swapping whole trees.
            do {
                try staging.linkKept()
                try markOrFlush()
                try swapIn(stagingURL, at: output)
            } catch {
                removeTree(stagingURL)
                throw error
            }
            return
        }
        StagingDirectory.flush(moves.map { stagingURL.path + "/" + $0 }, fileSystemOf: stagingURL.path)
        let journal = Journal(
            staging: stagingURL.lastPathComponent, moves: moves,
            deletions: staging.stalePaths(staged: moves))
        do {
            try journal.commit(next: output)
        } catch {
            removeTree(stagingURL)
            throw error
        }
        // From here the journal holds the build: if applying it fails, the next run finishes it.
        do {
            try journal.apply(to: output, checkpoint: checkpoint)
        } catch {
            throw PublishInterrupted(journal: journalURL(of: output).path, reason: FileErrorText.describe(error))
        }
        // Every file was compared with what the disk holds since the reboot, or moved in and flushed.
        if pending == .otherBoot { PendingFlush.clear(output) }
    }

    /// Puts a complete `staging` tree at `output`. Where the system can exchange two paths
    /// atomically, the output is never missing; elsewhere two renames leave a short window
    /// that `recoverInterrupted` repairs on the next run.
    static func swapIn(_ staging: URL, at output: URL) throws {
        let fm = FileManager.default
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
        removeTree(old)
    }

    /// Files under `output` that this build did not produce (pages of removed entities, stray
    /// files), deepest directories after their files: a full rebuild would not have them.
    static func stalePaths(in listing: OutputListing, keeping produced: Set<String>) -> [String] {
        let (files, directories) = listing.entries
        // A folder is removed (when empty once its stale files are gone) after its subfolders.
        return files.subtracting(produced).sorted() + directories.sorted().reversed().map { $0 + "/" }
    }

    /// Calls `visit` with the path relative to `root` of every file and folder below it, listed
    /// with readdir (no stat per entry, unlike FileManager's enumerator).
    static func walk(_ root: String, _ visit: (String, Bool) -> Void) {
        var directories = [""]
        var next = 0
        while next < directories.count {
            let relative = directories[next]
            next += 1
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    isDirectory = lstat(root + "/" + path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory { directories.append(path) }
                visit(path, isDirectory)
            }
            closedir(handle)
        }
    }

    static func journalURL(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).journal")
    }

    /// Cleans what a killed run left next to `output`: a committed journal is applied (the
    /// output then holds that build's result), a previous output moved aside is restored or
    /// removed, unfinished staging directories are removed.
    /// Call only while holding the output's `BuildLock`.
    public static func recoverInterrupted(_ output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let journalURL = journalURL(of: output)
        if let data = fm.contents(atPath: journalURL.path) {
            guard let journal = Journal(data) else {
                throw OutputError(
                    "\(journalURL.path): jurnal keluaran rusak; hapus \(output.path) dan jurnal itu, lalu bangun ulang")
            }
            try journal.apply(to: output, checkpoint: { _ in })
        }
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        // A previous output moved aside by `swapIn`'s fallback: restored if the new one never arrived.
        for entry in leftovers where entry.hasPrefix(".\(name).old-") {
            let url = parent.appendingPathComponent(entry)
            if !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: url, to: output)
            } else {
                removeTree(url)
            }
        }
        for entry in leftovers where entry.hasPrefix(".\(name).new-") || entry == ".\(name).journal.new" {
            removeTree(parent.appendingPathComponent(entry))
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

/// What publishing a build to an existing output does: delete these paths (a trailing `/`
/// marks a folder, removed when empty), then move these files from the staging directory.
/// Written durably before the output is touched, and applied idempotently, so a run killed
/// halfway is finished by the next.
struct Journal: Equatable {
    var staging: String
    var moves: [String]
    var deletions: [String]

    private static let header = Data("skkni-jurnal 1\n".utf8)

    /// NUL-separated records (a file name may hold any other byte), ending with an end mark
    /// so a journal cut short is never applied.
    var encoded: Data {
        var data = Journal.header
        func record(_ kind: String, _ path: String) {
            data.append(contentsOf: kind.utf8)
            data.append(contentsOf: path.utf8)
            data.append(0)
        }
        record("S", staging)
        for path in deletions { record("D", path) }
        for path in moves { record("M", path) }
        record("E", "")
        return data
    }

    init(staging: String, moves: [String], deletions: [String]) {
        self.staging = staging
        self.moves = moves
        self.deletions = deletions
    }

    init?(_ data: Data) {
        guard data.starts(with: Journal.header), data.last == 0 else { return nil }
        var staging: String?
        var moves: [String] = []
        var deletions: [String] = []
        var ended = false
        for record in data.dropFirst(Journal.header.count).split(separator: 0, omittingEmptySubsequences: false) {
            guard !ended, let kind = record.first else {
                if ended, record.isEmpty { continue }
                return nil
            }
            let path = String(decoding: record.dropFirst(), as: UTF8.self)
            switch kind {
            case UInt8(ascii: "S"): staging = path
            case UInt8(ascii: "D"): deletions.append(path)
            case UInt8(ascii: "M"): moves.append(path)
            case UInt8(ascii: "E"): ended = true
            default: return nil
            }
        }
        // Paths are joined to the output below: the same rule as for every written file.
        guard ended, let staging, !staging.contains("/"), staging.hasPrefix("."),
            moves.allSatisfy(Journal.staysInside),
            deletions.allSatisfy({ Journal.staysInside($0.hasSuffix("/") ? String($0.dropLast()) : $0) })
        else { return nil }
        self.init(staging: staging, moves: moves, deletions: deletions)
    }

    /// A relative path that cannot leave the folder it is joined to. Looser than
    /// `OutputDirectory.isSafe`: a stray file to delete may have any name.
    static func staysInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0 == "." || $0 == ".."
            }
    }

    /// Makes the journal durable next to `output`: written aside, flushed, renamed into place.
    func commit(next output: URL) throws {
        try StagingDirectory.writeDurably(encoded, to: OutputDirectory.journalURL(of: output).path)
    }

    /// Deletes, then moves; what is already done is skipped. The journal and the emptied
    /// staging directory are removed once the output is on disk.
    func apply(to output: URL, checkpoint: (String) -> Void) throws {
        let root = output.path
        let parent = output.deletingLastPathComponent().path
        let stagingRoot = parent + "/" + staging
        for path in deletions {
            if path.hasSuffix("/") {
                _ = rmdir(root + "/" + path.dropLast())
            } else if unlink(root + "/" + path) != 0, errno != ENOENT {
                OutputDirectory.removeTree(URL(fileURLWithPath: root + "/" + path))
            }
        }
        var folders: Set<String> = [root]
        var touched: Set<String> = [root]
        for path in deletions {
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            touched.insert(trimmed.utf8.lastIndex(of: UInt8(ascii: "/")).map { root + "/" + trimmed[..<$0] } ?? root)
        }
        for (index, path) in moves.enumerated() {
            if index == moves.count / 2 { checkpoint("commit") }
            let source = stagingRoot + "/" + path
            let target = root + "/" + path
            var status = stat()
            guard lstat(source, &status) == 0 else { continue }  // moved before an interruption
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                let folder = root + "/" + path[..<slash]
                if !folders.contains(folder) {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    folders.insert(folder)
                }
                touched.insert(folder)
            }
            if rename(source, target) != 0 {
                // A folder where this file now goes (the walk listed its files for deletion).
                OutputDirectory.removeTree(URL(fileURLWithPath: target))
                guard rename(source, target) == 0 else { throw StagingDirectory.posixError(errno, target) }
            }
        }
        // The renames and deletions on disk before the journal goes. (A folder created above
        // inside another is made durable by its parent's fsync; a vanished one fails harmlessly.)
        StagingDirectory.flush(touched.sorted(), fileSystemOf: root)
        let journal = OutputDirectory.journalURL(of: output).path
        guard unlink(journal) == 0 || errno == ENOENT else { throw StagingDirectory.posixError(errno, journal) }
        OutputDirectory.removeTree(URL(fileURLWithPath: stagingRoot))
    }
}

extension OutputDirectory {
    /// Removes a file or a directory tree, unlinking on all cores: a site has tens of thousands of files.
    static func removeTree(_ url: URL) {
        let root = url.path
        if unlink(root) == 0 || errno == ENOENT { return }
        var directories = [root]
        var files: [String] = []
        walk(root) { relative, isDirectory in
            if isDirectory { directories.append(root + "/" + relative) } else { files.append(root + "/" + relative) }
        }
        let chunk = 512
        let chunks = stride(from: 0, to: files.count, by: chunk).map { Array(files[$0..<min($0 + chunk, files.count)]) }
        ConcurrentMap.forEach(chunks) { paths in for path in paths { _ = unlink(path) } }
        for directory in directories.reversed() { _ = rmdir(directory) }
        // Anything left (a file added meanwhile): the slow, thorough way.
        if FileManager.default.fileExists(atPath: root) { try? FileManager.default.removeItem(at: url) }
    }
}

/// The files of a build, filled from several threads. With a previous output, a file equal to
/// the output's is only noted as kept and the others are written here, to be moved into the
/// output by the journal; without one, every file is written here. Files are written with plain
/// POSIX calls (Foundation's `Data.write` fsyncs every file), folders are created once each.
public final class StagingDirectory: @unchecked Sendable {
    public let url: URL
    /// `url.path`, computed once: URL.path is not free, and every file asks.
    private let root: String
    /// The path of the output being updated, whose unchanged files are kept where they are.
    private let previousRoot: String?
    /// What that output holds, listed while the build computes.
    let listing: OutputListing?
    private let lock = NSLock()
    private let creation = NSLock()
    private var directories: Set<String> = []
    private var files = 0
    private var bytes = 0
    private var kept: [String] = []

    /// False when the previous output may not be what was written to it (a reboot came before
    /// the disk had it, see `PendingFlush`): a record such as the page manifest says nothing.
    public let previousTrusted: Bool

    init(_ url: URL, previous: URL? = nil, listing: OutputListing? = nil, previousTrusted: Bool = true) {
        self.url = url
        self.previousTrusted = previousTrusted
        root = url.path
        previousRoot = previous?.path
        self.listing = listing
        directories.insert(root)
    }

    /// How many files and bytes the build has produced so far, kept ones included.
    public var written: (files: Int, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (files, bytes)
    }

    /// How many of them are the previous output's files, left untouched.
    public var unchanged: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }

    /// Files in the staging directory (those written here and whatever `finish` added), sorted.
    func stagedPaths() -> [String] {
        var paths: [String] = []
        OutputDirectory.walk(root) { relative, isDirectory in if !isDirectory { paths.append(relative) } }
        return paths.sorted()
    }

    /// Files and folders of the previous output this build does not produce, deepest last.
    func stalePaths(staged: [String]) -> [String] {
        guard let listing else { return [] }
        let (everything, excluded) = lock.withLock { (keepsUnmentioned, dropped) }
        guard everything else { return OutputDirectory.stalePaths(in: listing, keeping: producedPaths(staged: staged)) }
        // Only what the build dropped, and the folders they leave (removed if then empty).
        let files = Set(excluded.filter { listing.contains($0) }).subtracting(staged)
        var folders = Set<String>()
        for path in files {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        return files.sorted() + folders.sorted().reversed().map { $0 + "/" }
    }

    /// Every file of this build: the staged ones and the kept ones.
    func producedPaths(staged: [String]) -> Set<String> {
        keptPaths().union(staged)
    }

    /// The previous output's files this build keeps: those it asked to keep, and with
    /// `keepUnmentioned` every one it did not drop.
    private func keptPaths() -> Set<String> {
        lock.lock()
        let asked = kept
        let everything = keepsUnmentioned
        let excluded = dropped
        lock.unlock()
        guard everything, let listing else { return Set(asked) }
        return listing.entries.files.subtracting(excluded)
    }

    private var keepsUnmentioned = false
    private var dropped: Set<String> = []

    /// Keeps every file of the previous output that this build does not write, except
    /// `dropping`: for an update that knows which few files it changes, instead of naming the
    /// 100,000 it keeps.
    public func keepUnmentioned(dropping paths: [String]) {
        lock.withLock {
            keepsUnmentioned = true
            dropped = Set(paths)
        }
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
        guard let buffer = RawFile.read(descriptor, count: data.count) else { return false }
        return data.withUnsafeBytes { bytes in
            buffer.withUnsafeBytes { memcmp(bytes.baseAddress!, $0.baseAddress!, data.count) == 0 }
        }
    }

    /// Hard-links every kept file of the previous output into the directory, which then holds
    /// the whole build (for swapping trees instead of moving files one by one).
    func linkKept() throws {
        guard let previousRoot else { return }
        let staged = Set(stagedPaths())
        for path in keptPaths().subtracting(staged).sorted() {
            try makeFolder(folder(of: path))
            guard link(previousRoot + "/" + path, root + "/" + path) == 0 else {
                throw StagingDirectory.posixError(errno, root + "/" + path)
            }
        }
    }

    /// Whether the previous output has a file at `path`.
    public func hasPrevious(_ path: String) -> Bool { listing?.contains(path) ?? false }

    /// Keeps the previous output's file at `path` (of `size` bytes, as recorded), unread and
    /// not even asked about: for a page the caller knows is unchanged. False when the output
    /// has no such file (then write it).
    public func keepPrevious(_ path: String, size: Int) -> Bool {
        guard let listing, listing.contains(path) else { return false }
        count(path, bytes: size, kept: true)
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

    /// Writes a file at a relative path (or keeps the output's, when it has these bytes);
    /// refuses paths that could leave the directory.
    public func write(_ path: String, _ data: Data) throws {
        guard OutputDirectory.isSafe(path) else { throw OutputError("jalur keluaran tidak aman: \(path)") }
        if let previousRoot, StagingDirectory.holds(previousRoot + "/" + path, data) {
            count(path, bytes: data.count, kept: true)
            return
        }
        let (descriptor, full) = try create(path)
        defer { close(descriptor) }
        try data.withUnsafeBytes { try RawFile.write($0, to: descriptor, path: full) }
        count(path, bytes: data.count, kept: false)
    }

    /// Creates the staged file at a relative path, and its folder if need be; returns it open
    /// for writing, with its full path.
    private func create(_ path: String) throws -> (descriptor: Int32, full: String) {
        let full = root + "/" + path
        try makeFolder(folder(of: path))
        // One creation at a time: creating files in one directory from two threads only makes
        // the second spin on the directory's lock in the kernel, burning the core a page
        // could be rendered on.
        creation.lock()
        let descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        creation.unlock()
        guard descriptor >= 0 else { throw StagingDirectory.posixError(errno, full) }
        return (descriptor, full)
    }

    /// Writes a file from pieces (see `OutputWriter`), comparing them on the way with the
    /// previous output's file: when every byte is the same, the staged copy is removed and the
    /// output's file kept, as `write(_:_:)` does for a whole file.
    public func write(_ path: String, streaming fill: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        guard OutputDirectory.isSafe(path) else { throw OutputError("jalur keluaran tidak aman: \(path)") }
        let (descriptor, full) = try create(path)
        defer { close(descriptor) }
        var previous = previousRoot.map { open($0 + "/" + path, O_RDONLY | O_CLOEXEC) } ?? -1
        defer { if previous >= 0 { close(previous) } }
        var size = 0
        try fill { piece in
            try piece.withUnsafeBytes { try RawFile.write($0, to: descriptor, path: full) }
            size += piece.count
            guard previous >= 0 else { return }
            let same = RawFile.read(previous, count: piece.count).map { $0 == piece } ?? false
            if !same {
                close(previous)
                previous = -1
            }
        }
        // Equal so far, and the previous file ends here too.
        if previous >= 0, RawFile.read(previous, count: 1) == nil, unlink(full) == 0 {
            count(path, bytes: size, kept: true)
            return
        }
        count(path, bytes: size, kept: false)
    }

    private func count(_ path: String, bytes size: Int, kept isKept: Bool) {
        lock.lock()
        files += 1
        bytes += size
        if isKept { kept.append(path) }
        lock.unlock()
    }

    /// Makes these files or folders durable: an fsync each when there are a few (a rebuild
    /// that changed some pages), else one flush of the whole file system, which is cheaper
    /// for thousands but also writes whatever other programs left unwritten on that disk.
    static func flush(_ paths: [String], fileSystemOf root: String) {
        guard paths.count <= 2000 else {
            flush(fileSystemOf: root)
            return
        }
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            _ = fsync(descriptor)
            close(descriptor)
        }
    }

    /// Writes `data` at `path` so that after a crash the file is either absent (or its previous
    /// version) or whole: written to `path.new`, fsynced, renamed into place, its folder flushed.
    static func writeDurably(_ data: Data, to path: String) throws {
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw posixError(errno, temporary) }
        do {
            try data.withUnsafeBytes { try RawFile.write($0, to: descriptor, path: temporary) }
            guard fsync(descriptor) == 0 else { throw posixError(errno, temporary) }
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw posixError(code, path)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        flush([folder], fileSystemOf: folder)
    }

    /// Flushes the whole file system holding `path` (one call instead of an fsync per file).
    static func flush(fileSystemOf path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = skkni_sync_file_system(descriptor)
        close(descriptor)
    }

    static func posixError(_ code: Int32, _ path: String) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [NSFilePathErrorKey: path])
    }
}

/// The files and folders of an existing output, relative to it, listed with readdir on a
/// thread of its own while the build computes: a rebuild then knows which pages exist
/// without a `stat` each (121,000 of them at national scale, slow when the inode cache is
/// cold), and which files are stale.
final class OutputListing: @unchecked Sendable {
    private var files: Set<String> = []
    private var directories: [String] = []
    private var job: BackgroundJob?

    private var known: (@Sendable (String) -> Bool)?

    /// A listing the caller already knows, without reading the directory: it answers
    /// `contains` only (its `entries` are empty).
    init(known: @escaping @Sendable (String) -> Bool) {
        self.known = known
    }

    init(_ root: String) {
        job = BackgroundJob { [self] in
            OutputDirectory.walk(root) { relative, isDirectory in
                if isDirectory { directories.append(relative) } else { files.insert(relative) }
            }
        }
    }

    /// Everything listed (waits for the listing).
    var entries: (files: Set<String>, directories: [String]) {
        _ = try? job?.wait()
        return (files, directories)
    }

    /// Whether the output holds a file at `path` (waits for the listing).
    func contains(_ path: String) -> Bool {
        if let known { return known(path) }
        _ = try? job?.wait()
        return files.contains(path)
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

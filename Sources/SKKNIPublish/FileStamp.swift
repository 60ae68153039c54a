import Foundation

/// What identifies a file's content on disk without reading it: size, modification and change
/// times and inode (what make and ninja trust). The import cache and a watching build compare them.
public struct FileStamp: Equatable, Sendable {
    public var size: Int
    public var modified: Int
    public var changed: Int
    public var inode: Int

    /// The stamp of the file at `path`; nil when there is none.
    public init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        size = Int(status.st_size)
        modified = Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec)
        changed = Int(status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(status.st_ctim.tv_nsec)
        inode = Int(status.st_ino)
    }

    public init(size: Int, modified: Int, changed: Int, inode: Int) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }
}

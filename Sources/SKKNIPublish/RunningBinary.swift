import Foundation

/// The executable running now, by size, modification time and inode: what a build keeps for
/// reuse (the import cache, page fingerprints, the search index) is reused only by the same
/// binary, so a new `skkni` never serves output that older code computed.
public enum RunningBinary {
    public static let stamp: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments[0], &status) == 0 else {
            return "unknown"
        }
        return "\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)-\(status.st_ino)"
    }()
}

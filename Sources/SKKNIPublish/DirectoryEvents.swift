import CSKKNISystem
import Foundation

/// The names of a directory's entries that something happened to, from the kernel (inotify),
/// so a watching build need not look at 20,000 files several times a second. nil from `init`
/// where the system cannot watch; nil from `names` when events were lost.
public final class DirectoryEvents {
    private let descriptor: Int32

    public init?(_ path: String) {
        descriptor = skkni_watch_directory(path)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Entry names with events since the last call (empty: nothing happened); nil when the
    /// kernel dropped events or the directory itself went away: then look at everything.
    public func names() -> Set<String>? {
        var names = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK ? names : nil
            }
            if count == 0 { return names }
            var lost = false
            buffer.withUnsafeBytes { raw in
                // struct inotify_event: int wd; uint32 mask, cookie, len; char name[len].
                var offset = 0
                while offset + 16 <= count {
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    // IN_Q_OVERFLOW, IN_DELETE_SELF, IN_MOVE_SELF, IN_IGNORED
                    if mask & (0x4000 | 0x400 | 0x800 | 0x8000) != 0 { lost = true }
                    let name = raw[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    if !name.isEmpty { names.insert(String(decoding: name, as: UTF8.self)) }
                    offset += 16 + length
                }
            }
            if lost { return nil }
        }
    }
}

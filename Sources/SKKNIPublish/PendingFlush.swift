import Foundation

/// A whole new output tree is published without waiting for the disk: waiting for 121,000
/// freshly written pages (`syncfs`, 2.3 s at national scale, a seventh of the build) buys
/// nothing while the machine stays up, because until then every reader sees the page cache.
/// What it would buy is a trustworthy output after a power cut, so instead a marker naming
/// the current boot is made durable next to the output before the tree is put in place.
/// A later build in the same boot trusts the output as before (and flushes it in the
/// background, then drops the marker); a build after a reboot finds a marker from another
/// boot, ignores the page manifest and compares every page with what the disk really holds.
/// Systems without a boot identifier flush before publishing, as before.
public enum PendingFlush {
    public enum State: Equatable, Sendable {
        /// No marker: the output on disk is the output the manifest describes.
        case none
        /// Written in this boot and maybe not yet on disk: trustworthy, as long as the machine is up.
        case thisBoot
        /// Written before a reboot that may have come before the disk had it: not trustworthy.
        case otherBoot
    }

    private static let header = "skkni-belum-sinkron 1\n"

    /// The marker next to `output` (like its journal): `.<name>.unsynced`.
    static func markerURL(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).unsynced")
    }

    /// The kernel's identifier of the current boot (Linux), nil elsewhere.
    public static let bootIdentifier: String? = {
        guard let data = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }()

    public static func state(of output: URL, boot: String? = bootIdentifier) -> State {
        guard let data = FileManager.default.contents(atPath: markerURL(of: output).path) else { return .none }
        let text = String(decoding: data, as: UTF8.self)
        guard let boot, text.hasPrefix(header), text.dropFirst(header.count) == boot + "\n" else { return .otherBoot }
        return .thisBoot
    }

    /// Makes the marker durable before a tree that is not yet on disk is published at `output`.
    /// False where there is no boot identifier: the caller must flush the tree itself.
    static func mark(_ output: URL, boot: String? = bootIdentifier) throws -> Bool {
        guard let boot else { return false }
        try StagingDirectory.writeDurably(Data((header + boot + "\n").utf8), to: markerURL(of: output).path)
        return true
    }

    /// Drops the marker once the output is known to be on disk.
    static func clear(_ output: URL) {
        guard unlink(markerURL(of: output).path) == 0 else { return }
        let folder = output.deletingLastPathComponent().path
        StagingDirectory.flush([folder], fileSystemOf: folder)
    }

    /// With a marker from this boot, flushes the file system and drops the marker: for a
    /// caller that publishes updates of its own output (`build --watch`) and settles it
    /// between full builds. Do not call while a whole tree is being published at `output`.
    public static func settleNow(_ output: URL) {
        guard state(of: output) == .thisBoot else { return }
        flushAndClear(output)
    }

    /// With a marker from this boot: flushes the file system on a thread of its own, then
    /// drops the marker (the output is then on disk). Wait for the job before marking again.
    static func settle(_ output: URL, state: State) -> BackgroundJob? {
        guard state == .thisBoot else { return nil }
        return BackgroundJob { flushAndClear(output) }
    }

    private static func flushAndClear(_ output: URL) {
        StagingDirectory.flush(fileSystemOf: output.path)
        clear(output)
    }
}

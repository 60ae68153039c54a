import Foundation
import Testing

@testable import SKKNIPublish

/// The marker that lets a new output tree be published before the disk has it: whatever the
/// marker holds, only the current boot's own stamp makes the output trusted.
@Suite struct PendingFlushTests {
    @Test func onlyAMarkerOfThisBootIsTrusted() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-flush-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appendingPathComponent("_site")
        let marker = parent.appendingPathComponent("._site.unsynced")
        #expect(PendingFlush.state(of: output) == .none)

        let boot = try #require(PendingFlush.bootIdentifier)
        #expect(try PendingFlush.mark(output))
        #expect(PendingFlush.state(of: output) == .thisBoot)
        #expect(PendingFlush.state(of: output, boot: "another-boot") == .otherBoot)
        #expect(PendingFlush.state(of: output, boot: nil) == .otherBoot)

        // A marker cut short, emptied or from an unknown version is not this boot's.
        for text in [
            "", "skkni-belum-sinkron 1\n", "skkni-belum-sinkron 1\n" + boot, "skkni-belum-sinkron 2\n\(boot)\n",
        ] {
            try Data(text.utf8).write(to: marker)
            #expect(PendingFlush.state(of: output) == .otherBoot, "\(text.debugDescription)")
        }

        try #require(try PendingFlush.mark(output))
        PendingFlush.settleNow(output)
        #expect(PendingFlush.state(of: output) == .none)
        #expect(!FileManager.default.fileExists(atPath: marker.path + ".new"))
    }
}

import Foundation
import Testing

@testable import SKKNIPublish

enum PublishFixture {
    static func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skkni-publish-\(UUID().uuidString)")
    }

    /// The regular files below `dir`, relative and sorted.
    static func files(in dir: URL) -> [String] {
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: dir.path)) ?? []
        return all.filter {
            (try? dir.appendingPathComponent($0).resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
        }.sorted()
    }
}

/// Publishing an output directory: a failed build, the journal, and both ways of moving a
/// finished tree in.
@Suite struct OutputDirectoryTests {
    @Test func aFailedBuildLeavesThePreviousOutput() throws {
        let dir = PublishFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        try OutputDirectory.replace(dir, with: [("index.html", Data("lama".utf8))])
        #expect(throws: (any Error).self) {
            try OutputDirectory.replace(dir, with: [("a.html", Data()), ("../keluar.html", Data())])
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8) == "lama")
        #expect(
            !FileManager.default.fileExists(
                atPath: dir.deletingLastPathComponent().appendingPathComponent("keluar.html").path))
    }

    /// The journal that publishes a build: what it says survives writing and reading, and a
    /// journal cut short or pointing outside the output is refused rather than applied.
    @Test func aJournalIsReadBackExactlyAndRefusedWhenCutShort() throws {
        let journal = Journal(
            staging: "._site.new-42", moves: ["index.html", "unit/N.78SPS02.023.html", "skkni.sqlite"],
            deletions: ["skema/lama.html", "aneh\\nama\nbaris.html", "kosong/"])
        let data = journal.encoded
        #expect(Journal(data) == journal)
        for cut in 1..<data.count { #expect(Journal(data.prefix(cut)) == nil, "cut at \(cut)") }
        for escape in ["../keluar.html", "/etc/passwd", "a//b", "skema/./x"] {
            let bad = Journal(staging: "._site.new-1", moves: [escape], deletions: [])
            #expect(Journal(bad.encoded) == nil, "\(escape)")
        }
        #expect(Journal(Journal(staging: "../x", moves: [], deletions: []).encoded) == nil)
    }

    /// Moving changed files into the output and swapping whole trees give the same output;
    /// either way an unchanged file keeps its inode and a file no longer produced is gone.
    @Test(arguments: [Int.max, 0]) func bothWaysOfPublishingGiveTheSameOutput(swapAbove: Int) throws {
        let dir = PublishFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first: [(String, Data)] = [
            ("index.html", Data("tetap".utf8)), ("unit/a.html", Data("lama".utf8)), ("skema/x.html", Data("x".utf8)),
        ]
        try OutputDirectory.replace(dir, with: first)
        func inode(_ path: String) -> UInt64 {
            var status = stat()
            return lstat(dir.appendingPathComponent(path).path, &status) == 0 ? UInt64(status.st_ino) : 0
        }
        let kept = inode("index.html")
        try OutputDirectory.replace(dir, swapAbove: swapAbove) { staging in
            try staging.write("index.html", Data("tetap".utf8))
            try staging.write("unit/a.html", Data("baru".utf8))
            try staging.write("unit/b.html", Data("b".utf8))
        }
        #expect(PublishFixture.files(in: dir) == ["index.html", "unit/a.html", "unit/b.html"])
        #expect(try String(contentsOf: dir.appendingPathComponent("unit/a.html"), encoding: .utf8) == "baru")
        #expect(inode("index.html") == kept)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("skema").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(dir.lastPathComponent).") && !$0.hasSuffix(".unsynced") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // A swapped-in tree is not waited for (marked until flushed); moved files are flushed,
        // and the first build's tree was flushed meanwhile.
        #expect(PendingFlush.state(of: dir) == (swapAbove == 0 ? .thisBoot : .none))
    }

    /// A file written in pieces is whole in the output; one whose pieces equal the previous
    /// output's file byte for byte is kept (same inode), whatever the cut between pieces; one
    /// that differs only at its end, or is longer or shorter, is replaced.
    @Test func aFileWrittenInPiecesIsKeptOnlyWhenEveryByteIsTheSame() throws {
        let dir = PublishFixture.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = (1...5000).map { "\"N.78SPS02.\($0).1\",\"Judul unit \($0)\"\r\n" }.joined()
        let whole = Array(rows.utf8)
        func pieces(_ bytes: [UInt8], cut: Int) -> [[UInt8]] {
            stride(from: 0, to: bytes.count, by: cut).map { Array(bytes[$0..<min($0 + cut, bytes.count)]) }
        }
        try OutputDirectory.replace(dir) { staging in
            try staging.write("unduh/units.csv") { emit in for piece in pieces(whole, cut: 4096) { try emit(piece) } }
            try staging.write("index.html", Data("a".utf8))
        }
        #expect(FileManager.default.contents(atPath: dir.path + "/unduh/units.csv") == Data(whole))
        func inode() -> UInt64 {
            var status = stat()
            return lstat(dir.path + "/unduh/units.csv", &status) == 0 ? UInt64(status.st_ino) : 0
        }
        let first = inode()
        var unchanged = 0
        try OutputDirectory.replace(dir) { staging in
            try staging.write("unduh/units.csv") { emit in for piece in pieces(whole, cut: 1000) { try emit(piece) } }
            try staging.write("index.html", Data("a".utf8))
            unchanged = staging.unchanged
        }
        #expect(unchanged == 2)
        #expect(inode() == first)
        var lastByte = whole
        lastByte[lastByte.count - 1] = UInt8(ascii: " ")
        for changed in [lastByte, whole + [0x0A], Array(whole.dropLast())] {
            try OutputDirectory.replace(dir) { staging in
                try staging.write("unduh/units.csv") { emit in
                    for piece in pieces(changed, cut: 777) { try emit(piece) }
                }
                try staging.write("index.html", Data("a".utf8))
                unchanged = staging.unchanged
            }
            #expect(unchanged == 1)
            #expect(FileManager.default.contents(atPath: dir.path + "/unduh/units.csv") == Data(changed))
        }
    }
}

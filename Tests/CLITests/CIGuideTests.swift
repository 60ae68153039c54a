import Foundation
import Testing

/// What docs/ci.md shows, run for real: the pre-commit hook in a git repository, the commands
/// the workflows run, and every command from another folder with `--catalog`.
@Suite(.serialized) struct CIGuideTests {
    /// The committed catalogue and site (not whatever else the working tree holds), in a new
    /// git repository with one commit.
    struct Repository {
        let root: URL

        init() throws {
            root = try CLI.temporaryDirectory()
            let archive = root.appendingPathComponent("head.tar")
            let archived = try Self.git(["archive", "-o", archive.path, "HEAD", "catalog", "site"], in: CLI.root)
            try #require(archived.status == 0, "\(archived.stderr)")
            try #require(try CLI.run(["/usr/bin/env", "tar", "-xf", archive.path], in: root, tool: true).status == 0)
            try FileManager.default.removeItem(at: archive)
            // The hook as it is in this working tree.
            let scripts = root.appendingPathComponent("scripts")
            try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: CLI.root.appendingPathComponent("scripts/pre-commit"),
                to: scripts.appendingPathComponent("pre-commit"))
            try Self.git(["init", "-q"], in: root)
            try Self.git(["add", "-A"], in: root)
            try Self.git(["commit", "-q", "-m", "katalog"], in: root)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        @discardableResult
        static func git(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
            -> CLI.Output
        {
            let identity = [
                "GIT_AUTHOR_NAME": "Panitia", "GIT_AUTHOR_EMAIL": "panitia@example.org",
                "GIT_COMMITTER_NAME": "Panitia", "GIT_COMMITTER_EMAIL": "panitia@example.org",
            ]
            let result = try CLI.run(
                ["/usr/bin/env", "git"] + arguments, in: directory,
                environment: identity.merging(environment) { $1 }, tool: true)
            return result
        }
    }

    static let brokenScheme = """
        SKEMA SERTIFIKASI OKUPASI PENYELENGGARA PELATIHAN
        5.1. Jenis Kemasan : Okupasi
        NO\tKODE UNIT\tJUDUL UNIT
        1\tM.74SPS3.104.1\tMenangani Keluhan
        """

    @Test func thePreCommitHookRefusesACommitWithABrokenScheme() throws {
        let repo = try Repository()
        defer { repo.remove() }
        let hooks = repo.root.appendingPathComponent(".git/hooks")
        try FileManager.default.createSymbolicLink(
            atPath: hooks.appendingPathComponent("pre-commit").path, withDestinationPath: "../../scripts/pre-commit")
        let environment = ["SKKNI": CLI.binary.path]
        // A commit that does not touch the catalogue is not checked.
        try "catatan\n".write(to: repo.root.appendingPathComponent("CATATAN.md"), atomically: true, encoding: .utf8)
        try Repository.git(["add", "CATATAN.md"], in: repo.root)
        #expect(
            try Repository.git(["commit", "-q", "-m", "catatan"], in: repo.root, environment: environment).status == 0)

        let scheme = repo.root.appendingPathComponent("catalog/sources/skema-okupasi-penyelenggara.txt")
        try Self.brokenScheme.write(to: scheme, atomically: true, encoding: .utf8)
        try Repository.git(["add", "catalog"], in: repo.root)
        let refused = try Repository.git(["commit", "-m", "skema baru"], in: repo.root, environment: environment)
        #expect(refused.status != 0)
        // git shows a hook's output on its standard error.
        #expect(
            refused.stderr.contains(
                "catalog/sources/skema-okupasi-penyelenggara.txt:4: error: [SKK104] kode unit M.74SPS3.104.1"),
            "\(refused.stdout)\n\(refused.stderr)")
        #expect(refused.stderr.contains("mungkin maksudnya M.74SPS03.104.1"))
        #expect(refused.stderr.contains("commit dibatalkan"))
        #expect(try Repository.git(["rev-list", "--count", "HEAD"], in: repo.root).stdout == "2\n")

        // Fixed in the working tree but not staged: still refused, the index is what is checked.
        try Self.brokenScheme.replacingOccurrences(of: "M.74SPS3.", with: "M.74SPS03.").write(
            to: scheme, atomically: true, encoding: .utf8)
        #expect(
            try Repository.git(["commit", "-q", "-m", "skema baru"], in: repo.root, environment: environment).status
                != 0)
        try Repository.git(["add", "catalog"], in: repo.root)
        let accepted = try Repository.git(
            ["commit", "-q", "-m", "skema baru"], in: repo.root, environment: environment)
        #expect(accepted.status == 0, "\(accepted.stdout)\n\(accepted.stderr)")
    }

    @Test func everyCommandWorksFromAnotherFolderWithCatalog() throws {
        let repo = try Repository()
        defer { repo.remove() }
        let elsewhere = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let catalog = repo.root.appendingPathComponent("catalog").path

        let home = try CLI.run(["check", "--format", "json"], in: repo.root)
        let away = try CLI.run(["check", "--format", "json", "--catalog", catalog], in: elsewhere)
        #expect(home.status == 0 && away.status == 0, "\(away.stderr)")
        #expect(home.stdout == away.stdout)  // the same paths, the baseline applies: nothing stale
        let sarif = try CLI.run(["check", "--format", "sarif", "--catalog", catalog], in: elsewhere)
        #expect(
            sarif.stdout.contains("\"uri\" : \"catalog/sources/kepmen-3-2021-kkni-pelatihan-kerja-sertifikasi.txt\""))

        let draft = elsewhere.appendingPathComponent("draf.txt")
        try Self.brokenScheme.write(to: draft, atomically: true, encoding: .utf8)
        let report = try CLI.run(["report", "--catalog", catalog, "draf.txt"], in: elsewhere)
        #expect(report.status == 1, "\(report.stderr)")
        let html = try String(contentsOf: elsewhere.appendingPathComponent("draf.html"), encoding: .utf8)
        #expect(html.contains("Tulis M.74SPS03.104.1"))
        let planned = try CLI.run(["plan", "--catalog", catalog, "I"], in: elsewhere)
        #expect(planned.status == 0, "\(planned.stderr)")
        let output = elsewhere.appendingPathComponent("situs")
        let build = try CLI.run(["build", "--catalog", catalog, "--output", output.path], in: elsewhere)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func aDraftOutsideTheRepositoryIsAFileURIInSARIF() throws {
        let elsewhere = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let draft = elsewhere.appendingPathComponent("draf.txt")
        try Self.brokenScheme.write(to: draft, atomically: true, encoding: .utf8)
        let sarif = try CLI.run(["check", "--format", "sarif", draft.path])
        #expect(sarif.stdout.contains("\"uri\" : \"file://\(draft.path)\""))
        // The same draft given three ways inside the repository: the same findings.
        let inside = CLI.root.appendingPathComponent(".build/draf-\(UUID().uuidString).txt")
        try Self.brokenScheme.write(to: inside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: inside) }
        let name = inside.lastPathComponent
        let outputs = try [inside.path, ".build/\(name)", "./.build/../.build/\(name)"].map { path in
            let json = try CLI.run(["check", "--format", "json", path]).stdout
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            return items.filter { $0["file"] as? String == ".build/\(name)" }.map { "\($0["line"]!) \($0["message"]!)" }
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs.allSatisfy { $0 == outputs[0] })
    }

    @Test func aWord97DocumentIsToldToBeSavedAsDocx() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 504) + Array("SKEMA".utf8)
        for name in ["draf.doc", "draf.txt"] {
            let file = dir.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            let result = try CLI.run(["check", file.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("Word 97-2003 (.doc)") && result.stderr.contains("simpan sebagai .docx"))
            #expect(!result.stderr.contains("UTF-8"))
        }
    }
}

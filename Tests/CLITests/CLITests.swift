import Foundation
import SKKNICheck
import Testing

/// Runs the built `skkni` binary as a user would, from the project root.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        var dir = Bundle.main.bundleURL
        // The test bundle sits next to the executable in the build folder.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("skkni")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/skkni")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `skkni ARGUMENTS`, or with `tool`, the program named by the first argument.
    static func run(
        _ arguments: [String], in directory: URL = root, environment extra: [String: String] = [:], tool: Bool = false
    ) throws -> Output {
        let process = Process()
        process.executableURL = tool ? URL(fileURLWithPath: arguments[0]) : binary
        process.arguments = tool ? Array(arguments.dropFirst()) : arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a system tool (mount, umount) and returns its exit status.
    static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skkni-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

@Suite(.serialized) struct CLITests {
    @Test func checkFailsWithoutTheBaselineAndPassesWithIt() throws {
        let without = try CLI.run(["check", "--no-baseline"])
        #expect(without.status == 1)
        #expect(without.stdout.contains("catalog/sources/skema-klaster-pengelolaan-produksi.txt:80: error: [SKK104]"))
        #expect(without.stdout.contains("     80 | 3 C.290MM01.014.1 Membuat Prosedur Proses Produksi"))
        let with = try CLI.run(["check"])
        #expect(with.status == 0, "\(with.stdout)")
        #expect(with.stdout.contains("0 galat, 0 peringatan, 0 catatan"))
    }

    @Test func aDraftWithANewErrorFails() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = dir.appendingPathComponent("draf.txt")
        try """
        SKEMA SERTIFIKASI KLASTER PELATIHAN TATAP MUKA
        5.1. Jenis Kemasan : Klaster
        5.2. Nama Skema : Pelatihan Tatap Muka
        NO\tKODE UNIT\tJUDUL UNIT
        1\tN.78SPS02.028.2\tMelaksanakan Pelatihan Tatap Muka (Face To Face)
        2\tN.78SPS02.028.2\tMelaksanakan Pelatihan Tatap Muka (Face To Face)
        """.write(to: draft, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", draft.path, "--format", "json"])
        #expect(result.status == 1)
        let items = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let mine = items.filter { $0["file"] as? String == draft.path }
        #expect(Set(mine.compactMap { $0["name"] as? String }) == ["duplicate-unit", "scheme-prerequisite-missing"])
        #expect(mine.allSatisfy { $0["suppressed"] as? Bool == false })
        #expect(items.filter { $0["file"] as? String != draft.path }.allSatisfy { $0["suppressed"] as? Bool == true })
    }

    @Test func benchmarkTimesEveryRule() throws {
        let result = try CLI.run(["check", "--benchmark"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("impor: ") == true)
        #expect(lines.contains { $0.hasPrefix("  indeks: ") && $0.hasSuffix(" ms") })
        // One line per checker rule.
        for id in RuleRegistry.descriptions.map(\.identifier) {
            #expect(lines.contains { $0.hasPrefix("  \(id): ") }, "\(id)")
        }
        #expect(result.stdout.contains("0 galat"))
    }

    @Test func usageErrorsAndUnreadableInputExitTwo() throws {
        #expect(try CLI.run(["check", "--format", "xml"]).status == 2)
        let missing = try CLI.run(["check", "/tidak/ada.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/tidak/ada.txt"))
    }

    @Test func importRejectsAFileThatIsNotADocument() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appendingPathComponent("catalog")
        try FileManager.default.createDirectory(
            at: catalog.appendingPathComponent("sources"), withIntermediateDirectories: true)
        let note = dir.appendingPathComponent("belanja.txt")
        try "Daftar belanja\n- beras\n".write(to: note, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "--catalog", catalog.path, note.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(note.path):1: galat: bukan dokumen yang dikenali"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: catalog.appendingPathComponent("sources").path).isEmpty)
    }

    /// A scheme whose table header lacks its code column is refused: the message names the
    /// kind it came closest to and the line that looked like a header; with `--format json`
    /// the refusal is a JSON object on stdout; the catalogue is left as it was and nothing
    /// else is said (no re-import, no summary).
    @Test func aRefusedImportSaysWhyAtTheNearestLineAndChangesNothing() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let draft = project.root.appendingPathComponent("skema-tanpa-kode.txt")
        try "SKEMA SERTIFIKASI KLASTER CONTOH\n\nNo.   Judul Unit\n1   Menyusun Program Pelatihan\n"
            .write(to: draft, atomically: true, encoding: .utf8)
        let before = ScratchProject.snapshot(project.catalog).filter { !$0.key.hasPrefix(".cache/") }
        let text = try CLI.run(["import", "--catalog", "catalog", "skema-tanpa-kode.txt"], in: project.root)
        #expect(text.status == 1)
        #expect(
            text.stderr.contains(
                "skema-tanpa-kode.txt:3: galat: bukan dokumen yang dikenali: paling mirip skema sertifikasi"))
        #expect(text.stderr.contains("kolomnya tidak lengkap"))
        #expect(text.stderr.split(separator: "\n").count == 1, "\(text.stderr)")
        #expect(text.stdout.isEmpty)
        let json = try CLI.run(
            ["import", "--catalog", "catalog", "--format", "json", "skema-tanpa-kode.txt"], in: project.root)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let refused = try #require(object?["refused"] as? [[String: Any]])
        #expect(refused.count == 1)
        #expect(refused.first?["file"] as? String == "skema-tanpa-kode.txt")
        #expect(refused.first?["line"] as? Int == 3)
        #expect((refused.first?["message"] as? String)?.contains("kepala tabel") == true)
        #expect(ScratchProject.snapshot(project.catalog).filter { !$0.key.hasPrefix(".cache/") } == before)
    }

    @Test func importOfTheCommittedSourcesChangesNothing() throws {
        let result = try CLI.run(["import", "--check"])
        #expect(result.status == 0, "\(result.stdout)")
        // The seeds, the Permendag draft, twelve LSP schemes and five SKKNI decrees.
        #expect(
            result.stdout.contains(
                "2 keputusan, 25 kualifikasi, 16 skema, 641 baris unit; 5 keputusan SKKNI (109 uraian unit)"))
    }

    @Test func buildWritesTheDatabase() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["build", "--output", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("skkni.sqlite").path))
        // An accepted finding shows why it was accepted, as the baseline says.
        let findings = try String(contentsOf: dir.appendingPathComponent("temuan.html"), encoding: .utf8)
        #expect(
            findings.contains(
                "Alasan diterima: Kesalahan dalam teks resmi lampiran SKKNI KEPMEN 56/2018; tidak dapat diperbaiki di katalog"
            ))
    }

    @Test func sarifAndGithubFormats() throws {
        let sarif = try CLI.run(["check", "--no-baseline", "--format", "sarif"])
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        let github = try CLI.run(["check", "--no-baseline", "--format", "github"])
        #expect(
            github.stdout.contains(
                "::error file=catalog/sources/skema-klaster-pengelolaan-produksi.txt,line=80,title=[SKK104] malformed-code::"
            ))
    }
}

@Suite struct PlanCommandTests {
    @Test func planExitsOneForCWithTheReasonAndWritesACheckableDraftForI() throws {
        let c = try CLI.run(["plan", "C"])
        #expect(c.status == 1)
        #expect(c.stdout.contains("TIDAK ADA KEMASAN YANG SAH:"))
        #expect(c.stdout.contains("N.78SPS02.023.1 (inti, baris 353) mensyaratkan N.78SPS02.084.2"))

        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = dir.appendingPathComponent("asesor-4.txt")
        let i = try CLI.run(["plan", "N78SPS01", "--level", "4", "--group", "Asesor", "--write", draft.path])
        #expect(i.status == 0, "\(i.stdout)\(i.stderr)")
        #expect(i.stdout.contains("Kualifikasi I: jenjang 4 Asesor"))
        let check = try CLI.run(["check", draft.path])
        #expect(check.status == 0, "\(check.stdout)")

        let ambiguous = try CLI.run(["plan", "N78SPS01"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("cocok dengan 10 kualifikasi"))
    }
}

@Suite struct DiffCommandTests {
    @Test func diffSaysWhatAChangeMeansAndBuildShowsItAsAPage() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        func git(_ arguments: String...) throws {
            let status = try CLI.runTool(
                "/usr/bin/git",
                ["-C", project.root.path, "-c", "user.email=ci@example.org", "-c", "user.name=ci"] + arguments)
            try #require(status == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-qm", "dasar")
        let supervisor = project.catalog.appendingPathComponent(
            "sources/skema-okupasi-supervisor-sales-technical-support.txt")
        var text = try String(contentsOf: supervisor, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "2\tC.28LOG09.002.2\tMembaca Gambar Teknik\n", with: "2\tC.28LOG09.002.2\tMembaca Gambar Teknik Mesin\n"
        )
        text = text.replacingOccurrences(of: "3\tC.28LOG10.005.2\t", with: "3\tC.28LOG10.005.1\t")
        try text.write(to: supervisor, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(
            at: project.catalog.appendingPathComponent("sources/skema-klaster-pengelolaan-data-pelanggan.txt"))

        let diff = try CLI.run(["diff", "HEAD", "--catalog", "catalog"], in: project.root)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(
            diff.stdout.contains("Dokumen dihapus (1):\n  catalog/sources/skema-klaster-pengelolaan-data-pelanggan.txt")
        )
        #expect(diff.stdout.contains("Unit dihapus (2):\n  - M.702093.007.01"))
        #expect(diff.stdout.contains("Versi berubah (1):\n  ~ C.28LOG10.005: C.28LOG10.005.2 -> C.28LOG10.005.1"))
        #expect(
            diff.stdout.contains(
                "Judul berubah (1):\n  ~ C.28LOG09.002.2: \"Membaca Gambar Teknik\" -> \"Membaca Gambar Teknik Mesin\"")
        )
        #expect(diff.stdout.contains("Temuan baru (2):"))
        #expect(diff.stdout.contains("Temuan selesai (4):"))

        let bad = try CLI.run(["diff", "tiada", "--catalog", "catalog"], in: project.root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("tiada"))

        let build = try CLI.run(project.buildArguments + ["--since", "HEAD"], in: project.root)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: project.output.appendingPathComponent("perubahan.html"), encoding: .utf8)
        #expect(page.contains("<td>C.28LOG10.005.2</td><td>C.28LOG10.005.1</td>"))
        #expect(page.contains("<h2>Temuan selesai (4)</h2>"))
    }
}

@Suite struct ReportCommandTests {
    @Test func theReportShowsUnitsFindingsWithFixesAndThePackagingDifference() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = dir.appendingPathComponent("asesor.txt")
        #expect(try CLI.run(["plan", "I", "--write", draft.path]).status == 0)
        // The committee mistypes the pilihan unit: O for 0.
        var text = try String(contentsOf: draft, encoding: .utf8)
        text = text.replacingOccurrences(of: "3\tM.74SPS03.", with: "3\tM.74SPS03.O").replacingOccurrences(
            of: "M.74SPS03.O0", with: "M.74SPS03.O")
        try text.write(to: draft, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", draft.path])
        #expect(result.status == 1)
        let html = try String(contentsOf: dir.appendingPathComponent("asesor.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
        #expect(!html.contains("<link"))  // self-contained
        #expect(html.contains("<td>kode rusak</td>"))
        #expect(html.contains("[SKK104] malformed-code"))
        #expect(html.contains("Perbaikan: Tulis M.74SPS03."))
        #expect(!html.contains("skkni "))  // no command-line advice for a committee
        #expect(html.contains("Diperiksa terhadap: KEPMEN 3/2021"))
        #expect(html.contains("Dibandingkan dengan kemasan kualifikasi I (KEPMEN 3/2021, jenjang 4 Asesor)"))
        #expect(html.contains("<td>pilihan</td><td>tidak dipilih</td>"))
    }
}

/// `check` and `report` on the Word draft written by scripts/make-docx-fixtures.py.
@Suite struct WordDraftCommandTests {
    static let draft = "Tests/Fixtures/docx/draf-instruktur-jenjang-4-bergalat.docx"

    @Test func checkReadsAWordDraftAndPointsAtTableRows() throws {
        let result = try CLI.run(["check", WordDraftCommandTests.draft])
        #expect(result.status == 1)
        let mine = result.stdout.split(separator: "\n").filter { $0.hasPrefix(WordDraftCommandTests.draft) }
        #expect(
            mine.contains(
                "\(WordDraftCommandTests.draft):18: error: [SKK104] kode unit N.78SPS02.O22.2 tidak sesuai format kode unit SKKNI; mungkin maksudnya N.78SPS02.022.2 (huruf dan angka yang mirip tertukar), yang ada di katalog dengan judul yang sama"
            ))
        // Under each finding, the row as Word shows it, with where it is in the document.
        #expect(
            result.stdout.contains(
                "     18 | [tabel 1 baris 5] 3 N.78SPS02.O22.2 Merencanakan Evaluasi Hasil Pembelajaran"))
        #expect(mine.contains { $0.contains(":25: warning: [SKK402] unit N.78SPS02.099.1") })
        #expect(mine.contains { $0.contains(":26: error: [SKK101] N.78SPS02.010.2 tercantum dua kali") })
        #expect(result.stdout.contains("[tabel 1 baris 14] 11 N.78SPS02.010.2"))
        #expect(mine.contains { $0.contains("memuat 2 unit pilihan") && $0.contains("meminta 7") })
        // The row deleted with tracked changes is not in the draft.
        #expect(!result.stdout.contains("N.78SPS02.015.1"))
    }

    @Test func reportOnAWordDraft() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("laporan.html")
        let result = try CLI.run(["report", WordDraftCommandTests.draft, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("11 unit"))
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.contains("<td>tabel 1 baris 5</td><td>N.78SPS02.O22.2</td>"))
        #expect(html.contains("[SKK104] malformed-code, tabel 1 baris 5<br>"))
        // One fix, two findings: the corrected code is the missing inti unit.
        #expect(html.contains("Perbaikan: Tulis N.78SPS02.022.2 &quot;Merencanakan Evaluasi Hasil Pembelajaran&quot;"))
        #expect(html.contains("Perbaikan ini juga menyelesaikan:"))
        #expect(html.contains("<td>judul berbeda</td>"))
        #expect(!html.contains("paragraf 12"))
        #expect(html.contains("[SKK104] malformed-code"))
        #expect(html.contains("Dibandingkan dengan kemasan kualifikasi B (KEPMEN 3/2021, jenjang 4 Instruktur)"))
    }

    @Test func aTextFileNamedDocxIsOneClearLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("draf.docx")
        try "SKEMA SERTIFIKASI".write(to: fake, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", fake.path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(fake.path):1: galat: bukan berkas .docx (arsip ZIP Office Open XML)\n")
    }
}

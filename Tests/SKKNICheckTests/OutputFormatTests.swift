import Foundation
import SKKNICore
import Testing

@testable import SKKNICheck

@Suite struct OutputFormatTests {
    let findings = SeedCatalog.findings
    var formatter: DiagnosticFormatter {
        DiagnosticFormatter(sourceLine: { file, line in
            guard let text = try? String(contentsOf: SeedCatalog.root.appendingPathComponent(file), encoding: .utf8)
            else { return nil }
            let lines = text.components(separatedBy: "\n")
            return line >= 1 && line <= lines.count ? lines[line - 1] : nil
        })
    }

    @Test func textIsCompilerStyleWithTheSourceLine() {
        let text = formatter.text(findings)
        #expect(
            text.contains(
                "catalog/sources/kepmen-3-2021-kkni-pelatihan-kerja-sertifikasi.txt:353: error: [SKK201] N.78SPS02.023.1 (inti) mensyaratkan N.78SPS02.084.2"
            ))
        #expect(text.contains("    353 | 5. N.78SPS02.023.1 Mengembangkan Program Pelatihan Kerja N.78SPS02.084.2"))
        #expect(!text.contains("\u{1B}["))
        #expect(text.hasSuffix("6 galat, 92 peringatan, 26 catatan\n"))
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let data = Data(formatter.json(findings).utf8)
        let items = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        #expect(items.count == findings.count)
        for key in ["rule", "name", "severity", "message", "file", "line", "subject", "suppressed"] {
            #expect(items.allSatisfy { $0[key] != nil }, "\(key)")
        }
        let malformed = items.first { $0["name"] as? String == "malformed-code" }!
        #expect(malformed["rule"] as? String == "SKK104")
        #expect(malformed["line"] as? Int == 80)
        #expect(malformed["suppressed"] as? Bool == false)
    }

    @Test func sarifCarriesRulesAndResults() throws {
        let data = Data(formatter.format(findings, as: .sarif).utf8)
        let log = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(log["version"] as? String == "2.1.0")
        let run = (log["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        #expect(rules.contains { $0["id"] as? String == "SKK104" && $0["name"] as? String == "malformed-code" })
        let results = run["results"] as! [[String: Any]]
        #expect(results.count == findings.count)
        for result in results {
            let index = result["ruleIndex"] as! Int
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }

    @Test func githubAnnotationsEscapeProperties() {
        var d = findings[0]
        d.location.file = "a,b:c.txt"
        d.message = "baris 1\nbaris 2 100%"
        let line = formatter.github([d])
        #expect(line.hasPrefix("::warning file=a%2Cb%3Ac.txt,line="))
        #expect(line.hasSuffix("::baris 1%0Abaris 2 100%25\n"))
    }

    @Test func terminalOutputNeutralisesControlCharacters() {
        #expect(TextSanitizer.terminalSafe("a\u{1B}[31mb\u{7}") == "a\u{FFFD}[31mb\u{FFFD}")
    }
}

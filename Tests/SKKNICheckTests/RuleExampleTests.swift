import Foundation
import SKKNICore
import SKKNIImport
import Testing

@testable import SKKNICheck

/// Runs every rule's own examples through the importer and the checker: triggering examples
/// must be reported exactly at their `↓` lines, non-triggering ones not at all.
@Suite struct RuleExampleTests {
    static let marker: Character = "↓"

    struct Prepared {
        var catalog: Catalog
        var drafts: [Scheme]
        var marked: [SKKNICore.SourceLocation]
    }

    static func prepare(_ example: Example) throws -> Prepared {
        var decrees: [Decree] = []
        var schemes: [Scheme] = []
        var drafts: [Scheme] = []
        var standards: [StandardDecree] = []
        var marked: [SKKNICore.SourceLocation] = []
        for (i, document) in example.documents.enumerated() {
            let path = "contoh-\(i).txt"
            var lines: [String] = []
            for (n, line) in document.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.first == marker {
                    marked.append(SKKNICore.SourceLocation(file: path, line: n + 1))
                    lines.append(String(line.dropFirst()))
                } else {
                    lines.append(String(line))
                }
            }
            let (imported, _) = try Importer.importDocument(
                DocumentText(path: path, text: lines.joined(separator: "\n")))
            switch imported {
            case .decree(let d): decrees.append(d)
            case .scheme(let s): if document.isDraft { drafts.append(s) } else { schemes.append(s) }
            case .standard(let s): standards.append(s)
            }
        }
        return Prepared(
            catalog: Catalog(decrees: decrees, schemes: schemes, standards: standards), drafts: drafts, marked: marked)
    }

    static var arguments: [String] { RuleRegistry.descriptions.map(\.identifier) }

    @Test(arguments: arguments)
    func examples(_ identifier: String) throws {
        let rule = RuleRegistry.rule(named: identifier)!
        let d = rule.description
        #expect(
            !d.triggeringExamples.isEmpty && !d.nonTriggeringExamples.isEmpty,
            "\(identifier) needs both kinds of example")
        #expect(d.identifier.hasPrefix("SKK") && d.identifier.count == 6)
        for example in d.triggeringExamples {
            let prepared = try Self.prepare(example)
            let found = Checker.run(catalog: prepared.catalog, drafts: prepared.drafts, rules: [rule])
            let at = Set(found.map(\.location))
            let source = SKKNICore.SourceLocation(file: example.file, line: Int(example.line))
            #expect(!found.isEmpty, "\(identifier): triggering example at \(source) found nothing")
            #expect(!prepared.marked.isEmpty, "\(identifier): example at \(source) has no ↓ marker")
            #expect(at == Set(prepared.marked), "\(identifier): example at \(source) reported at \(at.sorted())")
            #expect(found.allSatisfy { $0.rule == identifier && $0.name == d.name })
        }
        for example in d.nonTriggeringExamples {
            let prepared = try Self.prepare(example)
            let found = Checker.run(catalog: prepared.catalog, drafts: prepared.drafts, rules: [rule])
            #expect(
                found.isEmpty,
                "\(identifier): non-triggering example at \(example.file):\(example.line) found \(found.map(\.message))"
            )
        }
    }

    @Test func identifiersAndNamesAreUnique() {
        let descriptions = RuleRegistry.descriptions
        #expect(Set(descriptions.map(\.identifier)).count == descriptions.count)
        #expect(Set(descriptions.map(\.name)).count == descriptions.count)
    }

    /// Every rule file (`Rules/<Kind>/<Name>Rule.swift`) declares a rule the registry lists:
    /// a rule added without registering it fails here, whatever its name.
    @Test func everyRuleFileIsRegistered() throws {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SKKNICheck/Rules")
        let files = try #require(FileManager.default.enumerator(atPath: rules.path)?.allObjects as? [String])
        let declared = files.map { ($0 as NSString).lastPathComponent }.filter { $0.hasSuffix("Rule.swift") }
            .map { String($0.dropLast(".swift".count)) }
        let registered = RuleRegistry.rules.map { String(describing: $0) }
        #expect(declared.count > 20)
        #expect(Set(declared) == Set(registered))
        #expect(registered.count == Set(registered).count)
    }

    @Test func ruleDocumentationComesFromTheDeclarations() {
        let doc = RuleDocumentation.markdown()
        for rule in RuleRegistry.rules {
            let d = rule.description
            #expect(
                doc.contains(
                    "## \(d.identifier) `\(d.name)`\n\nTingkat bawaan: \(d.severity.rawValue)\n\nBergantung pada: \(rule.scope.label)"
                ))
            #expect(doc.contains(d.summary))
        }
    }
}

import ArgumentParser
import SKKNICheck

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Menampilkan daftar aturan pemeriksa (dari deklarasi setiap aturan).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(name: .long, help: "text atau markdown.") var format: Format = .text

    func run() {
        switch format {
        case .text:
            for r in RuleRegistry.allRules {
                let name = r.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                let severity = r.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                print("\(r.identifier)  \(name) \(severity) \(r.summary)")
            }
        case .markdown:
            print(RuleDocumentation.markdown())
        }
    }
}

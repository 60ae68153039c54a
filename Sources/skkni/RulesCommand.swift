import ArgumentParser
import SKKNICheck
import SKKNICore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Menampilkan daftar aturan pemeriksa (dari deklarasi setiap aturan).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(name: .long, help: "text atau markdown.") var format: Format = .text

    func run() {
        switch format {
        case .text:
            for d in RuleRegistry.descriptions {
                print(
                    "\(d.identifier)  \(d.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(d.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(d.summary)"
                )
            }
            for issue in ImportIssue.all {
                print(
                    "\(issue.identifier)  \(issue.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(issue.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(issue.summary)"
                )
            }
        case .markdown:
            print(RuleDocumentation.markdown())
        }
    }
}

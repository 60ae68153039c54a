import ArgumentParser
import Foundation

@main
struct SKKNICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skkni",
        abstract: "Katalog dan pemeriksa kepatuhan SKKNI, jenjang KKNI dan skema sertifikasi LSP/BNSP.",
        subcommands: [
            BuildCommand.self, ImportCommand.self, CheckCommand.self, PlanCommand.self, ReportCommand.self,
            DiffCommand.self,
            RulesCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)

    /// Usage errors exit 2 (ArgumentParser's own default is 64), as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.unreadable)
            }
            exit(withError: error)
        }
    }
}

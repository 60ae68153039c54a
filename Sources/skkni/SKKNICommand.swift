import ArgumentParser
import Foundation
import SKKNIPipeline

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

    /// Usage errors exit 2 (ArgumentParser's own default is 64), as documented; so does input
    /// the pipeline cannot read, after its reasons.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let unreadable as Unreadable {
            for message in unreadable.messages { printError(message) }
            Foundation.exit(ExitStatus.unreadable)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.unreadable)
            }
            exit(withError: error)
        }
    }
}

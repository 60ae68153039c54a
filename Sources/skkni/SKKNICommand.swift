import ArgumentParser

@main
struct SKKNICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skkni",
        abstract: "Katalog dan pemeriksa kepatuhan SKKNI, jenjang KKNI dan skema sertifikasi LSP/BNSP.",
        subcommands: [BuildCommand.self, ImportCommand.self, CheckCommand.self, RulesCommand.self],
        defaultSubcommand: BuildCommand.self)
}

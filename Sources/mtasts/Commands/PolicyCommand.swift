import ArgumentParser

/// `mtasts policy …`: author policies.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Author MTA-STS policies and records.",
        subcommands: [PolicyNewCommand.self])
}

import ArgumentParser

/// `mtasts lint …`: judge a policy file or a TXT record offline.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a policy file or a TXT record without touching the network.",
        subcommands: [LintPolicyCommand.self, LintSTSRecordCommand.self, LintTLSRPTRecordCommand.self])
}

import ArgumentParser

/// `mtasts`: roll out MTA-STS (RFC 8461) safely across many domains.
struct MTASTSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtasts",
        abstract: "Check, author and roll out MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for mail domains.",
        discussion: """
            Exit codes: 0 clean, 1 warnings only, 2 errors, 3 could not run (bad usage, unreadable input).
            Finding codes are listed by `mtasts codes` and in the README.
            """,
        subcommands: [TUICommand.self, DemoCommand.self, CheckCommand.self, LintCommand.self, EvaluateCommand.self, PolicyCommand.self, CodesCommand.self, PlanCommand.self, AdvanceCommand.self, PublishedCommand.self, StatusCommand.self, HistoryCommand.self, DomainsCommand.self, ImportCommand.self, ReportsCommand.self, SettingsCommand.self, DANECommand.self, ServeCommand.self, BenchUICommand.self],
        defaultSubcommand: TUICommand.self)
}

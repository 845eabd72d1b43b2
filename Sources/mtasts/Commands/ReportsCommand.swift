import ArgumentParser

/// `mtasts reports …`: TLS-RPT aggregate reports (RFC 8460) senders mail to the `rua` address.
///
/// Each subcommand is a type in its own file: `parse` stores nothing; `ingest`, `summary`,
/// `show` and `remove` use the workspace.
struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Read and store TLS-RPT reports (RFC 8460): JSON, gzip, mail messages, mbox, maildir.",
        subcommands: [
            ReportsParseCommand.self,
            ReportsIngestCommand.self,
            ReportsSummaryCommand.self,
            ReportsShowCommand.self,
            ReportsRemoveCommand.self,
            ReportsBenchMboxCommand.self,
            ReportsBenchIngestCommand.self,
        ])
}

import ArgumentParser

/// `mtasts reports …`: TLS-RPT aggregate reports (RFC 8460) senders mail to the `rua` address.
///
/// Each subcommand is a type in its own file; `ingest`, `summary` and `show` (storage-backed)
/// slot into `subcommands` beside `parse`.
struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Read TLS-RPT reports (RFC 8460): JSON, gzip, mail messages, mbox, maildir.",
        subcommands: [
            ReportsParseCommand.self,
            ReportsBenchMboxCommand.self,
            ReportsBenchIngestCommand.self,
        ])
}

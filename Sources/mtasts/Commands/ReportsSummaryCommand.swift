import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts reports summary [DOMAIN] [--since 7d]`: what senders reported (RFC 8460 §4.4),
/// from the stored reports.
struct ReportsSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Totals and failures by result type, receiving MX and organization, from stored reports.",
        discussion: """
            Without DOMAIN, every policy domain. --since takes 7d, 24h, 2w, or a date (2026-01-31); \
            reports ending after it count. --json prints {"domain", "since", "reports", "policyDomains", \
            "successes", "failures", "byResultType": [{"name", "failedSessions"}], "byReceivingMX": [...], \
            "byOrganization": [{"name", "reports", "successes", "failures"}], "groups": [{"resultType", \
            "receivingMX", "organization", "failedSessions", "details", "firstReported", "lastReported"}], \
            "byPolicyDomain": [{"domain", "reports", "successes", "failures", "worstResultType", "lastFailure"}] \
            (all domains only)}. Text tables show --limit rows (default 10, 0 for all).
            """)

    @Argument(help: "The policy domain (default: every domain).")
    var domain: String?

    @Option(name: .long, help: ArgumentHelp("Only reports ending after this: 7d, 24h, 2w, or YYYY-MM-DD.", valueName: "age|date"))
    var since: String?

    @Option(name: .long, help: "Rows per table in text output (0: all).")
    var limit = 10

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let since { _ = try SinceOption.date(since, now: Date()) }
    }

    func run() throws {
        let sinceDate = try since.map { text throws(ValidationError) in try SinceOption.date(text, now: Date()) }
        let workspace = try workspaceOptions.openReadOnly()
        let summary = try workspace.reportSummary(domain: domain, since: sinceDate)
        if output.json {
            try JSONOutput.print(summary)
        } else {
            for line in ReportSummaryPrinter(style: output.style, limit: limit > 0 ? limit : nil).lines(summary) { print(line) }
        }
    }
}

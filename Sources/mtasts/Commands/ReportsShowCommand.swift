import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSIngest
import MTASTSStore

/// `mtasts reports show REPORT-ID`: one stored report (RFC 8460 §4.4) as read, with its quirks.
struct ReportsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a stored TLS-RPT report by its report-id.",
        discussion: """
            Several organizations may use the same report-id; each is printed. Exit 0 found, \
            3 no such report. --json prints [{"report", "findings", "source", "ingestedAt", "raw"}].
            """)

    @Argument(help: ArgumentHelp("The report-id as the sender wrote it.", valueName: "report-id"))
    var reportID: String

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let workspace = try workspaceOptions.openReadOnly()
        let reports = try workspace.storedReports(reportID: reportID)
        guard !reports.isEmpty else {
            throw UsageFailure("no report with report-id \(reportID) in \(workspaceOptions.path)")
        }
        if output.json {
            try JSONOutput.print(reports)
            return
        }
        let printer = TLSRPTReportPrinter(style: output.style)
        for (index, stored) in reports.enumerated() {
            if index > 0 { print("") }
            let parsed = ParsedTLSRPTReport(report: stored.report, findings: stored.findings, raw: Array(stored.raw.utf8))
            let source = stored.source ?? "workspace"
            for line in printer.lines(IngestItem(source: source, outcome: .report(parsed))) { print(line) }
            print("ingested \(stored.ingestedAt.ISO8601Format())")
        }
    }
}

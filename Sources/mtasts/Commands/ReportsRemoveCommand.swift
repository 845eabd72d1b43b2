import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts reports remove REPORT-ID|--org ORG|--before DATE`: takes stored TLS-RPT reports
/// (RFC 8460 §4.4) out of the workspace, for a forged or broken report that got in, with a
/// `report-remove` entry in the audit log of every policy domain it covered.
struct ReportsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove stored TLS-RPT reports by report-id, organization or age; recorded in the audit log.",
        discussion: """
            Give exactly one of REPORT-ID (every organization's report with that id), --org \
            (every report of that organization-name, as written) or --before (reports whose \
            date-range ends before a date YYYY-MM-DD, or an age such as 400d). Each policy domain \
            the removed reports covered gets one `report-remove` audit entry (mtasts history) \
            naming them and their session counts. --dry-run lists what would go and changes \
            nothing. Exit 0 removed (or listed), 3 nothing matched or bad usage. --json prints \
            {"dryRun", "removed": [{"organization", "reportID", "start", "end", "policyDomains", \
            "successes", "failures"}]}.
            """)

    @Argument(help: ArgumentHelp("The report-id as the sender wrote it.", valueName: "report-id"))
    var reportID: String?

    @Option(name: .customLong("org"), help: ArgumentHelp("Remove every report of this organization-name.", valueName: "organization"))
    var organization: String?

    @Option(name: .long, help: ArgumentHelp("Remove reports ending before this: YYYY-MM-DD, a date-time, or an age (400d).", valueName: "date|age"))
    var before: String?

    @Flag(name: .customLong("dry-run"), help: "List the reports that would be removed; change nothing.")
    var dryRun = false

    @Option(name: .customLong("operator"), help: ArgumentHelp("Name written to the audit log (default: $USER).", valueName: "name"))
    var operatorName: String?

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let given = [reportID != nil, organization != nil, before != nil].filter { $0 }.count
        guard given == 1 else { throw ValidationError("give exactly one of REPORT-ID, --org ORG or --before DATE") }
        if let reportID, reportID.allSatisfy(\.isWhitespace) { throw ValidationError("the report-id is empty") }
        if let organization, organization.allSatisfy(\.isWhitespace) { throw ValidationError("--org is empty") }
        if let before { _ = try Self.date(before) }
    }

    func run() throws {
        let selection: ReportSelection
        if let reportID {
            selection = .reportID(reportID)
        } else if let organization {
            selection = .organization(organization)
        } else {
            selection = .endingBefore(try Self.date(before ?? ""))
        }
        let who = operatorName ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        let workspace = try workspaceOptions.open()
        let removed = try workspace.removeReports(selection, operator: who, dryRun: dryRun)
        if output.json {
            try JSONOutput.print(RemoveOutput(dryRun: dryRun, removed: removed))
        } else {
            for report in removed {
                let domains = report.policyDomains.filter { !$0.isEmpty }
                print("\(dryRun ? "would remove" : "removed") \(report.organization) \(report.reportID)  "
                    + "\(UTCDay(report.start).string)  \(domains.isEmpty ? "-" : domains.joined(separator: ","))  "
                    + "\(report.successes) successful, \(report.failures) failed")
            }
            if !removed.isEmpty {
                print("\(removed.count) \(removed.count == 1 ? "report" : "reports") \(dryRun ? "would be removed" : "removed, recorded in the audit log")")
            }
        }
        if removed.isEmpty { throw UsageFailure("no stored report matches \(selection) in \(workspaceOptions.path)") }
    }

    /// `--before`: a date, a date-time or an age, as `--since` takes them.
    static func date(_ text: String) throws(ValidationError) -> Date {
        do {
            return try SinceOption.date(text, now: Date())
        } catch {
            throw ValidationError(error.message.replacingOccurrences(of: "--since", with: "--before"))
        }
    }
}

/// The JSON of `reports remove --json`.
struct RemoveOutput: Encodable {
    var dryRun: Bool
    var removed: [RemovedReport]
}

import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts history DOMAIN`: the audit log and the timeline of observed live stages.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show DOMAIN's audit log (plans, publications, acknowledgements, overrides) and observed live stages.")

    @Argument(help: "The domain.") var domain: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    struct Output: Encodable {
        var domain: String
        var audit: [AuditEntry]
        var timeline: [StageSpan]
        var observations: [HistoryPoint]
    }

    func run() throws {
        guard let name = DomainName.normalized(domain) else { throw UsageFailure("\(domain.debugDescription) is not a domain name") }
        let workspace = try self.workspace.openReadOnly()
        let audit = try workspace.auditLog(domain: name)
        let points = try workspace.rolloutHistory(domain: name).chronological
        let timeline = StageSpan.timeline(points)
        if output.json { return try JSONOutput.print(Output(domain: name, audit: audit, timeline: timeline, observations: points)) }
        print(output.style.bold(name))
        print("\nAudit log")
        if audit.isEmpty { print("  (empty)") }
        for entry in audit {
            print("  \(entry.at.rolloutText)  \(entry.operator)  \(entry.action.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(entry.detail)")
        }
        print("\nLive stages observed")
        if timeline.isEmpty { print("  (never checked)") }
        for span in timeline {
            print("  \(span.from.rolloutText) … \(span.to.rolloutText)  \(span.stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(span.observations) check(s)")
        }
    }
}

import Foundation
import MTASTSCore
import MTASTSProbe
import MTASTSStore

/// The real world: the SQLite workspace and live checks over the network.
public struct LiveServices: WorkspaceServices {
    public let workspace: Workspace
    let checker: BulkChecker

    public init(workspace: Workspace, checker: BulkChecker) {
        self.workspace = workspace
        self.checker = checker
    }

    /// Shows each result as it arrives; once the run is over, the observations carry the run's
    /// vantage (``RunVantage``) and are saved in one transaction. When the vantage changes a
    /// verdict (port 25 blocked from here), the judged-again reports replace the first ones.
    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async -> CheckRunResult {
        let observations = await checker.check(domains) { _, observation in
            report(Evaluator.evaluate(observation, at: Date()))
        }
        let now = Date()
        let reports = observations.map { Evaluator.evaluate($0, at: now) }
        let summary = CheckRunSummary.of(reports)
        if summary.smtpBlocked { reports.forEach(report) }
        // `tui --readonly` opens the file read-only: checks are shown, not stored.
        guard !workspace.isReadOnly else { return CheckRunResult(summary: summary) }
        do {
            try workspace.save(observations)
            return CheckRunResult(summary: summary)
        } catch {
            return CheckRunResult(summary: summary, saveError: "\(error)")
        }
    }
}

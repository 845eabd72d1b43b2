import Foundation
import MTASTSCore
import NIOConcurrencyHelpers
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

    /// Shows each result as soon as its verdict is final (``RunVantageGate``: port 25 blocked
    /// from here or not), then saves the run in one transaction.
    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async -> CheckRunResult {
        // Each observation is judged once: shown, and counted for the run's summary.
        let counted = NIOLockedValueBox(CheckRunSummary())
        let observations = await checker.check(domains) { _, observation in
            let judged = Evaluator.evaluate(observation, at: Date())
            counted.withLockedValue { $0.add(judged) }
            report(judged)
        }
        let summary = counted.withLockedValue { $0 }
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

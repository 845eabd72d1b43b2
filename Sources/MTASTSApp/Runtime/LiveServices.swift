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

    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async {
        let workspace = self.workspace
        _ = await checker.check(domains) { _, observation in
            _ = try? workspace.save(observation)
            report(Evaluator.evaluate(observation, at: Date()))
        }
    }
}

extension DomainRow {
    /// A row from the workspace's stored summary. The certificate expiry was counted from the
    /// observation time; it is aged to `now` here.
    public init(summary: DomainSummary, now: Date) {
        guard let latest = summary.latest else {
            self.init(name: summary.name)
            return
        }
        let age = Int(now.timeIntervalSince(latest.observedAt) / 86_400)
        self.init(
            name: summary.name, stage: latest.liveStage, worstSeverity: latest.worstSeverity, worstCode: latest.worstCode,
            errorCount: latest.errorCount, warningCount: latest.warningCount,
            expiryDays: latest.earliestCertificateExpiryDays.map { $0 - age }, mxHosts: latest.mxHosts ?? [],
            checkedAt: latest.observedAt, enforceReady: latest.errorCount == 0)
    }
}

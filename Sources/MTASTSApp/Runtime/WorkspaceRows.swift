import Foundation
import MTASTSCore
import MTASTSStore

/// The domain list's rows as stored: every domain's summary row, its planned stage and the
/// failures reported for it in the last 7 days (three queries, whatever the number of domains).
public enum WorkspaceRows {
    public static func load(from workspace: Workspace, now: Date) throws -> [DomainRow] {
        let plans = try workspace.plans()
        let failures = try workspace.failedSessionsByDomain(since: now.addingTimeInterval(-7 * 86_400))
        // Every summary judged at `now` by the core (stale cached verdicts are judged again).
        return try workspace.domainSummaries(now: now).map { summary in
            var row = DomainRow(summary: summary, now: now)
            row.plannedStage = plans[summary.name]?.target
            row.reportedFailures = failures[summary.name]
            return row
        }
    }
}

extension DomainRow {
    /// A row from the workspace's summary, judged at `now` (``Workspace/domainSummaries(now:)``);
    /// days to the earliest certificate expiry counted by the core's ``CertificateClock``.
    public init(summary: DomainSummary, now: Date) {
        guard let latest = summary.latest else {
            self.init(name: summary.name)
            return
        }
        self.init(
            name: summary.name, stage: latest.liveStage, worstSeverity: latest.worstSeverity, worstCode: latest.worstCode,
            errorCount: latest.errorCount, warningCount: latest.warningCount,
            expiryDays: latest.earliestCertificateNotAfter.map { CertificateClock.days(from: now, to: $0) },
            mxHosts: latest.mxHosts ?? [], checkedAt: latest.observedAt, enforceReady: latest.enforceReady)
    }
}

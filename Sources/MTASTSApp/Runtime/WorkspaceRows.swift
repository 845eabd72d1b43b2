import Foundation
import MTASTSStore

/// The domain list's rows as stored: every domain's summary row, its planned stage and the
/// failures reported for it in the last 7 days (three queries, whatever the number of domains).
public enum WorkspaceRows {
    public static func load(from workspace: Workspace, now: Date) throws -> [DomainRow] {
        let plans = try workspace.plans()
        let failures = try workspace.failedSessionsByDomain(since: now.addingTimeInterval(-7 * 86_400))
        return try workspace.domainSummaries().map { summary in
            var row = DomainRow(summary: summary, now: now)
            row.plannedStage = plans[summary.name]?.target
            row.reportedFailures = failures[summary.name]
            return row
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

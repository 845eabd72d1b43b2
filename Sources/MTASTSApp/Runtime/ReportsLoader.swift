import Foundation
import MTASTSCore
import MTASTSStore

/// Reads the Reports pane and the triage screen from a workspace and puts the failure groups
/// beside the live findings (``TLSRPTTriage``). Shared by the live and the demo services; runs
/// off the UI thread.
struct ReportsLoader: Sendable {
    let workspace: Workspace
    /// Observations read back for "since when" a finding holds.
    var historyLimit = 60

    func pane(_ domain: String, now: Date) throws -> ReportsPaneData {
        let last = UTCDay(now)
        let since = last.adding(1 - ReportsViewState.days).start
        let days = try workspace.reportDays(domain: domain, last: last, days: ReportsViewState.days)
        let summary = try workspace.reportSummary(domain: domain, since: since)
        let observations = try workspace.observations(domain: domain, limit: historyLimit)
        let history = observations.map { observation in
            ObservedFindings(observedAt: observation.observedAt, findings: Evaluator.evaluate(observation, at: observation.observedAt).findings)
        }
        let current = observations.first.map { Evaluator.evaluate($0, at: now).findings } ?? []
        let groups = TLSRPTTriage.groups(buckets: summary.groups, findings: current, history: history)
        return ReportsPaneData(domain: domain, days: days, summary: summary, groups: groups, since: since)
    }

    func details(_ domain: String, bucket: TLSRPTFailureBucket, now: Date) throws -> [StoredFailureDetail] {
        let since = UTCDay(now).adding(1 - ReportsViewState.days).start
        return try workspace.failureDetails(
            domain: domain, resultType: bucket.resultType, receivingMX: bucket.receivingMX,
            organization: bucket.organization, since: since)
    }

    func triage(now: Date) throws -> [DomainReportTotals] {
        try workspace.domainsWithFailures(since: UTCDay(now).adding(1 - ReportsViewState.days).start)
    }
}

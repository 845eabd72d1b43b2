import Foundation
import MTASTSCore
import MTASTSProbe
import MTASTSStore

/// The real world: the SQLite workspace and live checks over the network.
public struct LiveServices: AppServices {
    let workspace: Workspace
    let checker: BulkChecker

    public init(workspace: Workspace, checker: BulkChecker) {
        self.workspace = workspace
        self.checker = checker
    }

    public func loadRows() async throws -> [DomainRow] {
        let now = Date()
        return try workspace.domainSummaries().map { DomainRow(summary: $0, now: now) }
    }

    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async {
        let workspace = self.workspace
        _ = await checker.check(domains) { _, observation in
            _ = try? workspace.save(observation)
            report(Evaluator.evaluate(observation, at: Date()))
        }
    }

    public func loadReport(_ domain: String) async -> DomainReport? {
        guard let observation = try? workspace.latestObservation(domain: domain) else { return nil }
        return Evaluator.evaluate(observation, at: Date())
    }

    public func add(_ names: [String]) async throws -> (added: [String], existing: [String], invalid: [String]) {
        let result = try workspace.add(domains: names)
        return (result.added, result.existing, result.invalid)
    }

    public func remove(_ name: String) async throws {
        _ = try workspace.remove(domain: name)
    }

    public func loadTLSRPT(_ domain: String) async throws -> ReportsPaneData {
        try ReportsLoader(workspace: workspace).pane(domain, now: Date())
    }

    public func loadFailureDetails(_ domain: String, bucket: TLSRPTFailureBucket) async throws -> [StoredFailureDetail] {
        try ReportsLoader(workspace: workspace).details(domain, bucket: bucket, now: Date())
    }

    public func loadTriage() async throws -> [DomainReportTotals] {
        try ReportsLoader(workspace: workspace).triage(now: Date())
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

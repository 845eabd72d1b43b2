import Foundation
import MTASTSCore

/// One line of the domain list: what the latest report says, summarised. Built from a
/// `DomainReport` (after a check) or from the workspace's stored summary (at start-up), so the
/// list of 10,000 domains appears without evaluating anything.
public struct DomainRow: Sendable, Equatable {
    public var name: String
    public var stage: LiveStage?
    public var worstSeverity: Severity?
    public var worstCode: FindingCode?
    public var errorCount: Int
    public var warningCount: Int
    public var expiryDays: Int?
    public var mxHosts: [String]
    public var checkedAt: Date?
    /// `testing`/`enforce` readiness as the report says (nil when unchecked).
    public var enforceReady: Bool?
    /// The stage the operator's rollout plan aims at (nil without a plan). Workspace data, not
    /// part of a check: kept when a check replaces the row.
    public var plannedStage: RolloutTarget?
    /// Failed sessions senders reported (TLS-RPT, RFC 8460) in the last 7 days; nil when none
    /// were reported. Workspace data, kept when a check replaces the row.
    public var reportedFailures: Int?

    public init(name: String, stage: LiveStage? = nil, worstSeverity: Severity? = nil, worstCode: FindingCode? = nil,
                errorCount: Int = 0, warningCount: Int = 0, expiryDays: Int? = nil, mxHosts: [String] = [],
                checkedAt: Date? = nil, enforceReady: Bool? = nil) {
        self.name = name
        self.stage = stage
        self.worstSeverity = worstSeverity
        self.worstCode = worstCode
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.expiryDays = expiryDays
        self.mxHosts = mxHosts
        self.checkedAt = checkedAt
        self.enforceReady = enforceReady
    }

    public init(report: DomainReport) {
        let worst = report.findings.first { $0.severity != .info } ?? report.findings.first
        self.init(
            name: report.domain, stage: report.liveStage, worstSeverity: worst?.severity, worstCode: worst?.code,
            errorCount: report.errors.count, warningCount: report.warnings.count,
            expiryDays: report.earliestCertificateExpiryDays,
            mxHosts: report.mxHosts.sorted(),
            checkedAt: report.checkedAt, enforceReady: report.enforceReady)
    }

    public var isChecked: Bool { checkedAt != nil }

    /// This row with the workspace data (plan, reported failures) of `previous` when it has none.
    func keepingWorkspaceData(of previous: DomainRow) -> DomainRow {
        var row = self
        row.plannedStage = row.plannedStage ?? previous.plannedStage
        row.reportedFailures = row.reportedFailures ?? previous.reportedFailures
        return row
    }
}

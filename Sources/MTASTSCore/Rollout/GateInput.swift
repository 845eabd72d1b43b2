import Foundation

/// Everything a gate looks at: a fresh report, the plan to publish, the history, the TLS-RPT
/// totals of the soak window, the time.
public struct GateInput: Sendable {
    public var domain: String
    public var to: RolloutTarget
    /// A fresh check (the gate runs one before enforcing).
    public var report: DomainReport?
    /// The plan that will be published for `to`.
    public var plan: RolloutPlan?
    public var history: [HistoryPoint]
    public var settings: RolloutSettings
    /// What senders reported during the soak window; `nil` when nothing is stored.
    public var reportTotals: TLSRPTWindowTotals?
    public var now: Date

    public init(
        domain: String, to: RolloutTarget, report: DomainReport?, plan: RolloutPlan?, history: [HistoryPoint],
        settings: RolloutSettings, reportTotals: TLSRPTWindowTotals?, now: Date
    ) {
        self.domain = domain
        self.to = to
        self.report = report
        self.plan = plan
        self.history = history
        self.settings = settings
        self.reportTotals = reportTotals
        self.now = now
    }
}

import Foundation

/// The plan a move stores and the gate it must pass, from one function: the preview (`status`,
/// `plan show`, the rollout panel) and the move itself (`plan`, `advance`, `A` in the UI) call
/// it with the same inputs, so what the preview says is what the move does.
public enum RolloutProposal {
    public struct Result: Sendable, Hashable {
        public var plan: RolloutPlan
        public var gate: GateResult
    }

    /// - `previous`: the stored plan (its id is kept when the text does not change, its
    ///   settings, web root and planned MX hosts carry over unless given).
    /// - `reportTotals`: TLS-RPT totals of the current soak window.
    public static func prepare(
        domain: String, to target: RolloutTarget, report: DomainReport?, previous: RolloutPlan?, history: [HistoryPoint],
        settings: RolloutSettings? = nil, reportTotals: TLSRPTWindowTotals?, plannedMX: [String]? = nil, webroot: String? = nil,
        policyText: String? = nil, now: Date, id: String
    ) -> Result {
        let name = MXMatcher.normalize(domain)
        let effective = settings ?? previous?.settings ?? RolloutSettings()
        let mx = report.map { $0.observation.mx.status == .ok ? $0.observation.mx.records : [] } ?? []
        let plan = RolloutPlanner.plan(
            domain: name, target: target, mx: mx, settings: effective, plannedMX: plannedMX, webroot: webroot ?? previous?.webroot,
            previous: previous, liveID: report?.stsRecord?.id,
            freshID: PolicyIDDiscipline.findings(domain: name, history: history).contains(.policyIDNotBumped),
            policyText: policyText, now: now, id: id)
        let gate = RolloutGate.evaluate(GateInput(
            domain: name, to: target, report: report, plan: plan, history: history, settings: effective,
            reportTotals: reportTotals, now: now))
        return Result(plan: plan, gate: gate)
    }
}

import Foundation

/// What the report-level rules of the enforce gate see: only the observation judged at `now`.
public struct ReportGateContext: Sendable {
    public var domain: String
    public var liveStage: LiveStage
    /// The report's findings, each with its one severity.
    public var findings: [Finding]
    /// Every certificate a sender relies on, judged at `now`.
    public var certificates: [CertificateStatus]
}

/// The first layer of the gate before `mode: enforce` (RFC 8461 §5: under enforce, senders
/// refuse MX hosts that fail validation, so every failure becomes a bounce): the rules that
/// need only the observation and the time. ``DomainReport/enforce`` is this result; the rollout
/// gate (``RolloutGate``) starts from it and adds the rules that need the plan, the history and
/// TLS-RPT. One function, called by ``Evaluator`` only.
public enum ReportGate {
    @GateRuleBuilder<ReportGateContext>
    static var rules: [any GateRule<ReportGateContext>] {
        LiveStageGateRule()
        FindingsGateRule()
        DANEGateRule()
        CertificateLifetimeGateRule()
    }

    static func evaluate(_ context: ReportGateContext) -> GateResult {
        var gate = GateResult(domain: context.domain, from: context.liveStage, to: .enforce)
        gate.apply(rules, context)
        return gate
    }
}

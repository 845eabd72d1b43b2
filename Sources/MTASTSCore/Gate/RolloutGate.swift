import Foundation

/// What the rollout rules of a gate see: the move, a report judged at `now`, the plan that the
/// move would store, the history, the TLS-RPT totals of the soak window, the settings.
public struct RolloutGateContext: Sendable {
    public var input: GateInput
    /// `nil` when the domain was never checked.
    public var report: DomainReport?
}

/// The gate of every move between stages, forwards and backwards: for `enforce`, the report's
/// own layer (``DomainReport/enforce``, the same rules every surface shows) plus the rules that
/// need the plan, the history and TLS-RPT; for the other moves, their own rules. Every surface
/// that shows or runs a move calls this one function.
public enum RolloutGate {
    @GateRuleBuilder<RolloutGateContext>
    static var enforceRules: [any GateRule<RolloutGateContext>] {
        PlanHasMXGateRule()
        PlanCoverageGateRule()
        PlanMaxAgeGateRule()
        PolicyIDGateRule()
        SoakDurationGateRule()
        SoakReportsGateRule()
    }

    @GateRuleBuilder<RolloutGateContext>
    static var testingRules: [any GateRule<RolloutGateContext>] {
        PlanHasMXGateRule()
        CachedPolicyGateRule()
    }

    @GateRuleBuilder<RolloutGateContext>
    static var removalRules: [any GateRule<RolloutGateContext>] {
        RemovalGateRule()
    }

    public static func evaluate(_ input: GateInput) -> GateResult {
        let report = input.report
        let context = RolloutGateContext(input: input, report: report)
        var gate = GateResult(domain: input.domain, from: report?.liveStage, to: input.to)
        switch input.to {
        case .enforce:
            if let report {
                gate.add(report.enforce.blockers + report.enforce.unknowns + report.enforce.warnings + report.enforce.notes)
            } else {
                gate.add([GateItem(kind: .blocker, code: .rolloutNotLive, subject: input.domain,
                                   message: "no check yet: the gate needs a fresh check", rule: "live-stage")])
            }
            gate.apply(enforceRules, context)
        case .testing:
            gate.apply(testingRules, context)
        case .none:
            break
        case .removed:
            gate.apply(removalRules, context)
        }
        return gate
    }
}

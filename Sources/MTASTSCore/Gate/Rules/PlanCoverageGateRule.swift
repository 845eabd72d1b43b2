/// RFC 8461 §4.1: under enforce, senders refuse every MX host that matches no `mx` pattern, so
/// the planned enforce policy must cover every MX host live now (``MXCoverage``).
struct PlanCoverageGateRule: GateRule {
    let name = "plan-coverage"

    func items(in context: RolloutGateContext) -> [GateItem] {
        guard let policy = context.input.plan?.policy else { return [] }
        return MXCoverage.of(patterns: policy.mx, mxHosts: context.report?.mxHosts ?? []).filter { !$0.covered }.map { coverage in
            GateItem(kind: .blocker, code: .policyMxUncovered, subject: "plan: \(coverage.host)",
                     message: "the planned enforce policy does not cover MX host \(coverage.host)",
                     evidence: "planned mx: \(policy.mx.joined(separator: ", "))", rule: name)
        }
    }
}

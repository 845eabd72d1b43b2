/// RFC 8461 §3.2: a policy in `testing` or `enforce` lists at least one `mx` pattern.
struct PlanHasMXGateRule: GateRule {
    let name = "plan-has-mx"

    func items(in context: RolloutGateContext) -> [GateItem] {
        guard let plan = context.input.plan, plan.target.mode == .testing || plan.target.mode == .enforce,
            !LineDiff.lines(plan.policyText).contains(where: { $0.hasPrefix("mx:") })
        else { return [] }
        return [GateItem(kind: .blocker, code: .policyMxMissing, subject: "plan",
                         message: "the planned policy lists no MX host: no MX records were observed (check the domain first)",
                         rule: name)]
    }
}

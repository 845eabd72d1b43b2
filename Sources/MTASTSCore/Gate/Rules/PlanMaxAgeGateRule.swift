/// RFC 8461 §3.2 recommends a `max_age` of weeks for an enforced policy (long enough to
/// outlast an attacker's DNS interference, §10.2); under one week is a warning.
struct PlanMaxAgeGateRule: GateRule {
    let name = "plan-max-age"
    static let weekSeconds = 604_800

    func items(in context: RolloutGateContext) -> [GateItem] {
        guard let policy = context.input.plan?.policy, policy.maxAge < Self.weekSeconds else { return [] }
        return [GateItem(kind: .warning, code: .policyMaxAgeShort, subject: "plan: max_age",
                         message: "the planned enforce policy has max_age \(policy.maxAge) s, under one week",
                         evidence: "max_age: \(policy.maxAge)", rule: name)]
    }
}

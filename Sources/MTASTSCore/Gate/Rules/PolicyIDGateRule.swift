/// RFC 8461 §3.1: a changed policy needs a new id, or senders that cached the old one never
/// re-fetch it (``PolicyIDDiscipline`` over the history).
struct PolicyIDGateRule: GateRule {
    let name = "policy-id"

    func items(in context: RolloutGateContext) -> [GateItem] {
        PolicyIDDiscipline.findings(domain: context.input.domain, history: context.input.history).map { GateItem($0, rule: name) }
    }
}

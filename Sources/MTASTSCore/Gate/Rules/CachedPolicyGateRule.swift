import Foundation

/// `testing` is safe for delivery (RFC 8461 §5: senders deliver anyway). Coming back from
/// `enforce` during an incident, senders that cached the enforce policy keep it until its
/// `max_age` runs out unless they see the new id and re-fetch (§3.3, §5.1): a warning.
struct CachedPolicyGateRule: GateRule {
    let name = "cached-policy"

    func items(in context: RolloutGateContext) -> [GateItem] {
        let input = context.input
        let last = input.history.chronological.last
        guard context.report?.liveStage == .enforce || last?.mode == .enforce else { return [] }
        let maxAge = context.report?.policy?.maxAge ?? last?.maxAge
        return [GateItem(
            kind: .warning, code: .rolloutCachedPolicy, subject: input.domain,
            message: "senders that cached the enforce policy keep enforcing for up to \(maxAge.map { RolloutDuration.text(TimeInterval($0)) } ?? "its max_age") unless they see the new id",
            evidence: maxAge.map { "live max_age: \($0)" } ?? "", rule: name)]
    }
}

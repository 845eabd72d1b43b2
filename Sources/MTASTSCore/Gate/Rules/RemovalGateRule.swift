/// RFC 8461 §8.3: remove the records only after `mode: none` was live for the previous
/// policy's `max_age` (``RemovalWait``).
struct RemovalGateRule: GateRule {
    let name = "removal-wait"

    func items(in context: RolloutGateContext) -> [GateItem] {
        let input = context.input
        guard let report = context.report else {
            return [GateItem(kind: .blocker, code: .rolloutNotLive, subject: input.domain,
                             message: "no check yet: the gate needs a fresh check", rule: name)]
        }
        if report.liveStage == .unknown {
            return [GateItem(kind: .unknown, code: .rolloutNotLive, subject: input.domain,
                             message: "the live stage could not be checked", rule: name)]
        }
        guard report.liveStage == .removing else {
            return [GateItem(
                kind: .blocker, code: .rolloutNotLive, subject: input.domain,
                message: "live stage is \(report.liveStage.rawValue): publish mode none with a new id first (RFC 8461 §8.3)",
                rule: name)]
        }
        guard let earliest = RemovalWait.earliestRemoval(input.history, txtTTL: report.observation.stsTXT.ttl),
            earliest > input.now
        else { return [] }
        return [GateItem(
            kind: .blocker, code: .rolloutRemovalWait, subject: input.domain,
            message: "wait until \(earliest.rolloutText) (\(RolloutDuration.text(earliest.timeIntervalSince(input.now))) more) before removing the records",
            evidence: RemovalWait.removingSince(input.history).map { "mode none live since \($0.rolloutText)" } ?? "",
            rule: name)]
    }
}

import Foundation

/// The soak in `testing` (RFC 8461 §5, RFC 8460 §4): reports need time to arrive before enforce;
/// shorter than the configured soak period is a warning (``SoakClock``).
struct SoakDurationGateRule: GateRule {
    let name = "soak-duration"

    func items(in context: RolloutGateContext) -> [GateItem] {
        let input = context.input
        guard context.report?.liveStage == .testing else { return [] }
        let soak = SoakClock.seconds(input.history, now: input.now) ?? 0
        guard soak < input.settings.soakSeconds else { return [] }
        return [GateItem(
            kind: .warning, code: .rolloutSoakShort, subject: input.domain,
            message: "in testing for \(RolloutDuration.text(soak)), the soak period is \(RolloutDuration.text(input.settings.soakSeconds))",
            evidence: SoakClock.testingSince(input.history).map { "testing since \($0.rolloutText)" } ?? "no testing observation stored",
            rule: name)]
    }
}

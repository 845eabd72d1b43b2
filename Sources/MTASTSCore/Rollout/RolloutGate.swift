import Foundation

/// The gate of every move between stages, forwards and backwards.
public enum RolloutGate {
    public static func evaluate(_ input: GateInput) -> GateResult {
        var gate: GateResult
        switch input.to {
        case .enforce: gate = EnforceGate.evaluate(input)
        case .testing: gate = backToTesting(input)
        case .none: gate = GateResult(domain: input.domain, from: input.report?.liveStage, to: .none)
        case .removed: gate = removal(input)
        }
        // RFC 8461 §3.2: `testing` and `enforce` need at least one `mx` pattern.
        if input.to == .testing || input.to == .enforce, let plan = input.plan,
            !LineDiff.lines(plan.policyText).contains(where: { $0.hasPrefix("mx:") }) {
            gate.blockers.append(Finding(
                code: .policyMxMissing, subject: "plan",
                message: "the planned policy lists no MX host: no MX records were observed (check the domain first)"))
        }
        return gate
    }

    /// `testing` is safe for delivery (RFC 8461 §5: senders deliver anyway). Coming back from
    /// `enforce` during an incident, senders that cached the enforce policy keep it until its
    /// `max_age` runs out unless they see the new id and re-fetch (§3.3, §5.1).
    static func backToTesting(_ input: GateInput) -> GateResult {
        var gate = GateResult(domain: input.domain, from: input.report?.liveStage, to: .testing)
        let wasEnforcing = input.report?.liveStage == .enforce || input.history.chronological.last?.mode == .enforce
        if wasEnforcing {
            let maxAge = input.report?.policy?.maxAge ?? input.history.chronological.last?.maxAge
            gate.warnings.append(Finding(
                code: .rolloutCachedPolicy, subject: input.domain,
                message: "senders that cached the enforce policy keep enforcing for up to \(maxAge.map { RolloutDuration.text(TimeInterval($0)) } ?? "its max_age") unless they see the new id",
                evidence: maxAge.map { "live max_age: \($0)" } ?? ""))
        }
        return gate
    }

    /// RFC 8461 §8.3: remove the records only after `mode: none` was live for the previous
    /// policy's `max_age` (``RemovalWait``).
    static func removal(_ input: GateInput) -> GateResult {
        var gate = GateResult(domain: input.domain, from: input.report?.liveStage, to: .removed)
        guard input.report?.liveStage == .removing else {
            gate.blockers.append(Finding(
                code: .rolloutNotLive, subject: input.domain,
                message: "live stage is \(input.report?.liveStage.rawValue ?? "unknown"): publish mode none with a new id first (RFC 8461 §8.3)"))
            return gate
        }
        let ttl = input.report?.observation.stsTXT.ttl
        if let earliest = RemovalWait.earliestRemoval(input.history, txtTTL: ttl), earliest > input.now {
            gate.blockers.append(Finding(
                code: .rolloutRemovalWait, subject: input.domain,
                message: "wait until \(earliest.rolloutText) (\(RolloutDuration.text(earliest.timeIntervalSince(input.now))) more) before removing the records",
                evidence: RemovalWait.removingSince(input.history).map { "mode none live since \($0.rolloutText)" } ?? ""))
        }
        return gate
    }
}

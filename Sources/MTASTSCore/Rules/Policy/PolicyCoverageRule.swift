/// Every MX host must match an `mx` pattern (RFC 8461 §4.1), or senders refuse it under
/// enforce (and report it under testing). A pattern that matches no MX host is stale.
public struct PolicyCoverageRule: Rule {
    public init() {}

    public func findings(in context: EvaluationContext) -> [Finding] {
        guard let policy = context.policy?.value, policy.mode != .none else { return [] }
        return Self.coverage(patterns: policy.mx, mxHosts: context.mxHosts)
    }

    /// Coverage of `mxHosts` by `patterns`, usable without an observation (`mtasts lint --mx`).
    public static func coverage(patterns: [String], mxHosts: [String]) -> [Finding] {
        var out: [Finding] = []
        for host in mxHosts {
            guard MXMatcher.firstMatch(in: patterns, host: host) == nil else { continue }
            if let deeper = MXMatcher.deeperWildcard(in: patterns, host: host) {
                out.append(Finding(
                    code: .policyMxUncovered, subject: host,
                    message: "`\(deeper)` does not cover `\(host)`: a wildcard matches exactly one label (some checkers wrongly accept it, senders do not)",
                    evidence: "mx patterns: \(patterns.joined(separator: ", "))",
                    remedy: "Add `mx: \(host)` (or `mx: *.\(host.split(separator: ".").dropFirst().joined(separator: "."))`) with a new `id`."))
            } else {
                out.append(Finding(
                    code: .policyMxUncovered, subject: host,
                    message: "MX host `\(host)` matches no `mx` pattern; under enforce senders refuse to deliver to it",
                    evidence: "mx patterns: \(patterns.isEmpty ? "(none)" : patterns.joined(separator: ", "))",
                    remedy: "Add `mx: \(host)` to the policy and publish a new `id`."))
            }
        }
        if !mxHosts.isEmpty {
            for pattern in patterns where !mxHosts.contains(where: { MXMatcher.matches(pattern: pattern, host: $0) }) {
                out.append(Finding(
                    code: .policyMxUnused, subject: pattern,
                    message: "`mx: \(pattern)` matches none of the MX hosts",
                    evidence: "MX hosts: \(mxHosts.joined(separator: ", "))"))
            }
        }
        return out
    }
}

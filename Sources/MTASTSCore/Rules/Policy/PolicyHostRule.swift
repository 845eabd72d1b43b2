/// The policy host `mta-sts.<domain>` must resolve for senders to fetch the policy
/// (RFC 8461 §3.3).
struct PolicyHostRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        guard let lookup = context.observation.policyHost else { return [] }
        let host = context.observation.policyHostName
        switch lookup.status {
        case .ok where !lookup.records.isEmpty:
            return []
        case .ok, .nodata, .nxdomain:
            return [context.unlessPublished(Finding(
                code: .policyHostUnresolvable, subject: host,
                message: lookup.status == .nxdomain ? "`\(host)` does not exist (NXDOMAIN)" : "`\(host)` has no A or AAAA record",
                evidence: lookup.summary))]
        case .timeout, .refused, .error:
            return [context.unlessPublished(context.checkerLookupFailure(lookup.status, name: host, summary: lookup.summary))]
        case .servfail:
            return [context.unlessPublished(Finding(
                code: .policyHostUnresolvable, subject: host,
                message: "the lookup of `\(host)` failed (\(lookup.servfailCause)); senders treat it as a temporary failure",
                evidence: lookup.summary))]
        }
    }
}

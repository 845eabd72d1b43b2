extension EvaluationContext {
    /// Problems with the policy host matter to senders only once a `v=STSv1` record tells them
    /// to fetch (RFC 8461 §3.3). Before that they are information for the operator preparing
    /// the rollout: publish the policy file first, then the record (RFC 8461 §8.2).
    func unlessPublished(_ finding: Finding) -> Finding {
        guard !hasSTSCandidate else { return finding }
        var finding = finding
        finding.severity = .info
        finding.message += " (no `_mta-sts` record yet, so senders do not fetch it)"
        return finding
    }
}

extension EvaluationContext {
    /// Problems with the policy host matter to senders only once a `v=STSv1` record tells them
    /// to fetch (RFC 8461 §3.3). Before that they are information for the operator preparing
    /// the rollout: publish the policy file first, then the record (RFC 8461 §8.2).
    ///
    /// Only a definite answer says "no record yet": when the `_mta-sts` lookup itself failed,
    /// nothing is known about the record and the finding says so instead.
    func unlessPublished(_ finding: Finding) -> Finding {
        guard !hasSTSCandidate else { return finding }
        var finding = finding
        guard observation.stsTXT.status.isDefinite else {
            if finding.severity != .unknown { finding.severity = .info }
            finding.message += " (the `_mta-sts` record could not be read, so whether senders fetch it is unknown)"
            return finding
        }
        finding.severity = .info
        finding.message += " (no `_mta-sts` record yet, so senders do not fetch it)"
        return finding
    }
}

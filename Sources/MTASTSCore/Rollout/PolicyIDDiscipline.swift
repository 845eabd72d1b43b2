/// The id discipline of RFC 8461 §3.1 checked over the history of observations.
///
/// RFC 8461 §3.1: the `id` is "a short string used to track policy updates. This string MUST
/// uniquely identify a given instance of a policy, such that senders can determine when the
/// policy has been updated by comparing to the id of a policy they have cached." Senders only
/// re-fetch the policy when the id changes (§5.1), so a body changed under an unchanged id
/// reaches nobody who cached the old one.
public enum PolicyIDDiscipline {
    /// - `policy.id-not-bumped` (error): the live id was seen earlier with a different policy body.
    /// - `policy.id-bumped-unchanged` (info): the id changed but the body stayed the same
    ///   (harmless: senders re-fetch the same policy).
    public static func findings(domain: String, history: [HistoryPoint]) -> [Finding] {
        let points = history.chronological.filter { $0.policyID != nil && $0.policySHA256 != nil }
        guard let latest = points.last, let id = latest.policyID, let body = latest.policySHA256 else { return [] }
        var findings: [Finding] = []
        if let earlier = points.dropLast().last(where: { $0.policyID == id && $0.policySHA256 != body }) {
            findings.append(Finding(
                code: .policyIDNotBumped, subject: "_mta-sts.\(domain)",
                message: "the policy body changed but the id stayed \(id): senders that cached the earlier policy never re-fetch it",
                evidence: "id \(id): body sha256 \(short(earlier.policySHA256)) at \(earlier.observedAt.rolloutText), \(short(body)) at \(latest.observedAt.rolloutText)"))
        }
        if let previous = points.dropLast().last(where: { $0.policyID != id || $0.policySHA256 != body }),
            previous.policyID != id, previous.policySHA256 == body
        {
            findings.append(Finding(
                code: .policyIDBumpedUnchanged, subject: "_mta-sts.\(domain)",
                message: "the id changed from \(previous.policyID ?? "-") to \(id) but the policy body is the same",
                evidence: "body sha256 \(short(body)) under both ids"))
        }
        return findings
    }

    static func short(_ sha: String?) -> String { String((sha ?? "-").prefix(12)) }
}

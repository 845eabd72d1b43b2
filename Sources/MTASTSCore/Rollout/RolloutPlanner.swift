import Foundation

/// Makes a plan for a target from the live MX RRset (RFC 8461 §3.2: every MX host listed),
/// with a fresh id whenever the policy text changes (RFC 8461 §3.1).
public enum RolloutPlanner {
    /// - `mx`: the live MX records; with `plannedMX`, the policy covers old and new hosts
    ///   (the first step of a safe MX migration, RFC 8461 §8.1).
    /// - `previous`: the plan being replaced; its id is kept when the text does not change,
    ///   unless `freshID` (the history shows the id was not bumped, RFC 8461 §3.1).
    /// - `policyText`: the operator's own policy file instead of the generated one (editable plans).
    public static func plan(
        domain: String, target: RolloutTarget, mx: [MXRecord], settings: RolloutSettings = RolloutSettings(),
        plannedMX: [String]? = nil, webroot: String? = nil, previous: RolloutPlan? = nil, liveID: String? = nil,
        freshID: Bool = false, policyText: String? = nil, now: Date, id: String
    ) -> RolloutPlan {
        let name = MXMatcher.normalize(domain)
        var text = ""
        if let policyText, target.mode != nil {
            text = policyText
        } else if let mode = target.mode {
            var records = mx
            var preference = (mx.map(\.preference).max() ?? 0)
            for host in plannedMX ?? [] where !mx.contains(where: { $0.host == MXMatcher.normalize(host) }) {
                preference += 10
                records.append(MXRecord(preference: preference, exchange: host))
            }
            text = PolicyAuthor.propose(domain: name, mx: records, mode: mode, maxAge: settings.maxAge(for: mode), id: id).policyText
        }
        var policyID = id
        if let previous, previous.policyText == text, previous.target == target, !freshID { policyID = previous.policyID }
        // Never reuse the live id for a different body (RFC 8461 §3.1).
        if policyID == liveID && previous?.policyText != text { policyID = id }
        return RolloutPlan(
            domain: name, target: target, policyText: text, policyID: policyID, settings: settings, webroot: webroot ?? previous?.webroot,
            plannedMX: plannedMX, createdAt: previous?.createdAt ?? now, updatedAt: now)
    }
}

/// Codes of the rollout rules (history, plan and gate); documented in ``FindingCatalog``.
extension FindingCode {
    public static let policyIDNotBumped: FindingCode = "policy.id-not-bumped"
    public static let policyIDBumpedUnchanged: FindingCode = "policy.id-bumped-unchanged"
    public static let rolloutNotLive: FindingCode = "rollout.not-live"
    public static let rolloutSoakShort: FindingCode = "rollout.soak-short"
    public static let rolloutCachedPolicy: FindingCode = "rollout.cached-policy"
    public static let rolloutRemovalWait: FindingCode = "rollout.removal-wait"
}

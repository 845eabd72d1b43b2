import Foundation
import MTASTSCore
import MTASTSStore

/// One policy file `mtasts serve` hosts: the body of a domain's rollout plan, served at
/// `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461 §3.3).
public struct HostedPolicy: Sendable, Hashable {
    public var domain: String
    /// `mta-sts.<domain>`, lower case, no trailing dot: the HTTP `Host` and TLS SNI name.
    public var host: String
    /// The plan's policy file, byte for byte (CRLF line ends as the plan stores them).
    public var body: String
    /// The `id=` the plan publishes with this body (RFC 8461 §3.1).
    public var policyID: String
    public var target: RolloutTarget
    /// SHA-256 of ``body`` (hex), to tell "the same file is hosted" without comparing bodies.
    public var bodySHA256: String

    public init(plan: RolloutPlan) {
        domain = MXMatcher.normalize(plan.domain)
        host = "mta-sts." + domain
        body = plan.policyText
        policyID = plan.policyID
        target = plan.target
        bodySHA256 = BodyDigest.sha256Hex(plan.policyText)
    }

    /// Whether a plan has a policy file to host: every target that publishes a mode
    /// (`testing`, `enforce`, and `none` while withdrawing, RFC 8461 §8.3); not `removed`,
    /// whose records and file are gone.
    public static func isHosted(_ plan: RolloutPlan) -> Bool {
        plan.target.mode != nil && !plan.policyText.isEmpty
    }
}

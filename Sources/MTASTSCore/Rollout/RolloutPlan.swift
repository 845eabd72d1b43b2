import Foundation

/// What the operator intends to publish for a domain: the target stage, the policy file and
/// the `_mta-sts` record (RFC 8461 §3.1, §3.2), the settings, and how far publication got.
public struct RolloutPlan: Codable, Sendable, Hashable {
    public var domain: String
    public var target: RolloutTarget
    /// The policy file to serve (CRLF line ends); empty for `removed`.
    public var policyText: String
    /// The `id=` to publish: new for every change of the policy (RFC 8461 §3.1).
    public var policyID: String
    public var settings: RolloutSettings
    /// Directory to write `<webroot>/<domain>/.well-known/mta-sts.txt` into, if the operator serves files from one.
    public var webroot: String?
    /// MX hosts the operator is migrating to (RFC 8461 §8.1 order), if any.
    public var plannedMX: [String]?
    public var createdAt: Date
    public var updatedAt: Date
    /// When the operator said it was published.
    public var publishedAt: Date?
    /// When a check first showed the plan live.
    public var verifiedAt: Date?

    public init(
        domain: String, target: RolloutTarget, policyText: String, policyID: String,
        settings: RolloutSettings = RolloutSettings(), webroot: String? = nil, plannedMX: [String]? = nil,
        createdAt: Date, updatedAt: Date? = nil, publishedAt: Date? = nil, verifiedAt: Date? = nil
    ) {
        self.domain = domain
        self.target = target
        self.policyText = policyText
        self.policyID = policyID
        self.settings = settings
        self.webroot = webroot
        self.plannedMX = plannedMX
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.publishedAt = publishedAt
        self.verifiedAt = verifiedAt
    }

    /// The record to publish at `_mta-sts.<domain>`.
    public var record: STSRecord { STSRecord(id: policyID) }

    /// The planned policy, parsed (nil for `removed` or an unparsable edit).
    public var policy: STSPolicy? {
        guard !policyText.isEmpty else { return nil }
        return PolicyParser.parse(policyText, subject: "plan").value
    }
}

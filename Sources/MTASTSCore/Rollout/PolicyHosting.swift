import Foundation

/// `mtasts serve` hosting a domain's policy file: the body it serves and when it last said so.
/// The plan's "serve the policy file" step (RFC 8461 §3.3, and §8.1: the file before the TXT
/// record) is done while a running `serve` hosts exactly the plan's body.
public struct PolicyHosting: Codable, Sendable, Hashable {
    public var domain: String
    /// The file `serve` answers with at `https://mta-sts.<domain>/.well-known/mta-sts.txt`.
    public var body: String
    /// Since when this body is hosted.
    public var since: Date
    /// When `serve` last confirmed it (it does so every ``heartbeat``).
    public var confirmedAt: Date

    /// How often a running `serve` confirms what it hosts.
    public static let heartbeat: TimeInterval = 60
    /// A confirmation older than this means `serve` stopped: the file may no longer be reachable.
    public static let freshFor: TimeInterval = 5 * 60

    public init(domain: String, body: String, since: Date, confirmedAt: Date) {
        self.domain = domain
        self.body = body
        self.since = since
        self.confirmedAt = confirmedAt
    }

    public func isCurrent(at now: Date) -> Bool { now.timeIntervalSince(confirmedAt) <= Self.freshFor }

    /// Whether `serve` is hosting exactly `plan`'s file now.
    public func hosts(_ plan: RolloutPlan, at now: Date) -> Bool {
        isCurrent(at: now) && body == plan.policyText && !plan.policyText.isEmpty
    }
}

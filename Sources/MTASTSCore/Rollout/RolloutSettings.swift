import Foundation

/// The knobs of a domain's rollout, kept with its plan.
public struct RolloutSettings: Codable, Sendable, Hashable {
    /// `max_age` published in `mode: testing` (RFC 8461 §3.2).
    public var maxAgeTesting: Int
    /// `max_age` published in `mode: enforce`; RFC 8461 §3.2 expects "weeks or greater".
    public var maxAgeEnforce: Int
    /// `max_age` published with `mode: none` while withdrawing (RFC 8461 §8.3).
    public var maxAgeNone: Int
    /// How long the domain should run in `testing` before `enforce` (reports accumulate, RFC 8460).
    public var soakSeconds: TimeInterval
    /// Reported failure rate during the soak above which the gate blocks (RFC 8460 §4.3).
    public var blockerFailureRate: Double

    public static let defaultSoakSeconds: TimeInterval = 14 * 86_400

    public init(
        maxAgeTesting: Int = PolicyAuthor.testingMaxAge, maxAgeEnforce: Int = PolicyAuthor.enforceMaxAge,
        maxAgeNone: Int = PolicyAuthor.noneMaxAge, soakSeconds: TimeInterval = RolloutSettings.defaultSoakSeconds,
        blockerFailureRate: Double = 0.01
    ) {
        self.maxAgeTesting = maxAgeTesting
        self.maxAgeEnforce = maxAgeEnforce
        self.maxAgeNone = maxAgeNone
        self.soakSeconds = soakSeconds
        self.blockerFailureRate = blockerFailureRate
    }

    public func maxAge(for mode: STSMode) -> Int {
        switch mode {
        case .testing: maxAgeTesting
        case .enforce: maxAgeEnforce
        case .none: maxAgeNone
        }
    }
}

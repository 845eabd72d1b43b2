/// Where a domain stands as senders see it right now, derived from DNS and the policy.
public enum LiveStage: String, Codable, Sendable, CaseIterable, Comparable {
    /// No `_mta-sts` record: senders apply no policy.
    case none
    /// A valid policy with `mode: testing`: senders deliver anyway and report.
    case testing
    /// A valid policy with `mode: enforce`: senders refuse MX hosts that fail.
    case enforce
    /// A valid policy with `mode: none`: the domain is withdrawing (RFC 8461 §8.3).
    case removing
    /// A record is published but senders cannot get a valid policy (invalid record, several
    /// records, policy host or fetch failing, invalid policy): senders fall back to a cached
    /// policy or none.
    case broken
    /// The checker could not look (its resolver did not answer the `_mta-sts` lookup, refused
    /// it or could not be reached): not the domain's state, never stored as its stage.
    case unknown

    private var order: Int {
        switch self {
        case .none: 0
        case .testing: 1
        case .enforce: 2
        case .removing: 3
        case .broken: 4
        case .unknown: 5
        }
    }

    public static func < (lhs: LiveStage, rhs: LiveStage) -> Bool { lhs.order < rhs.order }

    /// A stage senders actually see (everything but ``unknown``): what the history keeps.
    public var isObserved: Bool { self != .unknown }
}

/// Where the operator wants a domain to be: the plan's target stage.
///
/// `testing` and `enforce` are the policy modes of RFC 8461 §5; `none` is the first half of
/// withdrawal (publish `mode: none` with a new id, RFC 8461 §8.3) and `removed` the second
/// (the records are gone once the cached policies have expired).
public enum RolloutTarget: String, Codable, Sendable, CaseIterable {
    case testing
    case enforce
    case none
    case removed

    /// The live stage senders see once the plan is published.
    public var expectedStage: LiveStage {
        switch self {
        case .testing: .testing
        case .enforce: .enforce
        case .none: .removing
        case .removed: .none
        }
    }

    /// The policy mode published for this target; `nil` once the records are removed.
    public var mode: STSMode? {
        switch self {
        case .testing: .testing
        case .enforce: .enforce
        case .none: STSMode.none
        case .removed: nil
        }
    }
}

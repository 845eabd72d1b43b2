/// How much a finding matters for the rollout.
///
/// - `error`: senders would fail or ignore the policy; blocks `mode: enforce`.
/// - `warning`: works today but is fragile or differs between senders; needs acknowledgement.
/// - `info`: worth knowing, no action required.
/// - `unknown`: the checker could not look (its resolver unreachable, port 25 blocked from this
///   machine): says nothing about the domain, and nothing can be decided until it looks again.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case unknown
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .unknown: 2
        case .error: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// How much a finding matters for the rollout.
///
/// - `error`: senders would fail or ignore the policy; blocks `mode: enforce`.
/// - `warning`: works today but is fragile or differs between senders; needs acknowledgement.
/// - `info`: worth knowing, no action required.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

import Foundation

/// What the sending MTAs reported for one policy domain over a window of time: the sum of the
/// `summary` counts of every stored report whose date range overlaps the window (RFC 8460 §4.4,
/// `total-successful-session-count` and `total-failure-session-count`), and the failed sessions
/// by `result-type` (RFC 8460 §4.3, from `failure-details`).
///
/// The enforce gate takes these totals as input (the soak window of a domain in `testing`);
/// the workspace computes them (`Workspace.reportTotals(domain:from:to:)`).
public struct TLSRPTWindowTotals: Sendable, Codable, Hashable {
    /// Start of the window (inclusive).
    public var from: Date
    /// End of the window (exclusive).
    public var to: Date
    /// Successful TLS sessions reported in the window (RFC 8460 §4.4).
    public var successes: Int
    /// Failed TLS sessions reported in the window (RFC 8460 §4.4).
    public var failures: Int
    /// Failed sessions by `result-type` as written in the reports (RFC 8460 §4.3).
    public var failuresByType: [String: Int]
    /// Distinct reports counted.
    public var reportCount: Int

    public init(
        from: Date, to: Date, successes: Int = 0, failures: Int = 0,
        failuresByType: [String: Int] = [:], reportCount: Int = 0
    ) {
        self.from = from
        self.to = to
        self.successes = successes
        self.failures = failures
        self.failuresByType = failuresByType
        self.reportCount = reportCount
    }

    /// Every session reported, successful or not (pinned at `Int.max`, never trapping).
    public var sessions: Int { successes.addingSaturating(failures) }

    /// Failed sessions over all sessions, `0` when nothing was reported.
    public var failureRate: Double {
        sessions == 0 ? 0 : Double(failures) / Double(sessions)
    }
}

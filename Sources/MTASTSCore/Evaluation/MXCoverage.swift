/// Whether one MX host is covered by a policy's `mx` patterns (RFC 8461 §4.1), and by which.
/// ``DomainReport/mxCoverage`` is the live policy against the live MX hosts; the gate asks the
/// same of a planned policy. Views render it instead of matching patterns themselves.
public struct MXCoverage: Codable, Sendable, Hashable {
    public var host: String
    /// The first pattern that matches, `nil` when none does.
    public var pattern: String?
    public var covered: Bool { pattern != nil }

    public init(host: String, pattern: String?) {
        self.host = host
        self.pattern = pattern
    }

    /// Coverage of each of `mxHosts` by `patterns`, in the order of `mxHosts`.
    public static func of(patterns: [String], mxHosts: [String]) -> [MXCoverage] {
        mxHosts.map { MXCoverage(host: $0, pattern: MXMatcher.firstMatch(in: patterns, host: $0)) }
    }
}

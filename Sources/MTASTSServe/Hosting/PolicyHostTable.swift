import Foundation
import MTASTSCore

/// Every policy `serve` hosts, by host name: an immutable snapshot, replaced whole when the
/// workspace's plans change, so a request sees either the old or the new file, never a mix
/// (advancing a domain changes what is served atomically).
public struct PolicyHostTable: Sendable, Hashable {
    public private(set) var byHost: [String: HostedPolicy]

    public init(_ policies: [HostedPolicy] = []) {
        byHost = Dictionary(policies.map { ($0.host, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The hosted files of the workspace's plans (``HostedPolicy/isHosted(_:)``).
    public init(plans: some Sequence<RolloutPlan>) {
        self.init(plans.filter(HostedPolicy.isHosted).map(HostedPolicy.init(plan:)))
    }

    /// The policy for an HTTP `Host` (or SNI) value: case-insensitive, a trailing dot and a
    /// `:port` suffix ignored (RFC 9110 §7.2 allows both in `Host`).
    public func policy(forHost host: String) -> HostedPolicy? {
        byHost[Self.normalizedHost(host)]
    }

    public var hosts: [String] { byHost.keys.sorted() }
    public var count: Int { byHost.count }

    static func normalizedHost(_ raw: String) -> String {
        var host = Substring(raw.lowercased())
        if host.hasPrefix("[") { return String(host) }  // an IP literal never names a policy host
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        while host.hasSuffix(".") { host = host.dropLast() }
        return String(host)
    }
}

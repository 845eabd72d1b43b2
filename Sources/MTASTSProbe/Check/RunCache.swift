import MTASTSCore

/// What one run of checks shares between its domains: each (MX host, address, port) is probed
/// once and each MX host's A, AAAA and TLSA records are looked up once, however many domains
/// name it (hosted mail, vanity domains). Concurrent requests for the same key wait for the same
/// work. A new run starts with a new cache, so a re-check sees the network as it is now.
public actor RunCache {
    struct ProbeKey: Hashable {
        var host: String
        var address: String
        var port: Int
    }

    /// The address and DANE records of one MX host.
    public struct HostRecords: Sendable {
        public var ipv4: DNSLookup<String>
        public var ipv6: DNSLookup<String>
        public var tlsa: DNSLookup<String>
    }

    private var probes: [ProbeKey: Task<SMTPProbe, Never>] = [:]
    private var hosts: [String: Task<HostRecords, Never>] = [:]
    public private(set) var requests = 0
    public private(set) var hostRequests = 0

    public init() {}

    public func probe(host: String, address: String, port: Int, using prober: any MXProbing) async -> SMTPProbe {
        requests += 1
        let key = ProbeKey(host: MXMatcher.normalize(host), address: address, port: port)
        if let existing = probes[key] { return await existing.value }
        let task = Task { await prober.probe(host: key.host, address: address, port: port) }
        probes[key] = task
        return await task.value
    }

    /// A, AAAA and TLSA at `_25._tcp.<host>` (DANE for SMTP is always published for port 25,
    /// RFC 7672 §2.2, whatever port a lab uses), once per run.
    public func records(host: String, resolver: DNSResolver) async -> HostRecords {
        hostRequests += 1
        let name = MXMatcher.normalize(host)
        if let existing = hosts[name] { return await existing.value }
        let task = Task {
            async let v4 = resolver.ipv4(name)
            async let v6 = resolver.ipv6(name)
            async let dane = resolver.tlsa(host: name, port: 25)
            return HostRecords(ipv4: await v4, ipv6: await v6, tlsa: await dane)
        }
        hosts[name] = task
        return await task.value
    }

    /// How many distinct probes ran.
    public var distinctProbes: Int { probes.count }
    /// How many distinct MX hosts were looked up.
    public var distinctHosts: Int { hosts.count }
}

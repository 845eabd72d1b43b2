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
        /// Where the TLSA records were found, when not at the MX host name itself.
        public var tlsaBase: String?
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

    /// A, AAAA and TLSA at `_25._tcp.<base>` (DANE for SMTP is always published for port 25,
    /// RFC 7672 §2.2, whatever port a lab uses), once per run. RFC 7672 §2.2.3: when the host's
    /// address lookup followed a DNSSEC-secure CNAME chain, the TLSA base domain is the chain's
    /// final target, and the host name itself only when no TLSA records are found there.
    public func records(host: String, resolver: DNSResolver) async -> HostRecords {
        hostRequests += 1
        let name = MXMatcher.normalize(host)
        if let existing = hosts[name] { return await existing.value }
        let task = Task {
            async let v4 = resolver.ipv4(name)
            async let v6 = resolver.ipv6(name)
            async let dane = resolver.tlsa(host: name, port: 25)
            let (ipv4, ipv6, atHost) = await (v4, v6, dane)
            if let target = ipv4.cnames.last, ipv4.authenticated == true, ipv4.status == .ok {
                let base = MXMatcher.normalize(target)
                let atTarget = await resolver.tlsa(host: base, port: 25)
                if atTarget.status == .ok, !atTarget.records.isEmpty {
                    return HostRecords(ipv4: ipv4, ipv6: ipv6, tlsa: atTarget, tlsaBase: base)
                }
            }
            return HostRecords(ipv4: ipv4, ipv6: ipv6, tlsa: atHost)
        }
        hosts[name] = task
        return await task.value
    }

    /// How many distinct probes ran.
    public var distinctProbes: Int { probes.count }
    /// How many distinct MX hosts were looked up.
    public var distinctHosts: Int { hosts.count }
}

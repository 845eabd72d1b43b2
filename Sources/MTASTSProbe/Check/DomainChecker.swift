import Foundation
import MTASTSCore

/// Observes one domain: DNS (MX, `_mta-sts`, `_smtp._tls`, the policy host), the policy over
/// HTTPS, and every MX address over SMTP STARTTLS. It records; the core judges.
public struct DomainChecker: Sendable {
    public let resolver: DNSResolver
    public let fetcher: any PolicyFetching
    public let prober: any MXProbing
    public let settings: ProbeSettings
    /// At most this many addresses per MX host are probed (bounds work on hostile RRsets).
    public var maxAddressesPerHost = 4
    /// At most this many MX hosts per domain are probed.
    public var maxMXHosts = 16

    public init(resolver: DNSResolver, fetcher: any PolicyFetching, prober: any MXProbing, settings: ProbeSettings) {
        self.resolver = resolver
        self.fetcher = fetcher
        self.prober = prober
        self.settings = settings
    }

    /// Observes `domain`; `run` shares MX probes and MX host lookups with the other domains of
    /// the same run (a new one by default: a single check sees everything afresh).
    public func check(_ domain: String, at start: Date = Date(), run: RunCache = RunCache()) async -> Observation {
        let domain = MXMatcher.normalize(domain)
        let policyHost = "mta-sts." + domain
        async let mx = resolver.mx(domain)
        async let sts = resolver.txt("_mta-sts." + domain)
        async let tlsrpt = resolver.txt("_smtp._tls." + domain)
        async let hostV4 = resolver.ipv4(policyHost)
        async let hostV6 = resolver.ipv6(policyHost)
        let (mxLookup, stsLookup, tlsrptLookup) = await (mx, sts, tlsrpt)
        let policyAddresses = Self.merge(await hostV4, await hostV6)

        async let fetch = fetchPolicy(domain: domain, addresses: policyAddresses)
        async let hosts = probeMXHosts(mxLookup, run: run)
        return Observation(
            domain: domain, observedAt: start, resolver: resolver.label, mx: mxLookup, stsTXT: stsLookup,
            tlsrptTXT: tlsrptLookup, policyHost: policyAddresses, policyFetch: await fetch, mxHosts: await hosts)
    }

    /// Fetches from the first address (IPv4 first, as most senders prefer it when both work);
    /// with no address the fetch is recorded as impossible at the resolve stage.
    func fetchPolicy(domain: String, addresses: DNSLookup<String>) async -> PolicyFetch {
        guard let address = addresses.records.first else {
            return PolicyFetch(
                url: "https://mta-sts.\(domain)/.well-known/mta-sts.txt",
                failure: ProbeFailure(stage: .resolve, kind: .unreachable,
                                      message: "mta-sts.\(domain) has no address (\(addresses.summary))"))
        }
        return await fetcher.fetch(domain: domain, address: address)
    }

    func probeMXHosts(_ lookup: DNSLookup<MXRecord>, run: RunCache) async -> [MXHostObservation] {
        guard lookup.status == .ok else { return [] }
        var seen: Set<String> = []
        let hosts = lookup.records.sorted { $0.preference < $1.preference }.filter { !$0.isNull }.map(\.host)
            .filter { seen.insert($0).inserted }.prefix(maxMXHosts)
        return await withTaskGroup(of: (Int, MXHostObservation).self) { group in
            for (index, host) in hosts.enumerated() {
                group.addTask { (index, await probeHost(host, run: run)) }
            }
            var results: [(Int, MXHostObservation)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    func probeHost(_ host: String, run: RunCache) async -> MXHostObservation {
        let records = await run.records(host: host, resolver: resolver)
        let (ipv4, ipv6) = (records.ipv4, records.ipv6)
        let addresses = Array((ipv4.records + ipv6.records).prefix(maxAddressesPerHost))
        // RFC 7672 §8.1: with TLSA records, SNI names the TLSA base domain (the MX host itself
        // unless it is a secure CNAME); the name check of MTA-STS still uses the MX host.
        let serverName = records.tlsa.records.isEmpty ? host : (records.tlsaBase ?? host)
        let probes = await withTaskGroup(of: (Int, SMTPProbe).self) { group in
            for (index, address) in addresses.enumerated() {
                group.addTask {
                    (index, await run.probe(host: serverName, address: address, port: settings.smtpPort, using: prober))
                }
            }
            var results: [(Int, SMTPProbe)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return MXHostObservation(host: host, ipv4: ipv4, ipv6: ipv6, probes: probes, tlsa: records.tlsa, tlsaBase: records.tlsaBase)
    }

    /// One lookup holding the addresses of both families, for the policy host.
    static func merge(_ v4: DNSLookup<String>, _ v6: DNSLookup<String>) -> DNSLookup<String> {
        let records = v4.records + v6.records
        if !records.isEmpty {
            return DNSLookup(
                status: .ok, records: records, ttl: [v4.ttl, v6.ttl].compactMap { $0 }.min(),
                authenticated: v4.authenticated, cnames: v4.cnames.isEmpty ? v6.cnames : v4.cnames)
        }
        // No address: keep the more telling outcome (a failure over NODATA, NXDOMAIN over NODATA).
        if !v4.status.isDefinite { return v4 }
        if !v6.status.isDefinite { return v6 }
        return v4.status == .nxdomain ? v4 : v6
    }
}

import MTASTSCore
import NIOCore

/// The lookups a check needs, as the core's raw `DNSLookup` values: MX, TXT, A/AAAA following
/// CNAMEs, TLSA. It records; it does not judge.
public struct DNSResolver: Sendable {
    public let client: DNSClient
    /// How the resolver is described in observations (`system (127.0.0.53:53)` or the address).
    public let label: String

    public init(client: DNSClient, label: String) {
        self.client = client
        self.label = label
    }

    /// The system configuration (`/etc/resolv.conf`), or one server when `server` is given.
    public static func make(server: DNSServerAddress?, settings: ProbeSettings, group: any EventLoopGroup) -> DNSResolver {
        if let server {
            let client = DNSClient(
                servers: [server], timeout: .nanoseconds(Int64(settings.dnsTimeout * 1e9)), attempts: settings.dnsAttempts,
                group: group)
            return DNSResolver(client: client, label: server.description)
        }
        let conf = ResolvConf.system()
        let servers = conf.nameservers.compactMap { try? DNSServerAddress.parse($0) }
        let timeout = Double(conf.timeoutSeconds.map { min($0, Int(settings.dnsTimeout.rounded(.up))) } ?? Int(settings.dnsTimeout))
        let client = DNSClient(
            servers: servers, timeout: .nanoseconds(Int64(max(timeout, 1) * 1e9)),
            attempts: conf.attempts.map { min($0, settings.dnsAttempts) } ?? settings.dnsAttempts, group: group)
        return DNSResolver(client: client, label: "system (\(servers.map(\.description).joined(separator: ", ")))")
    }

    public func mx(_ domain: String) async -> DNSLookup<MXRecord> {
        await lookup(domain, .mx) { rdata in
            if case .mx(let preference, let exchange) = rdata { return MXRecord(preference: preference, exchange: exchange) }
            return nil
        }
    }

    public func txt(_ name: String) async -> DNSLookup<TXTRecord> {
        await lookup(name, .txt) { rdata in
            if case .txt(let strings) = rdata {
                return TXTRecord(strings: strings.map { String(decoding: $0, as: UTF8.self) })
            }
            return nil
        }
    }

    public func ipv4(_ host: String) async -> DNSLookup<String> {
        await lookup(host, .a) { rdata in
            if case .a(let address) = rdata { return address }
            return nil
        }
    }

    public func ipv6(_ host: String) async -> DNSLookup<String> {
        await lookup(host, .aaaa) { rdata in
            if case .aaaa(let address) = rdata { return address }
            return nil
        }
    }

    /// TLSA records for `_port._tcp.host` (RFC 6698 §3), as `usage selector type hex`.
    public func tlsa(host: String, port: Int) async -> DNSLookup<String> {
        await lookup("_\(port)._tcp.\(host)", .tlsa) { rdata in
            if case .tlsa(let usage, let selector, let matchingType, let data) = rdata {
                return "\(usage) \(selector) \(matchingType) " + data.map { String(format: "%02x", $0) }.joined()
            }
            return nil
        }
    }

    /// Asks for `type`, following a CNAME chain the server did not resolve itself (at most 8
    /// links), and converts the answer.
    func lookup<R: Codable & Sendable & Hashable>(
        _ name: String, _ type: DNSRecordType, convert: (DNSRData) -> R?
    ) async -> DNSLookup<R> {
        var current = name
        var cnames: [String] = []
        var authenticated = true
        for _ in 0..<8 {
            let outcome = await client.query(current, type: type)
            switch outcome {
            case .timeout(let text): return DNSLookup(status: .timeout, cnames: cnames, message: text)
            case .refused(let text): return DNSLookup(status: .refused, cnames: cnames, message: text)
            case .failure(let text): return DNSLookup(status: .error, cnames: cnames, message: text)
            case .answer(let message, _):
                authenticated = authenticated && message.flags.ad
                switch message.rcode {
                case .noError: break
                case .nxDomain:
                    return DNSLookup(status: .nxdomain, authenticated: authenticated, cnames: cnames)
                case .servFail:
                    // RFC 4035 §3.2.2: asked again with CD=1, an answer means the data is there
                    // and DNSSEC validation fails (bogus); another SERVFAIL, the servers fail.
                    var lookup = DNSLookup<R>(status: .servfail, cnames: cnames, message: "SERVFAIL")
                    if case .answer(let unchecked, _) = await client.query(current, type: type, checkingDisabled: true) {
                        lookup.validationFailed = unchecked.rcode == .noError || unchecked.rcode == .nxDomain
                        lookup.message = lookup.validationFailed == true
                            ? "SERVFAIL; with checking disabled the server answers: DNSSEC validation fails (bogus)"
                            : "SERVFAIL also with checking disabled: the authoritative servers fail"
                    }
                    return lookup
                case .refused:
                    return DNSLookup(status: .refused, cnames: cnames, message: "REFUSED")
                default:
                    return DNSLookup(status: .error, cnames: cnames, message: "rcode \(message.rcode)")
                }
                // Walk the chain inside the answer: owner → CNAME target → … → records.
                var owner = Self.normal(current)
                var guardCount = 0
                while guardCount < 16, let link = message.answers.first(where: {
                    Self.normal($0.name) == owner && $0.type == .cname
                }), case .cname(let target) = link.rdata {
                    cnames.append(target)
                    owner = Self.normal(target)
                    guardCount += 1
                }
                let records = message.answers.filter { Self.normal($0.name) == owner && $0.type == type }
                let converted = records.compactMap { convert($0.rdata) }
                if !converted.isEmpty {
                    return DNSLookup(
                        status: .ok, records: converted, ttl: records.map(\.ttl).min(), authenticated: authenticated,
                        cnames: cnames)
                }
                if owner != Self.normal(current) {
                    current = owner  // the server gave the chain but not the end: ask for it
                    continue
                }
                return DNSLookup(status: .nodata, authenticated: authenticated, cnames: cnames)
            }
        }
        return DNSLookup(status: .error, cnames: cnames, message: "CNAME chain longer than 8 links")
    }

    static func normal(_ name: String) -> String {
        (name.hasSuffix(".") ? String(name.dropLast()) : name).lowercased()
    }
}

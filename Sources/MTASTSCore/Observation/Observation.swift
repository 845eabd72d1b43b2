import Foundation

/// Everything observed about one domain at one time: raw evidence, serialisable, never judged.
/// ``Evaluator`` turns it into a ``DomainReport``.
public struct Observation: Codable, Sendable, Hashable {
    public var domain: String
    public var observedAt: Date
    /// The resolver asked (`system` or an address).
    public var resolver: String?
    public var mx: DNSLookup<MXRecord>
    /// `_mta-sts.<domain>` TXT (RFC 8461 §3.1).
    public var stsTXT: DNSLookup<TXTRecord>
    /// `_smtp._tls.<domain>` TXT (RFC 8460 §3).
    public var tlsrptTXT: DNSLookup<TXTRecord>
    /// Addresses of `mta-sts.<domain>`; `nil` when not looked up.
    public var policyHost: DNSLookup<String>?
    /// The HTTPS fetch; `nil` when not attempted.
    public var policyFetch: PolicyFetch?
    /// One entry per MX host probed; empty when the MX hosts were not probed.
    public var mxHosts: [MXHostObservation]
    /// What the run this observation was part of saw of the checker's own reach (``RunVantage``);
    /// `nil` in observations made before it was recorded.
    public var vantage: RunVantage?

    public init(
        domain: String, observedAt: Date, resolver: String? = nil, mx: DNSLookup<MXRecord>,
        stsTXT: DNSLookup<TXTRecord>, tlsrptTXT: DNSLookup<TXTRecord>, policyHost: DNSLookup<String>? = nil,
        policyFetch: PolicyFetch? = nil, mxHosts: [MXHostObservation] = [], vantage: RunVantage? = nil
    ) {
        self.domain = domain
        self.observedAt = observedAt
        self.resolver = resolver
        self.mx = mx
        self.stsTXT = stsTXT
        self.tlsrptTXT = tlsrptTXT
        self.policyHost = policyHost
        self.policyFetch = policyFetch
        self.mxHosts = mxHosts
        self.vantage = vantage
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        domain = try c.decode(String.self, forKey: .domain)
        observedAt = try c.decode(Date.self, forKey: .observedAt)
        resolver = try c.decodeIfPresent(String.self, forKey: .resolver)
        mx = try c.decode(DNSLookup<MXRecord>.self, forKey: .mx)
        stsTXT = try c.decode(DNSLookup<TXTRecord>.self, forKey: .stsTXT)
        tlsrptTXT = try c.decode(DNSLookup<TXTRecord>.self, forKey: .tlsrptTXT)
        policyHost = try c.decodeIfPresent(DNSLookup<String>.self, forKey: .policyHost)
        policyFetch = try c.decodeIfPresent(PolicyFetch.self, forKey: .policyFetch)
        mxHosts = try c.decodeIfPresent([MXHostObservation].self, forKey: .mxHosts) ?? []
        vantage = try c.decodeIfPresent(RunVantage.self, forKey: .vantage)
    }

    /// The policy host name for the domain (RFC 8461 §3.3).
    public var policyHostName: String { "mta-sts." + MXMatcher.normalize(domain) }
    /// The well-known policy URL (RFC 8461 §3.3).
    public var policyURL: String { "https://\(policyHostName)/.well-known/mta-sts.txt" }
}

/// JSON settings shared by every reader and writer: ISO 8601 dates, sorted keys.
public enum JSONCoding {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

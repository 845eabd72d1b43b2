/// One SMTP conversation with one address of an MX host: banner, EHLO, STARTTLS (RFC 3207),
/// the handshake, QUIT. Recorded, not judged.
public struct SMTPProbe: Codable, Sendable, Hashable {
    public var address: String
    public var port: Int
    public var elapsedMilliseconds: Int?
    /// The 220 greeting, if any.
    public var banner: String?
    /// EHLO keywords advertised before TLS, upper-cased (`STARTTLS`, `SIZE`, `PIPELINING`, …).
    public var extensions: [String]
    /// `nil` when the conversation ended before EHLO was answered.
    public var starttlsOffered: Bool?
    public var tls: TLSObservation?
    public var failure: ProbeFailure?
    /// The conversation, lines prefixed `C:`/`S:`, for evidence.
    public var transcript: [String]

    public init(
        address: String, port: Int = 25, elapsedMilliseconds: Int? = nil, banner: String? = nil,
        extensions: [String] = [], starttlsOffered: Bool? = nil, tls: TLSObservation? = nil,
        failure: ProbeFailure? = nil, transcript: [String] = []
    ) {
        self.address = address
        self.port = port
        self.elapsedMilliseconds = elapsedMilliseconds
        self.banner = banner
        self.extensions = extensions
        self.starttlsOffered = starttlsOffered
        self.tls = tls
        self.failure = failure
        self.transcript = transcript
    }
}

/// One MX host: its addresses and a probe per address.
public struct MXHostObservation: Codable, Sendable, Hashable {
    public var host: String
    public var ipv4: DNSLookup<String>
    public var ipv6: DNSLookup<String>
    public var probes: [SMTPProbe]
    /// TLSA records at `_25._tcp.<host>` (RFC 7672 §2.2, RFC 6698 §2.3 presentation
    /// `usage selector type hex`). Senders that do DANE use them instead of the MTA-STS policy
    /// when the answer is DNSSEC-authenticated (RFC 8461 §2). Nil in observations made before it
    /// was recorded.
    public var tlsa: DNSLookup<String>?
    /// The TLSA base domain when it is not `host`: the final target of a DNSSEC-secure CNAME
    /// chain (RFC 7672 §2.2.3).
    public var tlsaBase: String?

    public init(host: String, ipv4: DNSLookup<String>, ipv6: DNSLookup<String>, probes: [SMTPProbe],
                tlsa: DNSLookup<String>? = nil, tlsaBase: String? = nil) {
        self.host = host
        self.ipv4 = ipv4
        self.ipv6 = ipv6
        self.probes = probes
        self.tlsa = tlsa
        self.tlsaBase = tlsaBase
    }

    public var addresses: [String] { ipv4.records + ipv6.records }
}

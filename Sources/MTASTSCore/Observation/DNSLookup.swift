/// How a DNS lookup ended. `nxdomain` (the name does not exist) and `nodata` (the name exists
/// but has no record of the type) are answers; the others are failures senders treat as
/// temporary (RFC 8461 §5: "temporary failure" versus "no policy").
public enum DNSStatus: String, Codable, Sendable, CaseIterable {
    case ok
    case nxdomain
    case nodata
    case servfail
    case refused
    case timeout
    case error

    /// The lookup gave a definite answer (records, NXDOMAIN or NODATA).
    public var isDefinite: Bool { self == .ok || self == .nxdomain || self == .nodata }
    /// The checker's own failure, not the domain's: the configured resolver did not answer in
    /// time, refused the query, or could not be reached (or sent something unreadable). A
    /// SERVFAIL is an answer: the resolver tried and the domain's DNS failed.
    public var isCheckerFailure: Bool { self == .timeout || self == .refused || self == .error }
}

/// The raw result of one DNS lookup: records, TTL, DNSSEC flag, or the failure.
public struct DNSLookup<Record: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var status: DNSStatus
    public var records: [Record]
    /// The smallest TTL of the answer RRset, seconds.
    public var ttl: UInt32?
    /// The AD bit of the response (RFC 4035 §3.2.3): the resolver validated it with DNSSEC.
    public var authenticated: Bool?
    /// CNAMEs followed on the way, in order.
    public var cnames: [String]
    /// A human-readable detail for failures.
    public var message: String?
    /// After a SERVFAIL, the same query with checking disabled (CD=1, RFC 4035 §3.2.2) got an
    /// answer: DNSSEC validation fails (bogus), the servers do not. `nil` when not asked.
    public var validationFailed: Bool?

    public init(
        status: DNSStatus, records: [Record] = [], ttl: UInt32? = nil, authenticated: Bool? = nil,
        cnames: [String] = [], message: String? = nil
    ) {
        self.status = status
        self.records = records
        self.ttl = ttl
        self.authenticated = authenticated
        self.cnames = cnames
        self.message = message
    }

    public static func answer(_ records: [Record], ttl: UInt32? = 300, authenticated: Bool? = false) -> DNSLookup {
        DNSLookup(status: records.isEmpty ? .nodata : .ok, records: records, ttl: ttl, authenticated: authenticated)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(DNSStatus.self, forKey: .status)
        records = try c.decodeIfPresent([Record].self, forKey: .records) ?? []
        ttl = try c.decodeIfPresent(UInt32.self, forKey: .ttl)
        authenticated = try c.decodeIfPresent(Bool.self, forKey: .authenticated)
        cnames = try c.decodeIfPresent([String].self, forKey: .cnames) ?? []
        message = try c.decodeIfPresent(String.self, forKey: .message)
        validationFailed = try c.decodeIfPresent(Bool.self, forKey: .validationFailed)
    }

    /// Why a SERVFAIL happened, as far as the CD=1 re-query tells (RFC 4035 §3.2.2).
    public var servfailCause: String {
        switch validationFailed {
        case true?: "SERVFAIL: DNSSEC validation fails (bogus signatures, DS without a matching DNSKEY, expired RRSIGs)"
        case false?: "SERVFAIL: the domain's nameservers fail (also with checking disabled)"
        case nil: "SERVFAIL"
        }
    }

    /// A short description of the outcome for evidence lines.
    public var summary: String {
        switch status {
        case .ok: "\(records.count) record(s), TTL \(ttl.map(String.init) ?? "?")" + (authenticated == true ? ", AD" : "")
        case .nxdomain: "NXDOMAIN"
        case .nodata: "no records (NODATA)"
        default: status.rawValue.uppercased() + (message.map { ": \($0)" } ?? "")
        }
    }
}

extension DNSLookup where Record == MXRecord {
    /// The MX host names (no null MX), lower-cased, by preference, each once; none unless the
    /// lookup answered with records.
    public var hostsByPreference: [String] {
        guard status == .ok else { return [] }
        var seen: Set<String> = []
        return records.sorted { $0.preference < $1.preference }.filter { !$0.isNull }.map(\.host).filter { seen.insert($0).inserted }
    }
}

/// One MX record (RFC 1035 §3.3.9). A null MX (RFC 7505) has exchange `.`.
public struct MXRecord: Codable, Sendable, Hashable {
    public var preference: UInt16
    public var exchange: String
    public init(preference: UInt16, exchange: String) {
        self.preference = preference
        self.exchange = exchange
    }
    /// RFC 7505 §3: a single MX with an empty (root) exchange means "no mail".
    public var isNull: Bool { exchange == "." || exchange.isEmpty }
    /// The exchange without a trailing dot, lower-cased.
    public var host: String { MXMatcher.normalize(exchange) }
}

/// Decoded RDATA of a resource record.
///
/// Domain names are in presentation form (see ``DNSName``), with the root
/// written `"."`. Types without a case here, and A/AAAA in classes other than
/// IN, come back as ``other(type:data:)`` with the RDATA bytes untouched
/// (RFC 3597 §4, §5).
public enum DNSRData: Sendable, Hashable {
    /// IPv4 address in dotted-decimal, e.g. `"192.0.2.1"` (RFC 1035 §3.4.1).
    case a(String)
    /// IPv6 address in RFC 5952 §4 canonical text: lower-case hex, no leading
    /// zeros, the longest run (first on a tie) of two or more zero groups as
    /// `::`; IPv4-mapped addresses as `::ffff:192.0.2.1` (RFC 5952 §5).
    /// The RDATA is 16 octets (RFC 3596 §2.2).
    case aaaa(String)
    /// NSDNAME (RFC 1035 §3.3.11).
    case ns(String)
    /// CNAME (RFC 1035 §3.3.1).
    case cname(String)
    /// PREFERENCE and EXCHANGE (RFC 1035 §3.3.9); a null MX has exchange `"."`
    /// (RFC 7505 §3).
    case mx(preference: UInt16, exchange: String)
    /// The character-strings, each kept separate and as raw bytes
    /// (RFC 1035 §3.3.14, §3.3). Join them yourself where a protocol says so
    /// (e.g. RFC 8461 §3.1 for MTA-STS TXT records). RFC 1035 asks for at
    /// least one string; an empty RDATA is tolerated and yields `[]`.
    case txt([[UInt8]])
    /// SOA fields (RFC 1035 §3.3.13).
    case soa(mname: String, rname: String, serial: UInt32, refresh: UInt32, retry: UInt32, expire: UInt32, minimum: UInt32)
    /// Certificate usage, selector, matching type and certificate association
    /// data (RFC 6698 §2.1).
    case tlsa(usage: UInt8, selector: UInt8, matchingType: UInt8, data: [UInt8])
    /// The options of an OPT pseudo-record (RFC 6891 §6.1.2); its other fields
    /// are in ``DNSMessage/edns``.
    case opt(options: [DNSEDNSOption])
    /// Any other TYPE, raw (RFC 3597 §5); RRSIG (RFC 4034 §3.1) lands here.
    case other(type: UInt16, data: [UInt8])
}

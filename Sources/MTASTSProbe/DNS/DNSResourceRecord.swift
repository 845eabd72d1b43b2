/// One resource record of the answer, authority or additional section
/// (RFC 1035 §4.1.3, §3.2.1).
public struct DNSResourceRecord: Sendable, Hashable {
    /// Owner NAME in presentation form, case kept as received (see ``DNSName``).
    public var name: String
    /// TYPE (RFC 1035 §3.2.2).
    public var type: DNSRecordType
    /// CLASS (RFC 1035 §3.2.4); for OPT, the UDP payload size (RFC 6891 §6.1.2).
    public var dnsClass: DNSClass
    /// TTL in seconds, kept as received as an unsigned 32-bit value
    /// (RFC 1035 §3.2.1; RFC 2181 §8 says to treat values with the top bit set
    /// as zero). For OPT it holds the extended RCODE, version and flags
    /// (RFC 6891 §6.1.3).
    public var ttl: UInt32
    /// The decoded RDATA.
    public var rdata: DNSRData

    public init(name: String, type: DNSRecordType, dnsClass: DNSClass = .internet, ttl: UInt32, rdata: DNSRData) {
        self.name = name
        self.type = type
        self.dnsClass = dnsClass
        self.ttl = ttl
        self.rdata = rdata
    }
}

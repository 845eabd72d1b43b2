/// One entry of the question section (RFC 1035 §4.1.2).
public struct DNSQuestion: Sendable, Hashable {
    /// QNAME in presentation form (see ``DNSName``).
    public var name: String
    /// QTYPE (RFC 1035 §3.2.3).
    public var type: DNSRecordType
    /// QCLASS (RFC 1035 §3.2.5).
    public var dnsClass: DNSClass

    public init(name: String, type: DNSRecordType, dnsClass: DNSClass = .internet) {
        self.name = name
        self.type = type
        self.dnsClass = dnsClass
    }
}

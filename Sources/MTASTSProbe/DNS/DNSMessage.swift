/// A decoded DNS message (RFC 1035 §4.1).
public struct DNSMessage: Sendable, Hashable {
    /// ID (RFC 1035 §4.1.1).
    public var id: UInt16
    /// Header flags (RFC 1035 §4.1.1, RFC 4035 §3.2.2/§3.2.3).
    public var flags: DNSHeaderFlags
    /// RCODE: the header's 4 bits, extended with the OPT record's upper 8 bits
    /// when an OPT record is present (RFC 6891 §6.1.3).
    public var rcode: DNSResponseCode
    /// Question section (RFC 1035 §4.1.2).
    public var questions: [DNSQuestion]
    /// Answer section (RFC 1035 §4.1.3).
    public var answers: [DNSResourceRecord]
    /// Authority section (RFC 1035 §4.1.3).
    public var authority: [DNSResourceRecord]
    /// Additional section (RFC 1035 §4.1.3); the OPT record, if any, stays in
    /// it as well as being summarised in ``edns``.
    public var additional: [DNSResourceRecord]
    /// EDNS(0) parameters from the OPT record, or nil when there is none
    /// (RFC 6891 §6.1.1).
    public var edns: DNSEDNS?

    public init(
        id: UInt16, flags: DNSHeaderFlags, rcode: DNSResponseCode = .noError,
        questions: [DNSQuestion] = [], answers: [DNSResourceRecord] = [],
        authority: [DNSResourceRecord] = [], additional: [DNSResourceRecord] = [],
        edns: DNSEDNS? = nil
    ) {
        self.id = id
        self.flags = flags
        self.rcode = rcode
        self.questions = questions
        self.answers = answers
        self.authority = authority
        self.additional = additional
        self.edns = edns
    }

    /// The TC bit: the answer did not fit and should be retried over TCP
    /// (RFC 1035 §4.1.1, §4.2.1; RFC 7766 §5). A truncated UDP response may
    /// also have fewer records than its header counts announced (see
    /// ``DNSMessageDecoder``).
    public var isTruncated: Bool { flags.tc }

    /// Records of `type` in `section` (answer by default), in wire order.
    /// The question section holds no records, so it yields an empty array.
    public func records(ofType type: DNSRecordType, in section: DNSSection = .answer) -> [DNSResourceRecord] {
        let pool: [DNSResourceRecord]
        switch section {
        case .question: pool = []
        case .answer: pool = answers
        case .authority: pool = authority
        case .additional: pool = additional
        }
        return pool.filter { $0.type == type }
    }
}

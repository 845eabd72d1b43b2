/// The four sections after the DNS header (RFC 1035 §4.1).
public enum DNSSection: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// QDCOUNT entries (RFC 1035 §4.1.2).
    case question
    /// ANCOUNT records (RFC 1035 §4.1.3).
    case answer
    /// NSCOUNT records (RFC 1035 §4.1.3).
    case authority
    /// ARCOUNT records, including the OPT pseudo-record (RFC 6891 §6.1.1).
    case additional

    public var description: String {
        switch self {
        case .question: "question"
        case .answer: "answer"
        case .authority: "authority"
        case .additional: "additional"
        }
    }
}

/// Why one query to one server gave no usable answer.
enum DNSExchangeFailure: Error, Sendable, Equatable {
    case timeout
    /// ICMP port unreachable on a connected UDP socket, or TCP connection refused.
    case refused(String)
    case network(String)
    /// The answer did not decode (kept for evidence).
    case malformed(String)
}

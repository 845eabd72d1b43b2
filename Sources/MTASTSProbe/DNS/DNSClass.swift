/// A DNS CLASS / QCLASS value (RFC 1035 §3.2.4, §3.2.5).
///
/// For an OPT pseudo-record this field carries the requestor's UDP payload
/// size instead of a class (RFC 6891 §6.1.2); use ``DNSMessage/edns`` for it.
public struct DNSClass: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// IN, the Internet (RFC 1035 §3.2.4).
    public static let internet = DNSClass(rawValue: 1)
    /// CH, Chaos (RFC 1035 §3.2.4).
    public static let chaos = DNSClass(rawValue: 3)
    /// `*`, any class; QCLASS only (RFC 1035 §3.2.5).
    public static let any = DNSClass(rawValue: 255)

    /// Mnemonic, or `CLASSnnn` for other values (RFC 3597 §5).
    public var description: String {
        switch rawValue {
        case 1: "IN"
        case 3: "CH"
        case 255: "ANY"
        default: "CLASS\(rawValue)"
        }
    }
}

/// A DNS resource record TYPE / question QTYPE value.
///
/// - RFC 1035 §3.2.2 (TYPE values) and §3.2.3 (QTYPE values): a 16-bit field.
/// - RFC 3596 §2.1 (AAAA = 28), RFC 6891 §6.1.1 (OPT = 41),
///   RFC 4034 §3 / RFC 4035 §2.2 (RRSIG = 46), RFC 6698 §7.1 (TLSA = 52).
///
/// Equality and hashing use the numeric value, so `.other(1) == .a`;
/// ``init(rawValue:)`` always normalises known numbers to their named case.
public enum DNSRecordType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    case a
    case ns
    case cname
    case soa
    case mx
    case txt
    case aaaa
    case opt
    case rrsig
    case tlsa
    /// Any TYPE this codec does not name; its RDATA is kept raw (RFC 3597 §5).
    case other(UInt16)

    public init(rawValue: UInt16) {
        switch rawValue {
        case 1: self = .a
        case 2: self = .ns
        case 5: self = .cname
        case 6: self = .soa
        case 15: self = .mx
        case 16: self = .txt
        case 28: self = .aaaa
        case 41: self = .opt
        case 46: self = .rrsig
        case 52: self = .tlsa
        default: self = .other(rawValue)
        }
    }

    public var rawValue: UInt16 {
        switch self {
        case .a: 1
        case .ns: 2
        case .cname: 5
        case .soa: 6
        case .mx: 15
        case .txt: 16
        case .aaaa: 28
        case .opt: 41
        case .rrsig: 46
        case .tlsa: 52
        case .other(let value): value
        }
    }

    public static func == (lhs: DNSRecordType, rhs: DNSRecordType) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// Mnemonic, or `TYPEnnn` for unnamed types (RFC 3597 §5).
    public var description: String {
        switch DNSRecordType(rawValue: rawValue) {
        case .a: "A"
        case .ns: "NS"
        case .cname: "CNAME"
        case .soa: "SOA"
        case .mx: "MX"
        case .txt: "TXT"
        case .aaaa: "AAAA"
        case .opt: "OPT"
        case .rrsig: "RRSIG"
        case .tlsa: "TLSA"
        case .other(let value): "TYPE\(value)"
        }
    }
}

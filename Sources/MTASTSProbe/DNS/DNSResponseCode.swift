/// A DNS response code.
///
/// The header carries the low 4 bits (RFC 1035 §4.1.1); when the response has
/// an OPT record, its TTL field supplies the upper 8 bits of a 12-bit code
/// (RFC 6891 §6.1.3). ``DNSMessageDecoder`` combines the two.
///
/// Equality and hashing use the numeric value, so `.other(3) == .nxDomain`.
public enum DNSResponseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// 0, no error (RFC 1035 §4.1.1).
    case noError
    /// 1, format error (RFC 1035 §4.1.1).
    case formErr
    /// 2, server failure (RFC 1035 §4.1.1).
    case servFail
    /// 3, name error: the name does not exist (RFC 1035 §4.1.1).
    case nxDomain
    /// 4, not implemented (RFC 1035 §4.1.1).
    case notImp
    /// 5, refused (RFC 1035 §4.1.1).
    case refused
    /// Any other 12-bit value, e.g. 16 = BADVERS (RFC 6891 §9).
    case other(UInt16)

    public init(rawValue: UInt16) {
        switch rawValue {
        case 0: self = .noError
        case 1: self = .formErr
        case 2: self = .servFail
        case 3: self = .nxDomain
        case 4: self = .notImp
        case 5: self = .refused
        default: self = .other(rawValue)
        }
    }

    public var rawValue: UInt16 {
        switch self {
        case .noError: 0
        case .formErr: 1
        case .servFail: 2
        case .nxDomain: 3
        case .notImp: 4
        case .refused: 5
        case .other(let value): value
        }
    }

    public static func == (lhs: DNSResponseCode, rhs: DNSResponseCode) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    public var description: String {
        switch DNSResponseCode(rawValue: rawValue) {
        case .noError: "NOERROR"
        case .formErr: "FORMERR"
        case .servFail: "SERVFAIL"
        case .nxDomain: "NXDOMAIN"
        case .notImp: "NOTIMP"
        case .refused: "REFUSED"
        case .other(let value): value == 16 ? "BADVERS" : "RCODE\(value)"
        }
    }
}

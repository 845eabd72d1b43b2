/// Why a name or message could not be encoded.
///
/// Positions are offsets into the name's UTF-8 bytes.
public enum DNSEncodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name was the empty string; write the root as `"."` (RFC 1035 §5.1).
    case emptyName
    /// Two dots in a row, or a leading dot: only the root label may be empty
    /// (RFC 1035 §3.1).
    case emptyLabel(position: Int)
    /// A label longer than 63 octets (RFC 1035 §2.3.4, §3.1).
    case labelTooLong(length: Int)
    /// A name longer than 255 octets in wire form, length octets and the
    /// root's zero octet included (RFC 1035 §2.3.4, §3.1).
    case nameTooLong(length: Int)
    /// A `\` not followed by a character or by exactly three decimal digits
    /// with a value up to 255 (RFC 1035 §5.1).
    case invalidEscape(position: Int)
    /// An unescaped byte outside printable ASCII (0x21-0x7E): spaces, control
    /// characters and non-ASCII must be written as `\DDD` (RFC 1035 §5.1);
    /// internationalised names must be converted to A-labels first.
    case invalidCharacter(byte: UInt8, position: Int)
    /// A message over 65,535 octets cannot take the 2-octet TCP length prefix
    /// (RFC 1035 §4.2.2).
    case messageTooLong(length: Int)

    public var description: String {
        switch self {
        case .emptyName: "empty domain name (write the root as \".\")"
        case .emptyLabel(let position): "empty label at offset \(position)"
        case .labelTooLong(let length): "label of \(length) octets exceeds 63"
        case .nameTooLong(let length): "name of \(length) octets exceeds 255"
        case .invalidEscape(let position): "invalid escape at offset \(position)"
        case .invalidCharacter(let byte, let position): "character 0x\(String(byte, radix: 16)) at offset \(position) must be escaped"
        case .messageTooLong(let length): "message of \(length) octets exceeds 65535"
        }
    }
}

/// A domain name as a sequence of labels (RFC 1035 §3.1), without the root
/// label.
///
/// Presentation form, used for every name this codec hands out as a `String`:
/// - labels joined with `.`, no trailing dot; the root alone is `"."`;
/// - case kept as received (comparisons are the caller's business, and
///   case-insensitive per RFC 4343 §3);
/// - inside a label, `.` is written `\.` and `\` is written `\\`; bytes
///   outside printable ASCII 0x21-0x7E (space included) are written `\DDD` in
///   decimal (RFC 1035 §5.1). Nothing else is escaped.
///
/// Parsing accepts the same form, an optional trailing dot, and `\X` for any
/// printable ASCII `X`.
public struct DNSName: Sendable, Hashable, CustomStringConvertible {
    /// Longest label, in octets (RFC 1035 §2.3.4).
    public static let maxLabelLength = 63
    /// Longest name in wire form, length octets and the final zero octet
    /// included (RFC 1035 §2.3.4).
    public static let maxWireLength = 255

    /// The root name, `"."`.
    public static let root = DNSName(validatedLabels: [])

    /// Labels from the leftmost; the root's empty label is not included.
    public let labels: [[UInt8]]

    private init(validatedLabels: [[UInt8]]) {
        labels = validatedLabels
    }

    /// Builds a name from raw labels, checking the RFC 1035 §2.3.4 limits.
    public init(labels: [[UInt8]]) throws(DNSEncodeError) {
        var wireLength = 1
        for label in labels {
            guard !label.isEmpty else { throw .emptyLabel(position: 0) }
            guard label.count <= Self.maxLabelLength else { throw .labelTooLong(length: label.count) }
            wireLength += 1 + label.count
            guard wireLength <= Self.maxWireLength else { throw .nameTooLong(length: wireLength) }
        }
        self.labels = labels
    }

    /// Parses a name in presentation form (RFC 1035 §5.1); a trailing dot is
    /// optional.
    public init(parsing text: String) throws(DNSEncodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .emptyName }
        if bytes == [UInt8(ascii: ".")] {
            self = .root
            return
        }
        var labels: [[UInt8]] = []
        var current: [UInt8] = []
        var wireLength = 1
        var index = 0

        func finishLabel() throws(DNSEncodeError) {
            guard current.count <= Self.maxLabelLength else { throw .labelTooLong(length: current.count) }
            wireLength += 1 + current.count
            guard wireLength <= Self.maxWireLength else { throw .nameTooLong(length: wireLength) }
            labels.append(current)
            current = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw .invalidEscape(position: index) }
                let next = bytes[index + 1]
                if Self.isDigit(next) {
                    guard index + 3 < bytes.count,
                          Self.isDigit(bytes[index + 2]), Self.isDigit(bytes[index + 3])
                    else { throw .invalidEscape(position: index) }
                    let value = Int(next &- 48) * 100 + Int(bytes[index + 2] &- 48) * 10 + Int(bytes[index + 3] &- 48)
                    guard value <= 255 else { throw .invalidEscape(position: index) }
                    current.append(UInt8(value))
                    index += 4
                } else {
                    guard next >= 0x20, next <= 0x7E else { throw .invalidEscape(position: index) }
                    current.append(next)
                    index += 2
                }
            case UInt8(ascii: "."):
                guard !current.isEmpty else { throw .emptyLabel(position: index) }
                try finishLabel()
                index += 1
            case 0x21...0x7E:
                current.append(byte)
                index += 1
            default:
                throw .invalidCharacter(byte: byte, position: index)
            }
            // Stop early on absurd input instead of buffering it.
            guard current.count <= Self.maxLabelLength else { throw .labelTooLong(length: current.count) }
        }
        if !current.isEmpty {
            try finishLabel()
        }
        self.labels = labels
    }

    public var isRoot: Bool { labels.isEmpty }

    /// Octets in uncompressed wire form, the final zero octet included.
    public var wireLength: Int {
        labels.reduce(1) { $0 + 1 + $1.count }
    }

    /// Uncompressed wire form: each label as a length octet and its octets,
    /// then the zero-length root label (RFC 1035 §3.1).
    public var wireFormat: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(wireLength)
        for label in labels {
            out.append(UInt8(label.count))
            out.append(contentsOf: label)
        }
        out.append(0)
        return out
    }

    /// Presentation form (see the type's documentation).
    public var description: String {
        guard !labels.isEmpty else { return "." }
        var out: [UInt8] = []
        for (position, label) in labels.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ".")) }
            Self.appendPresentation(of: label, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one label in presentation form (RFC 1035 §5.1 escapes).
    static func appendPresentation(of label: some Collection<UInt8>, to out: inout [UInt8]) {
        for byte in label {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x21...0x7E:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(48 + byte / 100)
                out.append(48 + (byte / 10) % 10)
                out.append(48 + byte % 10)
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

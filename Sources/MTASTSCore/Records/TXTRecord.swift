/// One DNS TXT record as its separate character-strings (RFC 1035 §3.3.14).
///
/// Resolvers hand back the strings separately; MTA-STS and TLS-RPT readers concatenate them
/// with no separator (RFC 8461 §3.1, RFC 7208 §3.3 practice). Bytes that are not UTF-8 are kept
/// as U+FFFD so the parsers can flag them.
public struct TXTRecord: Codable, Sendable, Hashable {
    public var strings: [String]

    public init(strings: [String]) { self.strings = strings }
    public init(_ text: String) { self.strings = [text] }

    /// The record's text: the character-strings joined with nothing in between.
    public var text: String { strings.joined() }
}

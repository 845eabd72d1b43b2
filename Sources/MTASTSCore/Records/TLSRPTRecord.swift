/// A parsed `_smtp._tls` TXT record (RFC 8460 §3).
public struct TLSRPTRecord: Codable, Sendable, Hashable {
    /// Always `TLSRPTv1`.
    public var version: String
    /// Where reports go: `mailto:` and `https:` URIs, in record order.
    public var rua: [String]
    /// Extension fields; senders ignore them.
    public var extensions: [NameValue]

    public init(version: String = "TLSRPTv1", rua: [String], extensions: [NameValue] = []) {
        self.version = version
        self.rua = rua
        self.extensions = extensions
    }

    public var text: String {
        (["v=\(version)", "rua=" + rua.joined(separator: ",")] + extensions.map { "\($0.name)=\($0.value)" })
            .joined(separator: "; ")
    }
}

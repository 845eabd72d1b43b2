/// A parsed `_mta-sts` TXT record (RFC 8461 §3.1).
public struct STSRecord: Codable, Sendable, Hashable {
    /// Always `STSv1`.
    public var version: String
    /// The policy instance id: 1–32 letters and digits. A new id tells senders to re-fetch.
    public var id: String
    /// Extension fields, in record order; senders ignore them.
    public var extensions: [NameValue]

    public init(version: String = "STSv1", id: String, extensions: [NameValue] = []) {
        self.version = version
        self.id = id
        self.extensions = extensions
    }

    /// The record text as it should be published.
    public var text: String {
        (["v=\(version)", "id=\(id)"] + extensions.map { "\($0.name)=\($0.value)" }).joined(separator: "; ") + ";"
    }
}

/// A name/value pair kept in order (extension fields, HTTP headers).
public struct NameValue: Codable, Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

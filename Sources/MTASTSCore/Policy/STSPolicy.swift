/// The policy mode (RFC 8461 §3.2, §5). Values are case-sensitive.
public enum STSMode: String, Codable, Sendable, CaseIterable {
    /// Senders must not deliver to an MX that fails validation.
    case enforce
    /// Senders deliver anyway and report failures (TLS-RPT).
    case testing
    /// The domain is withdrawing its policy (RFC 8461 §8.3).
    case none
}

/// A parsed MTA-STS policy file (RFC 8461 §3.2).
public struct STSPolicy: Codable, Sendable, Hashable {
    public var version: String
    public var mode: STSMode
    /// Seconds senders may cache the policy, 0…31557600.
    public var maxAge: Int
    /// `mx` patterns in file order, as written.
    public var mx: [String]
    /// Fields senders ignore, in file order.
    public var extensions: [NameValue]

    public init(version: String = "STSv1", mode: STSMode, maxAge: Int, mx: [String], extensions: [NameValue] = []) {
        self.version = version
        self.mode = mode
        self.maxAge = maxAge
        self.mx = mx
        self.extensions = extensions
    }

    /// The largest `max_age` senders accept (RFC 8461 §3.2): one year of 365.25 days.
    public static let maxAgeLimit = 31_557_600

    /// The policy written as a file, one field per line with `terminator` after each.
    public func text(terminator: String = "\r\n") -> String {
        var lines = ["version: \(version)", "mode: \(mode.rawValue)"]
        lines += mx.map { "mx: \($0)" }
        lines.append("max_age: \(maxAge)")
        lines += extensions.map { "\($0.name): \($0.value)" }
        return lines.map { $0 + terminator }.joined()
    }
}

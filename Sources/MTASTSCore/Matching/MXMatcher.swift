/// Whether an MX host is covered by a policy's `mx` patterns (RFC 8461 §4.1).
public enum MXMatcher {
    /// RFC 8461 §4.1: a pattern matches a host exactly, or, as `*.suffix`, when the host is one
    /// label followed by `.suffix` — "a wildcard matches only a single leftmost label", so
    /// `*.example.com` covers `mail.example.com` but neither `example.com` nor
    /// `a.mail.example.com`. Comparison is case-insensitive (RFC 4343) and a trailing dot on
    /// either side is ignored.
    ///
    /// The host is a DNS name: an IP address matches no pattern, not even a wildcard whose
    /// suffix its last octets happen to spell (`*.0.2.1` and `192.0.2.1`); MX records name hosts
    /// (RFC 5321 §5.1) and patterns are `Domain`s (RFC 8461 §3.2). A host given as U-labels is
    /// converted to A-labels first (``HostName``), as the names in DNS are. The pattern is not
    /// converted: the grammar allows only LDH labels, and a U-label pattern never matches at
    /// senders (``MXPattern`` reports it).
    public static func matches(pattern: String, host: String) -> Bool {
        let pattern = normalize(pattern)
        guard let host = HostName.matchingForm(host), !pattern.isEmpty, !host.isEmpty else { return false }
        if pattern.hasPrefix("*.") {
            let suffix = pattern.dropFirst(2)
            guard !suffix.isEmpty, host.hasSuffix("." + suffix) else { return false }
            let label = host.dropLast(suffix.count + 1)
            return !label.isEmpty && !label.contains(".")
        }
        return pattern == host
    }

    /// The first pattern covering `host`, if any.
    public static func firstMatch(in patterns: [String], host: String) -> String? {
        patterns.first { matches(pattern: $0, host: host) }
    }

    /// A wildcard pattern that would cover `host` if wildcards spanned several labels:
    /// the case real senders reject and some checkers accept.
    public static func deeperWildcard(in patterns: [String], host: String) -> String? {
        guard let host = HostName.matchingForm(host) else { return nil }
        return patterns.first { pattern in
            let p = normalize(pattern)
            guard p.hasPrefix("*.") else { return false }
            return host.hasSuffix("." + p.dropFirst(2)) && !matches(pattern: p, host: host)
        }
    }

    /// Lower-cases ASCII letters and drops one trailing dot.
    public static func normalize(_ name: String) -> String {
        var name = Substring(name)
        if name.hasSuffix(".") { name = name.dropLast() }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (scalar.value >= 0x41 && scalar.value <= 0x5A) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }
}

/// Whether a certificate is valid for a host name: RFC 6125 §6.4 DNS-ID matching, as RFC 8461
/// §4.2 (MX hosts) and §3.3 (policy host) require.
public enum CertificateNameMatcher {
    /// RFC 6125 §6.4.3: a `*` is allowed only as the complete leftmost label and matches exactly
    /// one label; comparison is case-insensitive. The subject CN is not consulted when DNS-IDs
    /// are present (§6.4.4); certificates without any subjectAltName dNSName do not match,
    /// since current senders (and the CA/Browser Forum rules) ignore the CN.
    public static func matches(certificate: CertificateInfo, host: String) -> Bool {
        certificate.dnsNames.contains { matches(dnsName: $0, host: host) }
    }

    public static func matches(dnsName: String, host: String) -> Bool {
        let name = MXMatcher.normalize(dnsName)
        let host = MXMatcher.normalize(host)
        guard !name.isEmpty, !host.isEmpty else { return false }
        if name.hasPrefix("*.") {
            let suffix = name.dropFirst(2)
            // A wildcard over a single label (`*.com`) is never valid.
            guard suffix.contains("."), host.hasSuffix("." + suffix) else { return false }
            let label = host.dropLast(suffix.count + 1)
            return !label.isEmpty && !label.contains(".")
        }
        return name == host
    }
}

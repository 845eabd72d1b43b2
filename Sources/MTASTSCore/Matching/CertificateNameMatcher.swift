/// Whether a certificate is valid for a host name: RFC 6125 §6.4 DNS-ID matching, as RFC 8461
/// §4.2 (MX hosts) and §3.3 (policy host) require.
public enum CertificateNameMatcher {
    /// RFC 6125 §6.4.3: a `*` is allowed only as the complete leftmost label and matches exactly
    /// one label; comparison is case-insensitive. The subject CN is not consulted when DNS-IDs
    /// are present (§6.4.4); certificates without any subjectAltName dNSName do not match,
    /// since current senders (and the CA/Browser Forum rules) ignore the CN.
    ///
    /// The reference identifier is a DNS name (the MX host, `mta-sts.<domain>`). An IP address
    /// is not one: it is never matched against a DNS-ID, wildcard or not (RFC 6125 §6.4 covers
    /// DNS domain names only and leaves IP addresses out of scope, §1.7.2; an iPAddress
    /// subjectAltName is a different type, RFC 5280 §4.2.1.6). A host given as U-labels is
    /// converted to A-labels before the comparison (RFC 6125 §6.4.2). The DNS-ID itself is not
    /// converted: a dNSName is an IA5String of A-labels (RFC 5280 §4.2.1.6), and one written in
    /// U-labels matches nothing.
    public static func matches(certificate: CertificateInfo, host: String) -> Bool {
        certificate.dnsNames.contains { matches(dnsName: $0, host: host) }
    }

    public static func matches(dnsName: String, host: String) -> Bool {
        let name = MXMatcher.normalize(dnsName)
        guard let host = HostName.matchingForm(host), !name.isEmpty, !host.isEmpty else { return false }
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

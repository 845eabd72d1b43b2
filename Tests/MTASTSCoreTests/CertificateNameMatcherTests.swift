import Foundation
import Testing
@testable import MTASTSCore

/// RFC 6125 §6.4 DNS-ID matching, required for MX hosts (RFC 8461 §4.2) and the policy host
/// (§3.3): `*` only as the whole leftmost label, one label, case-insensitive; the CN is not
/// used.
@Suite("Certificate name matching (RFC 6125 §6.4)")
struct CertificateNameMatcherTests {
    @Test("matches", arguments: [
        ("mail.example.com", "mail.example.com"),
        ("MAIL.example.COM", "mail.EXAMPLE.com"),
        ("mail.example.com.", "mail.example.com"),
        ("*.example.com", "mail.example.com"),
        ("*.example.com", "mta-sts.example.com"),
    ])
    func matches(_ name: String, _ host: String) {
        #expect(CertificateNameMatcher.matches(dnsName: name, host: host))
    }

    @Test("does not match", arguments: [
        ("*.example.com", "example.com", "the wildcard needs a label"),
        ("*.example.com", "mx1.mail.example.com", "the wildcard covers one label"),
        ("*.com", "example.com", "a wildcard over a top-level domain is never valid"),
        ("m*.example.com", "mail.example.com", "partial-label wildcards are not honoured"),
        ("mail.*.com", "mail.example.com", "wildcard not leftmost"),
        ("mail.example.com", "mx.example.com", "different host"),
        ("", "mail.example.com", "empty name"),
    ])
    func noMatch(_ name: String, _ host: String, _ reason: String) {
        #expect(!CertificateNameMatcher.matches(dnsName: name, host: host), "\(reason)")
    }

    @Test("any subjectAltName may match; the CN alone never does")
    func certificate() {
        let withSAN = Fixture.certificate(names: ["other.example.net", "*.example.com"])
        #expect(CertificateNameMatcher.matches(certificate: withSAN, host: "mx1.example.com"))
        #expect(!CertificateNameMatcher.matches(certificate: withSAN, host: "example.com"))
        let cnOnly = Fixture.certificate(names: [], subject: "CN=mx1.example.com")
        #expect(!CertificateNameMatcher.matches(certificate: cnOnly, host: "mx1.example.com"))
    }
}

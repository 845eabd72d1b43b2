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

    /// RFC 6125 §6.4 matches DNS domain names; an IP address is out of its scope (§1.7.2) and is
    /// never compared with a DNS-ID, wildcard or not.
    @Test("an IP address never matches a DNS-ID", arguments: [
        ("*.0.2.1", "192.0.2.1"),
        ("192.0.2.1", "192.0.2.1"),
        ("*.0.2.1", "１９２．０．２．１"),
        ("2001:db8::1", "2001:db8::1"),
        ("[192.0.2.1]", "[192.0.2.1]"),
    ])
    func ipAddress(_ name: String, _ host: String) {
        #expect(!CertificateNameMatcher.matches(dnsName: name, host: host))
        let certificate = Fixture.certificate(names: [name])
        #expect(!CertificateNameMatcher.matches(certificate: certificate, host: host))
    }

    /// RFC 6125 §6.4.2: "an implementation MUST convert any U-labels in the domain name to
    /// A-labels before checking the domain name".
    @Test("a host given as U-labels is converted to A-labels first", arguments: [
        ("mx.xn--bcher-kva.example", "mx.bücher.example"),
        ("*.xn--bcher-kva.example", "MX.BÜCHER.example"),
        ("*.xn--caf-dma.example", "mta-sts.cafe\u{0301}.example"),
        ("mail.example.com", "ｍａｉｌ．ｅｘａｍｐｌｅ．ｃｏｍ"),
    ])
    func uLabelHost(_ name: String, _ host: String) {
        #expect(CertificateNameMatcher.matches(dnsName: name, host: host))
    }

    @Test("a dNSName in U-labels (not an IA5String of A-labels) matches nothing")
    func uLabelName() {
        #expect(!CertificateNameMatcher.matches(dnsName: "mx.bücher.example", host: "mx.xn--bcher-kva.example"))
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

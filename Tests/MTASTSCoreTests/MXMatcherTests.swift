import Testing
@testable import MTASTSCore

/// RFC 8461 §4.1: an MX host is valid when it matches a pattern of the policy; "*" matches a
/// single leftmost label. Host names compare case-insensitively (RFC 4343) and a trailing dot
/// (absolute name) makes no difference.
@Suite("MX matching (RFC 8461 §4.1)")
struct MXMatcherTests {
    @Test("matches", arguments: [
        ("mail.example.com", "mail.example.com"),
        ("mail.example.com", "MAIL.Example.COM"),
        ("MAIL.EXAMPLE.COM", "mail.example.com"),
        ("mail.example.com", "mail.example.com."),
        ("mail.example.com.", "mail.example.com"),
        ("*.example.com", "mail.example.com"),
        ("*.example.com", "MX1.EXAMPLE.COM."),
        ("*.EXAMPLE.com.", "mx-1.example.com"),
        ("*.mail.protection.outlook.com", "example-com.mail.protection.outlook.com"),
    ])
    func matches(_ pattern: String, _ host: String) {
        #expect(MXMatcher.matches(pattern: pattern, host: host))
    }

    @Test("does not match", arguments: [
        ("*.example.com", "example.com", "the wildcard needs a label"),
        ("*.example.com", "a.b.example.com", "the wildcard covers one label only"),
        ("*.example.com", "a.mail.example.com", "the wildcard covers one label only"),
        ("*.example.com", ".example.com", "an empty label is not a label"),
        ("*.example.com", "mail.example.org", "different suffix"),
        ("*.example.com", "mailexample.com", "suffix must start at a label boundary"),
        ("mail.example.com", "mail2.example.com", "different host"),
        ("mail.example.com", "example.com", "parent domain"),
        ("mail.example.com", "a.mail.example.com", "subdomain"),
        ("example.com", "*.example.com", "a host `*.` is not a pattern"),
        ("", "mail.example.com", "empty pattern"),
        ("mail.example.com", "", "empty host"),
        ("*.", "mail", "wildcard over nothing"),
        ("*", "mail.example.com", "bare `*` is not a wildcard"),
        ("*.mx.microsoft", "a.b.mx.microsoft", "the case some checkers get wrong"),
    ])
    func noMatch(_ pattern: String, _ host: String, _ reason: String) {
        #expect(!MXMatcher.matches(pattern: pattern, host: host), "\(reason)")
    }

    /// An IP address is not a DNS name: no pattern covers it, not even one whose suffix its
    /// last octets spell (RFC 8461 §4.1, §3.2 `Domain`; RFC 1123 §2.1).
    @Test("an IP address never matches, wildcard or exact", arguments: [
        ("*.0.2.1", "192.0.2.1"),
        ("*.0.2.1.", "192.0.2.1."),
        ("192.0.2.1", "192.0.2.1"),
        ("*.db8::1", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("[192.0.2.1]", "[192.0.2.1]"),
        ("*.0.2.1", "１９２．０．２．１"),
    ])
    func ipAddressNeverMatches(_ pattern: String, _ host: String) {
        #expect(!MXMatcher.matches(pattern: pattern, host: host))
        #expect(MXMatcher.firstMatch(in: [pattern], host: host) == nil)
        #expect(MXMatcher.deeperWildcard(in: [pattern, "*.2.1"], host: host) == nil)
    }

    /// MX names in DNS are A-labels; a host typed as U-labels is converted first (RFC 6125
    /// §6.4.2 practice, the same conversion senders apply to a name before looking it up).
    @Test("a host given as U-labels matches the A-label pattern", arguments: [
        ("mx.xn--bcher-kva.example", "mx.bücher.example"),
        ("*.xn--bcher-kva.example", "MX.BÜCHER.example"),
        ("*.xn--bcher-kva.example", "mx.bu\u{0308}cher.example"),
        ("mail.example.com", "ｍａｉｌ．ｅｘａｍｐｌｅ．ｃｏｍ"),
    ])
    func uLabelHost(_ pattern: String, _ host: String) {
        #expect(MXMatcher.matches(pattern: pattern, host: host))
    }

    @Test("a U-label pattern is not converted: it matches no host, as MXPattern reports")
    func uLabelPattern() {
        #expect(!MXMatcher.matches(pattern: "*.bücher.example", host: "mx.xn--bcher-kva.example"))
        #expect(!MXMatcher.matches(pattern: "*.bücher.example", host: "mx.bücher.example"))
    }

    @Test("firstMatch returns the first covering pattern in policy order")
    func firstMatch() {
        let patterns = ["backup.example.net", "*.example.com", "mail.example.com"]
        #expect(MXMatcher.firstMatch(in: patterns, host: "mail.example.com") == "*.example.com")
        #expect(MXMatcher.firstMatch(in: patterns, host: "Backup.Example.Net.") == "backup.example.net")
        #expect(MXMatcher.firstMatch(in: patterns, host: "example.com") == nil)
        #expect(MXMatcher.firstMatch(in: [], host: "example.com") == nil)
    }

    @Test("deeperWildcard finds the wildcard that would cover a deeper host if wildcards spanned labels")
    func deeperWildcard() {
        #expect(MXMatcher.deeperWildcard(in: ["*.mx.microsoft"], host: "a.b.mx.microsoft") == "*.mx.microsoft")
        #expect(MXMatcher.deeperWildcard(in: ["mail.example.com", "*.Example.COM"], host: "a.b.example.com.") == "*.Example.COM")
        #expect(MXMatcher.deeperWildcard(in: ["*.example.com"], host: "mail.example.com") == nil, "it matches, nothing deeper")
        #expect(MXMatcher.deeperWildcard(in: ["*.example.com"], host: "example.com") == nil, "the parent is not deeper")
        #expect(MXMatcher.deeperWildcard(in: ["*.example.com"], host: "a.b.example.org") == nil)
        #expect(MXMatcher.deeperWildcard(in: ["b.example.com"], host: "a.b.example.com") == nil, "exact names are not wildcards")
    }

    @Test("normalize lower-cases ASCII only and drops one trailing dot")
    func normalize() {
        #expect(MXMatcher.normalize("Mail.Example.COM.") == "mail.example.com")
        #expect(MXMatcher.normalize("mail.example.com") == "mail.example.com")
        #expect(MXMatcher.normalize("ÜBER.example") == "Über.example")
        #expect(MXMatcher.normalize(".") == "")
        #expect(MXMatcher.normalize("") == "")
    }
}

import Testing
@testable import MTASTSCore

/// U-labels become A-labels before matching (RFC 6125 §6.4.2), through Foundation's IDNA
/// (UTS #46: NFKC and case folding, then Punycode, RFC 3492). Expected values are the A-labels
/// registries publish (`bücher` is RFC 3492's own example family; `xn--caf-dma` is `café`).
@Suite("Host names: A-labels and IP addresses (RFC 6125 §6.4.2, RFC 1123 §2.1)")
struct HostNameTests {
    @Test("U-labels, whatever their form, become the same A-labels", arguments: [
        ("bücher.example", "xn--bcher-kva.example"),  // plain Unicode (precomposed ü)
        ("BÜCHER.example", "xn--bcher-kva.example"),  // upper case: case folding first
        ("Bu\u{0308}cher.example", "xn--bcher-kva.example"),  // decomposed u + combining diaeresis
        ("cafe\u{0301}.example", "xn--caf-dma.example"),  // decomposed e + combining acute
        ("café.example", "xn--caf-dma.example"),  // the same, precomposed
        ("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"),  // full-width letters and full stop: NFKC
        ("ｂüｃｈｅｒ。example", "xn--bcher-kva.example"),  // full-width mixed with U+3002 as the dot
        ("mail.münchen.bücher.de", "mail.xn--mnchen-3ya.xn--bcher-kva.de"),
        ("faß.de", "xn--fa-hia.de"),  // nontransitional: ß is kept, not mapped to ss
        ("日本語.example", "xn--wgv71a119e.example"),
        ("bücher.example.", "xn--bcher-kva.example"),  // one trailing dot dropped
        ("Mail.Example.COM.", "mail.example.com"),  // ASCII: lower-cased only
        ("xn--BCHER-kva.example", "xn--bcher-kva.example"),  // A-labels compare case-insensitively
    ])
    func aLabels(_ input: String, _ expected: String) {
        #expect(HostName.aLabels(input) == expected)
    }

    @Test("a name IDNA rejects has no A-label form", arguments: [
        String(repeating: "ü", count: 70) + ".example",  // label longer than 63 octets once encoded
        "a\u{200D}ü.example",  // zero-width joiner out of context (CONTEXTJ)
        "ü/x.example", "ü@x.example", "ü:25",
    ])
    func rejected(_ input: String) {
        #expect(HostName.aLabels(input) == nil)
    }

    @Test("IP addresses are recognised, host names are not", arguments: [
        ("192.0.2.1", true), ("192.0.2.1.", true), ("[192.0.2.1]", true), ("2001:db8::1", true), ("[IPv6:2001:db8::1]", true),
        ("::1", true), ("1.2.3.4", true),
        ("mail.example.com", false), ("1.2.3.4.example", false), ("192.0.2", false), ("1mx.example.com", false), ("", false),
    ])
    func ipAddress(_ name: String, _ expected: Bool) {
        #expect(HostName.isIPAddress(name) == expected)
    }

    @Test("the matching form: A-labels for names, nothing for addresses (full-width digits included)")
    func matchingForm() {
        #expect(HostName.matchingForm("MX1.Bücher.Example.") == "mx1.xn--bcher-kva.example")
        #expect(HostName.matchingForm("192.0.2.1") == nil)
        #expect(HostName.matchingForm("１９２．０．２．１") == nil)
        #expect(HostName.matchingForm("2001:db8::25") == nil)
    }
}

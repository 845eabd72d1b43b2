import Testing
import MTASTSStore

@Suite("domain names accepted by the workspace")
struct DomainNameTests {
    @Test("valid names are normalised", arguments: [
        ("example.com", "example.com"),
        ("Example.COM.", "example.com"),
        ("  mail.example.co.uk \t", "mail.example.co.uk"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ("a-b.c1.example", "a-b.c1.example"),
        ("123.example", "123.example"),
        (String(repeating: "a", count: 63) + ".example", String(repeating: "a", count: 63) + ".example"),
    ])
    func valid(input: String, expected: String) {
        #expect(DomainName.normalized(input) == expected)
    }

    @Test("invalid names are refused", arguments: [
        "", "com", "example..com", ".example.com", "example.com..", "-a.example", "a-.example",
        "exa mple.com", "exa_mple.com", "bücher.example", "1.2.3.4", "example.123",
        String(repeating: "a", count: 64) + ".example",
        Array(repeating: "abcdefghi", count: 26).joined(separator: ".") + ".example",
        "*.example.com", "http://example.com", "user@example.com",
    ])
    func invalid(input: String) {
        #expect(DomainName.normalized(input) == nil)
    }
}

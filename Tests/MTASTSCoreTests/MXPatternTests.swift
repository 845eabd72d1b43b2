import Testing
@testable import MTASTSCore

/// `sts-policy-mx-value = ["*."] Domain` (RFC 8461 §3.2) with `Domain` from RFC 5321 §4.1.2:
/// letter-digit-hyphen labels, at most 63 octets each (RFC 1035 §2.3.4).
@Suite("MX pattern grammar (RFC 8461 §3.2, §4.1)")
struct MXPatternTests {
    @Test("valid patterns have no problem", arguments: [
        "mail.example.com", "*.example.com", "MX1.Example.COM", "mx-1.example.com", "1mx.example.com",
        "a.b.c.d.e.example.com", "localhost", "xn--bcher-kva.example", String(repeating: "a", count: 63) + ".example",
    ])
    func valid(_ pattern: String) {
        #expect(MXPattern.problems(pattern) == [])
    }

    static let invalid: [Rejected] = [
        Rejected("", "empty"),
        Rejected("*", "bare wildcard"),
        Rejected("*.", "wildcard of nothing"),
        Rejected(".", "root only"),
        Rejected("*.*.example.com", "two wildcard labels"),
        Rejected("**.example.com", "`**` label"),
        Rejected("mail*.example.com", "partial-label wildcard"),
        Rejected("*mail.example.com", "wildcard glued to a label"),
        Rejected("mail.*.example.com", "wildcard not leftmost"),
        Rejected("mail.example.*", "wildcard rightmost"),
        Rejected("192.0.2.1", "IPv4 address"),
        Rejected("[192.0.2.1]", "IPv4 address literal"),
        Rejected("2001:db8::1", "IPv6 address"),
        Rejected("[IPv6:2001:db8::1]", "IPv6 address literal"),
        Rejected("*.192.0.2.1", "wildcard over an address"),
        Rejected("bücher.example", "U-label"),
        Rejected("mail..example.com", "empty label"),
        Rejected(".example.com", "leading dot"),
        Rejected("-mail.example.com", "leading hyphen"),
        Rejected("mail-.example.com", "trailing hyphen"),
        Rejected("mail_1.example.com", "underscore"),
        Rejected("mail example.com", "space"),
        Rejected("mail.example.com/25", "slash"),
        Rejected(String(repeating: "a", count: 64) + ".example", "64-octet label"),
        Rejected(Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".") + ".ab", "over 253 octets"),
    ]

    @Test("invalid patterns have an error", arguments: invalid)
    func invalidPattern(_ row: Rejected) {
        let problems = MXPattern.problems(row.input)
        #expect(problems.first?.severity == .error, "\(problems)")
    }

    @Test("warnings only", arguments: [
        ("mail.example.com.", "ends with a dot"),
        ("*.example.com.", "ends with a dot"),
        ("*.com", "top-level domain"),
    ])
    func warnings(_ pattern: String, _ fragment: String) {
        let problems = MXPattern.problems(pattern)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.severity == .warning })
        #expect(problems.contains { $0.message.contains(fragment) })
    }

    @Test("a U-label's remedy is the A-label form, with the wildcard kept")
    func aLabelRemedy() {
        #expect(MXPattern.problems("bücher.example").first?.remedy == "Write the A-label form `xn--bcher-kva.example`.")
        #expect(MXPattern.problems("*.bücher.example").first?.remedy == "Write the A-label form `*.xn--bcher-kva.example`.")
    }

    @Test("`*.*.` is explained as one label only")
    func doubleWildcardMessage() {
        #expect(MXPattern.problems("*.*.example.com").first?.message.contains("exactly one label") == true)
    }

    @Test("problems are sorted most severe first")
    func sorted() {
        let problems = MXPattern.problems("*.com.")
        #expect(problems.map(\.severity) == problems.map(\.severity).sorted(by: >))
    }
}

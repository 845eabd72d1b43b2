import Testing
@testable import MTASTSCore

/// `sending-mta-ip` and `receiving-ip` as RFC 8460 §4.4 describes them.
@Suite("IP address literals")
struct IPAddressLiteralTests {
    @Test("valid", arguments: [
        "192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8:abcd:0012::1", "2001:db8::1", "::1", "::",
        "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::", "::ffff:192.0.2.128", "64:ff9b::198.51.100.7",
        "2001:DB8::A", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:192.0.2.1",
    ])
    func valid(_ text: String) {
        #expect(IPAddressLiteral.isValid(text))
    }

    @Test("invalid", arguments: [
        "", "mta1.sender.example", "192.0.2", "192.0.2.1.5", "192.0.2.256", "192.0.2.01", "192.0.2.-1", " 192.0.2.1",
        "[2001:db8::1]", "2001:db8::1%eth0", "2001:db8:::1", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
        "12345::1", "g::1", "1.2.3.4::", "::1.2.3", "192.0.2.1:25", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "١٩٢.0.2.1",
    ])
    func invalid(_ text: String) {
        #expect(!IPAddressLiteral.isValid(text))
    }
}

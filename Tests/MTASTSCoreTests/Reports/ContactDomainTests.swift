import Foundation
import Testing
@testable import MTASTSCore

/// The domain of `contact-info`, which RFC 8460 §5.3 ties to `TLS-Report-Submitter`.
@Suite("contact-info domain")
struct ContactDomainTests {
    @Test("read from the forms senders use", arguments: [
        ("smtp-tls-reporting@google.com", "google.com"), ("tlsrpt-noreply@Microsoft.COM", "microsoft.com"),
        ("mailto:postmaster@mail.example.net", "mail.example.net"), ("TLS reports <tlsrpt@sender.example.>", "sender.example"),
        ("https://reports.sender.example/tlsrpt", "reports.sender.example"), ("sender.example", "sender.example"),
        ("mailto:tlsrpt@sender.example?subject=x", "sender.example"), ("https://user@r.sender.example:8443/x", "r.sender.example"),
    ])
    func domain(_ contact: String, _ expected: String) {
        #expect(TLSRPTReport.domain(ofContact: contact) == expected)
    }

    @Test("nothing for what names no domain", arguments: ["", "Reporting team", "admin@", "localhost", "call +1 555 0100"])
    func none(_ contact: String) {
        #expect(TLSRPTReport.domain(ofContact: contact) == nil)
    }
}

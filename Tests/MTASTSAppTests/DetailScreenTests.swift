import Foundation
import MTASTSCore
import Testing
import TerminalUI
@testable import MTASTSApp

@Suite("Domain detail screen")
struct DetailScreenTests {
    func open(_ domain: String, width: Int = 100, height: Int = 40) -> AppDriver {
        AppDriver.opened(domain, width: width, height: height)
    }

    @Test("Enter opens the domain with its stage; 1 shows the DNS pane with records; Esc goes back")
    func dnsPane() {
        var app = open("example.com")
        #expect(app.state.pane == .policy, "it opens on the worst finding's pane")
        app.press("1")
        #expect(app.lines[0].contains("example.com"))
        #expect(app.lines[0].contains("stage testing"))
        #expect(app.lines[0].contains("NOT ready"))
        #expect(app.text.contains("_mta-sts"))
        #expect(app.text.contains("10 mx1.example.com."))
        app.press("<Esc>")
        #expect(app.state.screen == .list)
    }

    @Test("DNS pane: an MX host's TLSA records with their DNSSEC status; none shown without them")
    func tlsaInDNSPane() {
        var secure = open("secure.example")
        secure.press("1")
        let line = secure.lines.first { $0.contains("TLSA _25._tcp.mx.secure.example") }
        #expect(line?.contains("DANE senders use it instead of MTA-STS") == true)
        #expect(secure.lines.contains { $0.contains("3 1 1 5e5e") })
        var plain = open("example.com")
        plain.press("1")
        #expect(plain.state.pane == .dns)
        #expect(!plain.text.contains("TLSA"))
    }

    @Test("Tab reaches the Policy pane: the file verbatim with the bad line marked and the fix")
    func policyPane() {
        var app = open("typo.example")
        app.press("1<Tab>")
        #expect(app.state.pane == .policy)
        let marked = app.lines.first { $0.contains("nmx: mx2.typo.example") }
        #expect(marked?.contains("⚠") == true)
        #expect(app.text.contains("policy.unknown-field"))
        #expect(app.text.contains("fix:"))
    }

    @Test("Certificates pane shows expiry and the expired MX certificate finding")
    func certificatesPane() {
        var app = open("old.example")
        app.press("3")
        #expect(app.text.contains("mail.old.example"))
        #expect(app.text.contains("✗ ERROR  mx-cert.expired"))
    }

    @Test("MX pane: STARTTLS per address and policy coverage")
    func mxPane() {
        var app = open("example.com")
        app.press("4")
        #expect(app.text.contains("mx2.example.com  NOT covered by the policy"))
        #expect(app.text.contains("STARTTLS ✓"))
    }

    @Test("j scrolls a long pane and the position indicator follows; 80x24 still fits")
    func scroll() {
        var app = open("typo.example", width: 80, height: 24)
        app.press("2")
        let before = app.lines[3]
        app.press("jjj")
        #expect(app.lines[3] != before)
        #expect(app.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test("? lists every key of the detail screen, generated from the action table")
    func help() {
        var app = open("example.org")
        app.press("?")
        #expect(app.text.contains("Help: domain detail keys"))
        for action in ActionTable.actions(on: .detail, readOnly: false) {
            #expect(app.text.contains(action.keyLabel), "missing \(action.keyLabel)")
        }
        app.press("<Esc>")
        #expect(app.state.screen == .detail(domain: "example.org"))
    }

    @Test("r re-checks the open domain: a spinner shows until the report arrives")
    func refresh() {
        var app = open("example.org")
        _ = AppUpdate.update(&app.state, .key(.character("r")))
        #expect(app.state.checking.contains("example.org"))
        #expect(app.lines[0].contains("checking"))
    }
}

import Foundation
import MTASTSCore
import MTASTSStore
import Testing
import TerminalUI
@testable import MTASTSApp

@Suite("Reports pane and T triage (TLS-RPT)")
struct ReportsScreenTests {
    func open(_ domain: String, width: Int = 100, height: Int = 40) -> AppDriver {
        AppDriver.opened(domain, width: width, height: height)
    }

    @Test("5 opens the Reports pane: chart of 30 days, failure group with the live finding and since when")
    func paneByKey() {
        var app = open("old.example")
        app.press("5")
        #expect(app.state.pane == .reports)
        #expect(app.effects.contains(.loadTLSRPT("old.example")))
        let text = app.text
        #expect(text.contains("[ Reports ⚠"))
        #expect(text.contains("TLS-RPT, last 30 days:"))
        #expect(text.contains("successful sessions per day"))
        #expect(text.contains("failed sessions per day"))
        #expect(text.contains("█"), "unicode bar chart")
        let group = app.lines.first { $0.contains("certificate-expired") && $0.contains("mail.old.example") }
        #expect(group?.contains("google.com") == true, "\(text)")
        #expect(text.contains("explained by mx-cert.expired (live since"))
        #expect(text.contains("; reported since 2026-"))
    }

    @Test("Tab after MX reaches Reports, and Tab again wraps to DNS")
    func tabOrder() {
        var app = open("nostarttls.example")
        app.press("1<Tab><Tab><Tab>")  // from DNS (it opens on its worst pane, MX)
        #expect(app.state.pane == .mx)
        app.press("<Tab>")
        #expect(app.state.pane == .reports)
        #expect(app.text.contains("starttls-not-supported"))
        #expect(app.text.contains("explained by mx.starttls-missing (live since"))
        app.press("<Tab>")
        #expect(app.state.pane == .dns)
    }

    @Test("j selects the next group, Enter drills into its failure details, Esc returns to the groups")
    func drill() {
        var app = open("nostarttls.example")
        app.press("5")
        let first = app.state.tlsrpt.panes["nostarttls.example"]!.groups
        #expect(first.count >= 2)
        app.press("j")
        #expect(app.state.tlsrpt.selectedGroup == 1)
        app.press("<Enter>")
        let drill = try! #require(app.state.tlsrpt.drill)
        #expect(drill.bucket == first[1].bucket)
        #expect(drill.details?.isEmpty == false)
        let text = app.text
        #expect(text.contains("Failure details: starttls-not-supported"))
        #expect(text.contains("SENDING MTA IP"))
        #expect(text.contains("STARTTLS not offered in EHLO"))
        #expect(text.contains("https://"), "additional information")
        app.press("<Esc>")
        #expect(app.state.tlsrpt.drill == nil)
        #expect(app.state.screen == .detail(domain: "nostarttls.example"))
        app.press("<Esc>")
        #expect(app.state.screen == .list)
    }

    @Test("a clean domain: successes charted, no failure group")
    func cleanDomain() {
        var app = open("example.org")
        app.press("5")
        #expect(app.text.contains("no failure reported in 30 days"))
        #expect(app.text.contains("0 failed"))
    }

    @Test("T lists domains with failures, worst first; Enter opens that domain's Reports pane")
    func triage() {
        var app = AppDriver(width: 100, height: 30)
        app.press("T")
        #expect(app.state.screen == .triage)
        let rows = try! #require(app.state.tlsrpt.triage)
        #expect(rows.count == 6)
        #expect(rows.map(\.failures) == rows.map(\.failures).sorted(by: >))
        #expect(!rows.contains { $0.domain == "example.org" })
        let text = app.text
        #expect(text.contains("TLS-RPT triage"))
        #expect(app.lines[2].contains(rows[0].domain))
        app.press("j<Enter>")
        #expect(app.state.screen == .detail(domain: rows[1].domain))
        #expect(app.state.pane == .reports)
        #expect(app.text.contains("Failures by result type"))
        app.press("<Esc>")
        #expect(app.state.screen == .triage)
        app.press("q")
        #expect(app.state.screen == .list)
    }

    @Test("ASCII glyphs: the chart falls back to . : #")
    func asciiChart() {
        var app = AppDriver(width: 100, height: 40, options: AppOptions(ascii: true, refreshInterval: nil))
        let position = app.state.visible.firstIndex { app.state.rows[$0].name == "old.example" }!
        app.state.list.selected = position
        app.press("<Enter>5")
        #expect(app.text.contains("#"))
        #expect(!app.text.contains("█"))
        let pane = app.lines.dropFirst(3).dropLast(2).joined(separator: "\n")
        let ascii = pane.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii, "\(pane)")
    }

    @Test("help and footer come from the action table: 5, Enter details, T triage")
    func helpAndFooter() {
        var app = AppDriver(width: 160, height: 40)
        #expect(app.lines.last?.contains("T triage") == true)
        #expect(app.lines.last?.contains("? help") == true)
        app.state.width = 60
        #expect(app.lines.last?.contains("? help") == true, "help survives a narrow footer")
        app.state.width = 160
        app.press("?")
        #expect(app.text.contains("T "))
        #expect(app.text.contains("every domain with TLS-RPT failures"))
        app.press("<Esc>")
        app.press("<Enter>?")
        #expect(app.text.contains("Reports pane"))
    }

    @Test("80x24: the Reports pane keeps the selected group in view")
    func smallTerminal() {
        var app = open("nostarttls.example", width: 80, height: 24)
        app.press("5G")
        let count = app.state.tlsrpt.panes["nostarttls.example"]!.groups.count
        #expect(app.state.tlsrpt.selectedGroup == count - 1)
        #expect(app.lines.contains { $0.contains("▶") })
    }
}

@Suite("Demo TLS-RPT reports")
struct DemoReportsTests {
    @Test("a few hundred reports over 30 days, the same on every run, stored fast")
    func deterministic() throws {
        let now = AppDriver.now
        let a = DemoReports.reports(now: now)
        #expect(a.count >= 300 && a.count <= 1500, "\(a.count)")
        #expect(a.map(\.report) == DemoReports.reports(now: now).map(\.report))
        #expect(Set(a.map(\.report.organizationName)) == ["google.com", "microsoft.com", "mail.ru", "yahoo.com"])
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try DemoServices.make(workspace: try Workspace.inMemory(), now: now)
        }
        print("demo world with \(a.count) reports made in \(elapsed)")
    }
}

@Suite("Reports pane after a check")
struct ReportsAfterCheckTests {
    @Test("r on the Reports pane re-checks the domain and reloads the groups beside the new findings")
    func refresh() {
        var app = AppDriver(width: 100, height: 40)
        let position = app.state.visible.firstIndex { app.state.rows[$0].name == "old.example" }!
        app.state.list.selected = position
        app.press("<Enter>5")
        app.effects = []
        app.press("r")
        #expect(app.effects.contains(.check(["old.example"])))
        #expect(app.effects.filter { $0 == .loadTLSRPT("old.example") }.count >= 1)
        #expect(app.state.tlsrpt.panes["old.example"] != nil)
        #expect(app.text.contains("explained by mx-cert.expired"))
    }
}

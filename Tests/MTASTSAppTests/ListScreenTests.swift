import Foundation
import MTASTSCore
import Testing
import TerminalUI
@testable import MTASTSApp

@Suite("Domain list screen")
struct ListScreenTests {
    @Test("every domain appears with stage, worst finding and counts per stage in the title")
    func overview() {
        let app = AppDriver()
        let text = app.text
        #expect(app.lines[0].contains("14 domains"))
        #expect(app.lines[0].contains("enforce"))
        #expect(app.lines[1].hasPrefix(" DOMAIN"))
        #expect(text.contains("old.example"))
        #expect(text.contains("✗ mx-cert.expired"))
        #expect(text.contains("✗ policy.mx-uncovered"))
        #expect(app.lines.last?.contains("? help") == true)
        #expect(app.lines.last?.contains("1/14") == true)
    }

    @Test("j/k and G move the selection; the footer shows the position")
    func movement() {
        var app = AppDriver()
        app.press("jjj")
        #expect(app.state.list.selected == 3)
        #expect(app.lines.last?.contains("4/14") == true)
        app.press("G")
        #expect(app.lines.last?.contains("14/14") == true)
        app.press("gk")
        #expect(app.state.list.selected == 0)
    }

    @Test("/ filters as you type, qualifiers work, Esc clears")
    func filter() {
        var app = AppDriver()
        app.press("/")
        app.type("status:fail")
        #expect(app.lines[app.lines.count - 2].hasPrefix("/status:fail"))
        app.press("<Enter>")
        let shown = app.state.visible.map { app.state.rows[$0].name }
        #expect(shown.contains("old.example") && shown.contains("nostarttls.example"))
        #expect(!shown.contains("example.org"))
        #expect(app.lines.last?.contains("filter: status:fail") == true)
        app.press("<Esc>")
        #expect(app.state.visible.count == 14)
        app.press("/")
        app.type("!example.")
        app.press("<Enter>")
        #expect(app.state.visible.map { app.state.rows[$0].name }.allSatisfy { !$0.contains("example.") })
    }

    @Test("a filter that matches nothing says so")
    func emptyFilter() {
        var app = AppDriver()
        app.press("/")
        app.type("zzz")
        #expect(app.text.contains("No domain matches the filter"))
    }

    @Test("! shows problems only; s cycles the sort, worst first")
    func problemsAndSort() {
        var app = AppDriver()
        app.press("!")
        #expect(app.state.visible.allSatisfy { [.error, .warning].contains(app.state.rows[$0].worstSeverity) })
        app.press("s")
        #expect(app.state.sort == .severity)
        #expect(app.state.rows[app.state.visible[0]].worstSeverity == .error)
        #expect(app.lines.last?.contains("sort: worst finding") == true)
    }

    @Test("shared MX hosts are marked with how many domains use them")
    func sharedMX() {
        let app = AppDriver()
        let line = app.lines.first { $0.contains("shop.example") }!
        #expect(line.contains("⇄6"))
    }

    @Test("a adds a domain, d asks before removing and y confirms")
    func addRemove() {
        var app = AppDriver(observations: [])
        #expect(app.text.contains("No domains yet"))
        app.press("a")
        app.type("new.example other.example")
        app.press("<Enter>")
        #expect(app.state.rows.map(\.name) == ["new.example", "other.example"])
        #expect(app.effects.contains(.check(["new.example", "other.example"])))
        app.press("d")
        #expect(app.text.contains("Remove new.example and its history?"))
        app.press("n")
        #expect(app.state.rows.count == 2)
        app.press("dy")
        #expect(app.state.rows.map(\.name) == ["other.example"])
    }

    @Test("--readonly removes add and remove from keys, footer and help")
    func readOnly() {
        var app = AppDriver(options: AppOptions(readOnly: true, refreshInterval: nil))
        #expect(app.lines.last?.contains("READONLY") == true)
        #expect(app.lines.last?.contains("a add") == false)
        app.press("a")
        #expect(app.state.prompt == nil)
        #expect(app.text.contains("read-only workspace"))
        app.press("?")
        #expect(!app.text.contains("add domains"))
    }

    @Test("resize to 80x24 and back keeps the selection; too small says so")
    func resize() {
        var app = AppDriver(width: 200, height: 60)
        app.press("jjjjj")
        #expect(app.lines[1].contains("CHECKED"))
        app.send(.resized(width: 80, height: 24))
        #expect(app.state.list.selected == 5)
        #expect(app.lines.count == 24 && app.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        app.send(.resized(width: 40, height: 10))
        #expect(app.text.contains("terminal too small"))
        app.send(.resized(width: 80, height: 24))
        #expect(app.state.list.selected == 5)
    }

    @Test(": commands use the CLI's verbs; unknown ones explain themselves")
    func commands() {
        var app = AppDriver()
        app.press(":")
        app.type("sort expiry")
        app.press("<Enter>")
        #expect(app.state.sort == .expiry)
        app.press(":")
        app.type("frobnicate")
        app.press("<Enter>")
        #expect(app.text.contains("unknown command `frobnicate`"))
        app.press(":")
        app.type("q")
        app.press("<Enter>")
        #expect(app.state.quitRequested)
    }

    @Test("NO_COLOR meaning: every verdict has a glyph and a word; ASCII mode has no Unicode glyphs")
    func asciiMode() {
        let app = AppDriver(options: AppOptions(ascii: true, refreshInterval: nil))
        #expect(app.text.contains("[XX] mx-cert.expired"))
        #expect(!app.text.contains("✗"))
    }
}

import Foundation
import MTASTSCore
import Testing
import TerminalUI
@testable import MTASTSApp

/// Keys as operators use them in htop, mutt, less and tig (issue 13): Home/End, C-l, half
/// pages, a scrolling help, a too-small terminal, filters that refuse what they cannot mean,
/// and the detail screen opening where the problem is.
@Suite("Operator keys")
struct OperatorKeysTests {
    var footer: (AppDriver) -> String = { $0.lines.last ?? "" }

    @Test("Home and End go to the first and last domain")
    func homeEnd() {
        var app = AppDriver()
        let count = app.state.visible.count
        app.press("<End>")
        #expect(footer(app).contains("\(count)/\(count)"))
        app.press("<Home>")
        #expect(footer(app).contains("1/\(count)"))
    }

    @Test("C-l asks for a full repaint and changes nothing else; it works on every screen")
    func repaint() {
        var app = AppDriver()
        let before = app.text
        app.effects = []
        app.press("<C-l>")
        #expect(app.effects == [.redraw])
        #expect(app.text == before)
        app.press("?")
        app.effects = []
        app.press("<C-l>")
        #expect(app.effects == [.redraw])
        #expect(app.state.screen == .help)
        var detail = AppDriver.opened("example.com")
        detail.effects = []
        detail.press("<C-l>")
        #expect(detail.effects == [.redraw])
        #expect(ActionTable.actions(on: .list, readOnly: false).contains { $0.id == .redraw && $0.keyLabel == "C-l" })
    }

    @Test("C-d and C-u move half a page in the list; PgDn a whole one")
    func halfPageList() {
        var app = AppDriver(width: 80, height: 14)  // 9 rows of list: half a page is 4
        let count = app.state.visible.count
        app.press("<C-d>")
        #expect(app.state.list.selected == 4)
        #expect(footer(app).contains("5/\(count)"))
        app.press("<C-u>")
        #expect(footer(app).contains("1/\(count)"))
        app.press("<PgDn>")
        #expect(app.state.list.selected == 8)
    }

    @Test("C-d and C-u scroll a pane by half a page")
    func halfPagePane() {
        var app = AppDriver.opened("example.com", width: 80, height: 24)
        app.press("1")
        let top = app.lines[3]
        app.press("<C-d>")
        #expect(app.state.paneScroll[.dns] == 8)  // a page is 16 rows
        app.press("<C-u>")
        #expect(app.state.paneScroll[.dns] == 0)
        #expect(app.lines[3] == top)
    }

    @Test("? at 80x24 scrolls with j/k, PgDn/PgUp, C-d, g/G and says which lines it shows")
    func helpScrolls() {
        var app = AppDriver(width: 80, height: 24)
        app.press("?")
        let all = HelpView.lines(for: .list, readOnly: false, width: 80, height: 24)
        #expect(all.count > 20, "the list's help does not fit 80x24: it must scroll")
        let border = { (app: AppDriver) in app.lines[21] }
        #expect(border(app).contains("lines 1-20 of \(all.count), more below"))
        #expect(footer(app).contains("↓ scroll"))
        #expect(app.text.contains("move down"))
        #expect(!app.text.contains("repaint the whole screen"))
        app.press("j")
        #expect(border(app).contains("lines 2-21 of \(all.count), more above and below"))
        app.press("G")
        #expect(border(app).contains("lines \(all.count - 19)-\(all.count) of \(all.count), more above"))
        #expect(app.text.contains("C-l"))
        #expect(app.text.contains("repaint the whole screen"))
        app.press("j")  // at the end: stays
        #expect(app.state.helpScroll == all.count - 20)
        app.press("k")
        #expect(app.state.helpScroll == all.count - 21)
        app.press("g")
        #expect(app.state.helpScroll == 0)
        app.press("<PgDn>")
        #expect(app.state.helpScroll == min(19, all.count - 20))
        app.press("<PgUp><C-d>")
        #expect(app.state.helpScroll == 9)
        // Every key of the list is reachable in the help, page by page.
        var seen = ""
        app.press("g")
        for _ in 0..<5 {
            seen += app.text
            app.press("<PgDn>")
        }
        for action in ActionTable.actions(on: .list, readOnly: false) {
            #expect(seen.contains(action.keyLabel), "missing \(action.keyLabel)")
        }
        // Closing and opening again starts at the top.
        app.press("<Esc>?")
        #expect(border(app).contains("lines 1-20"))
    }

    @Test("while \"terminal too small\" shows, keys do nothing but quit")
    func tooSmall() {
        var app = AppDriver()
        app.send(.resized(width: 50, height: 10))
        let before = app.text
        #expect(before.contains("terminal too small: 50x10, need 60x12; q quits"))
        app.press("jjG/?a:<Enter>s!")
        #expect(app.text == before)
        #expect(app.state.screen == .list && app.state.prompt == nil && app.state.list.selected == 0)
        #expect(app.state.sort == .name && !app.state.problemsOnly)
        app.send(.resized(width: 80, height: 24))
        #expect(footer(app).contains("1/"))
        app.send(.resized(width: 50, height: 10))
        app.press("q")
        #expect(app.state.quitRequested)
    }

    @Test("a filter it cannot mean is refused with the valid values; the previous filter stays")
    func badFilter() {
        var app = AppDriver()
        let count = app.state.visible.count
        app.press("/")
        app.type("stage:enforced")
        // Said while typing, in place of the key hints.
        #expect(footer(app).contains("stage:enforced? one of none testing enforce removing broken unknown unchecked"))
        app.press("<Enter>")
        #expect(app.state.filter.isEmpty)
        #expect(app.state.visible.count == count)
        let flash = app.lines[app.lines.count - 2]
        #expect(flash.contains("✗ stage:enforced? one of none testing enforce removing broken unknown unchecked"))
        #expect(app.lines.allSatisfy { DisplayWidth.of($0) <= 80 })

        app.press("/")
        app.type("sev:error")
        app.press("<Enter>")
        #expect(app.text.contains("sev:error? filters: stage: status: code: mx: plan: tlsrpt:"))
        #expect(app.state.visible.count == count)

        app.press("/")
        app.type("status:bad")
        app.press("<Enter>")
        #expect(app.text.contains("status:bad? one of fail warn ok unchecked"))

        // Prefixes of valid values still work, as before.
        app.press("/")
        app.type("stage:test")
        app.press("<Enter>")
        #expect(app.state.filter.problems.isEmpty)
        #expect(app.state.visible.allSatisfy { app.state.rows[$0].stage == .testing })

        // :filter refuses the same way.
        app.press(":")
        app.type("filter plan:later")
        app.press("<Enter>")
        #expect(app.text.contains("plan:later? one of testing enforce none removed -"))
        #expect(app.state.filter.text == "stage:test")
    }

    @Test("Esc in the filter prompt restores the filter it started from; Esc on the list clears it")
    func escRestoresFilter() {
        var app = AppDriver()
        app.press("/")
        app.type("status:fail")
        app.press("<Enter>")
        let failing = app.state.visible
        app.press("/")
        app.type(" zzz")
        #expect(app.text.contains("No domain matches the filter"))
        app.press("<Esc>")
        #expect(app.state.filter.text == "status:fail")
        #expect(app.state.visible == failing)
        #expect(footer(app).contains("filter: status:fail"))
        app.press("<Esc>")
        #expect(app.state.filter.isEmpty)
    }

    @Test("the detail screen opens on the pane with the worst finding, not the last pane used")
    func worstPane() throws {
        var app = AppDriver()
        func open(_ domain: String) {
            app.press("<Esc><Esc>")
            app.state.screens = [.list]
            app.state.list.selected = app.state.visible.firstIndex { app.state.rows[$0].name == domain }!
            app.press("<Enter>")
        }
        open("old.example")
        #expect(app.state.pane == .certificates)
        #expect(app.text.contains("mx-cert.expired"))
        app.press("2")  // the operator looks at the policy, then leaves
        open("old.example")
        #expect(app.state.pane == .certificates)
        open("typo.example")
        let typo = try #require(app.state.reports["typo.example"])
        #expect(app.state.pane == DetailUpdate.worstPane(typo))
        #expect(app.state.pane == .policy)
    }

    @Test("a report that arrives after opening moves to the worst pane unless a pane was picked")
    func worstPaneLater() {
        var app = AppDriver(checkAll: true)
        let report = app.state.reports["old.example"]!
        app.state.reports["old.example"] = nil
        app.state.list.selected = app.state.visible.firstIndex { app.state.rows[$0].name == "old.example" }!
        app.press("<Enter>")
        app.send(.reportLoaded(report))
        #expect(app.state.pane == .certificates)
        app.press("<Esc>")
        app.state.reports["old.example"] = nil
        app.press("<Enter>4")
        app.send(.reportLoaded(report))
        #expect(app.state.pane == .mx)
    }
}

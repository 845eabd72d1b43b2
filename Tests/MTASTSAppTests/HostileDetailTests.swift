import Foundation
import MTASTSCore
import MTASTSStore
import Testing
import TerminalUI
@testable import MTASTSApp

/// Issue 11, hostile input in the TUI: a 64 KB TXT record or policy line must give a pane of
/// bounded size (before the fix wrapping was quadratic and every finding quoted the whole
/// record: 43 s to show the screen, 44-94 s per key).
@Suite("Detail screen: hostile records and policies")
struct HostileDetailTests {
    /// `example.com` of the demo world with its `_mta-sts` record replaced by about 64 KB of
    /// repeated fields, in 255-byte character-strings as DNS carries them.
    static func hostileRecord() -> [Observation] {
        var text = "v=STSv1; id=20240101; "
        while text.utf8.count < 64_000 { text += "id=20240102; x=" + String(repeating: "y", count: 40) + "; " }
        let bytes = Array(text.utf8)
        let strings = stride(from: 0, to: bytes.count, by: 255).map { String(decoding: bytes[$0..<min($0 + 255, bytes.count)], as: UTF8.self) }
        return DemoWorld.observations(now: AppDriver.now).map { observation in
            guard observation.domain == "example.com" else { return observation }
            var changed = observation
            changed.stsTXT = .answer([TXTRecord(strings: strings)], authenticated: false)
            return changed
        }
    }

    /// `example.com` with a policy body of one 64 KB line after the fields.
    static func hostilePolicy() -> [Observation] {
        DemoWorld.observations(now: AppDriver.now).map { observation in
            guard observation.domain == "example.com", var fetch = observation.policyFetch else { return observation }
            var changed = observation
            fetch.body = Array(("version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\nnote: "
                + String(repeating: "z", count: 64 * 1024 - 80) + "\n").utf8)
            changed.policyFetch = fetch
            return changed
        }
    }

    static func opened(_ observations: [Observation]) -> AppDriver {
        var app = AppDriver(width: 100, height: 40, observations: observations)
        let position = app.state.visible.firstIndex { app.state.rows[$0].name == "example.com" }!
        app.state.list.selected = position
        app.press("<Enter>")
        return app
    }

    @Test("a 64 KB _mta-sts record: the DNS pane shows its start and how much more, in a bounded number of lines")
    func longRecord() throws {
        var app = Self.opened(Self.hostileRecord())
        let report = try #require(app.state.reports["example.com"])
        let content = PaneContent.lines(report, pane: .dns, width: 98, theme: Theme(ascii: false))
        #expect(content.count < 120, "pane lines: \(content.count)")
        #expect(content.map { $0.text.utf8.count }.reduce(0, +) < 16 * 1024)
        #expect(app.text.contains("more bytes"), "the record is cut with the count of what is left")
        #expect(app.lines.count == 40)
        app.press("j")
        app.press("<PageDown>")
        #expect(app.lines.count == 40)
    }

    @Test("a policy with one 64 KB line: the Policy pane is bounded and says how much is left out")
    func longPolicyLine() throws {
        var app = Self.opened(Self.hostilePolicy())
        app.press("1<Tab>")
        #expect(app.state.pane == .policy)
        let report = try #require(app.state.reports["example.com"])
        let content = PaneContent.lines(report, pane: .policy, width: 98, theme: Theme(ascii: false))
        #expect(content.count < 120, "pane lines: \(content.count)")
        #expect(content.map { $0.text.utf8.count }.reduce(0, +) < 16 * 1024)
        #expect(content.contains { $0.text.contains("more bytes") })
    }

    @Test("wrapping a 64 KB word gives width-wide lines and keeps every character")
    func wrapLongWord() {
        let word = String(repeating: "abcdefghij", count: 6_400)
        let lines = TextWrap.wrap("x " + word, width: 80)
        #expect(lines.first == "x")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 80 })
        #expect(lines.dropFirst().joined() == word)
        #expect(DisplayWidth.truncate(word, to: 10) == "abcdefghi…")
    }
}

import Testing
@testable import TerminalUI

@Suite("Canvas")
struct CanvasTests {
    @Test("text is placed, clipped at the edges, and read back without trailing spaces")
    func putAndClip() {
        var canvas = Canvas(width: 10, height: 2)
        canvas.put("hello world", x: 2, y: 0)
        canvas.put("x", x: -1, y: 1)
        canvas.put("y", x: 9, y: 5)
        #expect(canvas.lines == ["  hello wo", ""])
    }

    @Test("wide characters take two columns and never split at the edge")
    func wide() {
        var canvas = Canvas(width: 5, height: 1)
        let used = canvas.put("日本語", x: 0, y: 0)
        #expect(used == 4)
        #expect(canvas.lines == ["日本"])
        #expect(canvas[1, 0].isContinuation)
    }

    @Test("control characters cannot move the cursor: shown as ?")
    func controls() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put("a\u{1B}[2Jb\rc", x: 0, y: 0)
        #expect(canvas.lines == ["a?[2Jb?c"])
    }

    @Test("boxes with titles, Unicode and ASCII")
    func box() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, title: "DNS")
        #expect(canvas.lines == ["┌ DNS ─────┐", "│          │", "└──────────┘"])
        var ascii = Canvas(width: 6, height: 2)
        ascii.box(ascii.bounds, ascii: true)
        #expect(ascii.lines == ["+----+", "+----+"])
    }

    @Test("style(of:) finds the style of a word")
    func styleOf() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("ok ", x: 0, y: 0)
        canvas.put("FAIL", x: 3, y: 0, style: Style(.fail))
        #expect(canvas.style(of: "FAIL")?.role == .fail)
    }

    @Test("truncate and pad by display width")
    func truncate() {
        #expect(DisplayWidth.truncate("example.org", to: 8) == "example…")
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.of("✓ OK") == 4)
    }
}

@Suite("Widgets")
struct WidgetTests {
    @Test("list movement keys and clamping", arguments: [
        ("j", 1), ("jjj", 3), ("jjjk", 2), ("G", 99), ("Gg", 0), ("<PgDn>", 9), ("<C-d>", 5), ("<End>", 99), ("kkk", 0),
    ])
    func list(keys: String, expected: Int) {
        var state = ListState()
        for key in Key.parse(sequence: keys) { state.handle(key, count: 100, visible: 10) }
        #expect(state.selected == expected)
        #expect(state.offset <= state.selected && state.selected < state.offset + 10)
    }

    @Test("the selection survives a smaller window and an empty list")
    func listResize() {
        var state = ListState(selected: 50, offset: 45)
        state.clamp(count: 100, visible: 3)
        #expect(state.selected == 50 && state.offset == 48)
        state.clamp(count: 0, visible: 3)
        #expect(state.selected == 0)
    }

    @Test("wrapping keeps words, indents continuation lines and hard-breaks long words")
    func wrap() {
        #expect(TextWrap.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWrap.wrap("  indented text here", width: 12) == ["  indented", "  text here"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("a\n\nb", width: 4) == ["a", "", "b"])
    }

    @Test("text input editing keys")
    func input() {
        var input = TextInput()
        for key in Key.parse(sequence: "exampe<Left>l<End>.org") { input.handle(key) }
        #expect(input.text == "example.org")
        input.handle(.ctrl("w"))
        #expect(input.text == "")
        let handled = input.handle(.enter)
        #expect(!handled)
    }

    @Test("key sequences parse named keys and control keys")
    func keys() {
        #expect(Key.parse(sequence: "j<Enter><Esc><C-d>:q<lt>") ==
            [.character("j"), .enter, .escape, .ctrl("d"), .character(":"), .character("q"), .character("<")])
    }

    @Test("table draws a header, aligned columns and marks the selected row")
    func table() {
        var canvas = Canvas(width: 30, height: 4)
        let table = Table(columns: [.init("NAME", width: 10), .init("N", width: 3, alignRight: true), .init("NOTE")])
        table.draw(into: &canvas, rect: canvas.bounds.inset(horizontal: 1, vertical: 0), count: 2,
                   state: ListState(selected: 1)) { index in
            [.init(["a.example", "b.example"][index]), .init("\(index * 10)"), .init("note")]
        }
        #expect(canvas.lines == [" NAME         N NOTE", " a.example    0 note", ">b.example   10 note", ""])
        #expect(canvas[1, 2].style.reverse)
    }
}

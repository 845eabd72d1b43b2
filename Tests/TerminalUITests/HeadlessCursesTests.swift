import CNcurses
import Foundation
import Testing
@testable import TerminalUI

/// The real ncurses paints a canvas headlessly (newterm on /dev/null, STYLE.md §4); what curses
/// holds afterwards is read back with `mvwinnwstr` and must equal the canvas.
@Suite("ncurses backend, headless", .serialized)
struct HeadlessCursesTests {
    @Test("a canvas with wide characters and styles round-trips through curses")
    func paint() throws {
        setlocale(LC_ALL, "C.UTF-8")
        setenv("TERM", "xterm-256color", 1)
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            Issue.record("cannot open /dev/null")
            return
        }
        let screen = newterm(nil, output, input)
        defer {
            endwin()
            delscreen(screen)
            fclose(output)
            fclose(input)
        }
        resizeterm(6, 30)
        var canvas = Canvas(width: 30, height: 6)
        canvas.box(canvas.bounds, title: "Certificates")
        canvas.put("✓ OK  mx1.example.org", x: 2, y: 1, style: Style(.ok))
        canvas.put("✗ ERROR expired", x: 2, y: 2, style: Style(.fail, bold: true))
        canvas.put("日本語", x: 2, y: 3)
        let terminal = NcursesTerminal()
        terminal.draw(canvas)
        var read: [String] = []
        for row in 0..<6 {
            var buffer = [wchar_t](repeating: 0, count: 64)
            let count = mvwinnwstr(cn_stdscr(), Int32(row), 0, &buffer, 30)
            let scalars = buffer.prefix(Int(max(count, 0))).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
            var line = String(String.UnicodeScalarView(scalars))
            while line.last == " " { line.removeLast() }
            read.append(line)
        }
        // The bottom-right cell is left unpainted on purpose (curses would scroll).
        var expected = canvas.lines
        expected[5] = String(expected[5].dropLast())
        #expect(read == expected)
    }
}

import CNcurses
import Foundation
import Testing
@testable import TerminalUI

@Suite("Key decoding")
struct KeyDecoderTests {
    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test("Home/End as tmux, rxvt and xterm send them decode to Home and End")
    func homeEnd() {
        for sequence in ["[1~", "[7~", "OH", "[H"] {
            #expect(KeyDecoder.isComplete(afterEscape: scalars(sequence)))
            #expect(KeyDecoder.key(afterEscape: scalars(sequence)) == .home, "ESC \(sequence)")
        }
        for sequence in ["[4~", "[8~", "OF", "[F"] {
            #expect(KeyDecoder.key(afterEscape: scalars(sequence)) == .end, "ESC \(sequence)")
        }
    }

    @Test("a lone ESC is Esc, ESC x is x, an unknown sequence types nothing; incomplete ones wait")
    func others() {
        #expect(KeyDecoder.key(afterEscape: []) == .escape)
        #expect(KeyDecoder.key(afterEscape: scalars("x")) == .character("x"))
        #expect(KeyDecoder.key(afterEscape: scalars("[99~")) == nil)
        #expect(!KeyDecoder.isComplete(afterEscape: scalars("[1")))
        #expect(!KeyDecoder.isComplete(afterEscape: scalars("O")))
        #expect(KeyDecoder.isComplete(afterEscape: scalars("x")))
    }
}

/// In the serialized curses suite: one curses screen at a time.
extension HeadlessCursesTests {
    @Test("through the real curses with TERM=xterm-256color: ESC [1~, ESC [4~, ESC [7~, ESC [8~, ESC OH, ESC OF")
    func throughCurses() throws {
        setlocale(LC_ALL, "C.UTF-8")
        setenv("TERM", "xterm-256color", 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(getpid()).bin").path
        try "\u{1b}[1~\u{1b}[4~\u{1b}[7~\u{1b}[8~\u{1b}OH\u{1b}OFj".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        guard let output = fopen("/dev/null", "w"), let input = fopen(path, "r") else {
            Issue.record("cannot open the input")
            return
        }
        let screen = newterm(nil, output, input)
        defer {
            endwin()
            delscreen(screen)
            fclose(output)
            fclose(input)
        }
        keypad(cn_stdscr(), true)
        for (sequence, code) in KeyDecoder.curses { _ = define_key(sequence, code) }
        let terminal = NcursesTerminal()
        var keys: [Key] = []
        while keys.count < 7, let key = terminal.nextKey(timeoutMilliseconds: 100) { keys.append(key) }
        #expect(keys == [.home, .end, .home, .end, .home, .end, .character("j")])
    }
}

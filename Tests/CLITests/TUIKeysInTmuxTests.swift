import Foundation
import Testing

/// Keys as tmux sends them to `mtasts demo` under `TERM=xterm-256color` (issue 13): Home/End
/// (tmux sends `ESC [1~`/`ESC [4~`, which xterm's terminfo does not list), C-l, and the help
/// scrolling at 80x24. The demo needs no network and no lab.
@Suite("TUI keys in tmux", .serialized, .enabled(if: TmuxSession.isAvailable))
struct TUIKeysInTmuxTests {
    @Test("Home/End, C-l and help scrolling at 80x24 with TERM=xterm-256color")
    func keys() throws {
        let session = try TmuxSession(command: "\(CLIRunner.binary.path) demo", width: 80, height: 24,
                                      environment: ["TERM": "xterm-256color"])
        defer { session.close() }
        try session.wait(for: "14 domains")
        try session.send("End")
        try session.wait(for: "14/14")
        try session.send("Home")
        let top = try session.wait(for: "1/14")
        #expect(!top.contains("[1~") && !top.contains("[4~"), "no sequence bytes typed into the screen")
        try session.send("C-l")
        try session.wait(for: "1/14")
        try session.send("?")
        try session.wait(for: "more below")
        try session.send("G")
        let bottom = try session.wait(for: "more above")
        #expect(bottom.contains("repaint the whole screen"))
        try session.send("g")
        try session.wait(for: "lines 1-20")
        try session.send("Escape")
        try session.wait(for: "Enter open")  // back on the list (an ESC and q together are Alt-q)
        try session.send("q")
        try session.wait(for: "MTASTS-EXITED-0")
    }
}

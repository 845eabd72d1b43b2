import TerminalUI

/// The rollout panel's and history screen's rows of the action table (keys, help, footer).
/// Moving, scrolling, help and quitting are repeated here for the two screens so the shared
/// rows stay as they are.
enum RolloutActions {
    static let both: Set<ScreenKind> = [.rollout, .history]

    static let table: [Action] = [
        Action(.rolloutPanel, [.character("p")], "p", footer: "rollout",
               "rollout panel: live stage, next step, what to publish, plan vs live, the gate", on: [.detail]),
        Action(.history, [.character("H")], "H", footer: "history", "audit log and timeline of observed live stages",
               on: [.detail, .rollout]),
        Action(.moveDown, [.down, .character("j")], "↓ j", "scroll down", on: both),
        Action(.moveUp, [.up, .character("k")], "↑ k", "scroll up", on: both),
        Action(.pageDown, [.pageDown], "PgDn", "page down", on: both),
        Action(.pageUp, [.pageUp], "PgUp", "page up", on: both),
        Action(.halfPageDown, [.ctrl("d")], "C-d", "half a page down", on: both),
        Action(.halfPageUp, [.ctrl("u")], "C-u", "half a page up", on: both),
        Action(.top, [.home, .character("g")], "Home g", "first line", on: both),
        Action(.bottom, [.end, .character("G")], "End G", "last line", on: both),
        Action(.back, [.escape, .character("h"), .left], "Esc h", footer: "back", "back to the previous screen", on: both),
        Action(.planTesting, [.character("t")], "t", footer: "testing",
               "plan testing (from enforce: the emergency step back; senders keep a cached enforce policy until max_age)",
               on: [.rollout], writes: true),
        Action(.planEnforce, [.character("e")], "e", footer: "enforce", "plan enforce through the gate (a fresh check runs first)",
               on: [.rollout], writes: true),
        Action(.planNone, [.character("n")], "n", "plan none: withdraw with mode none and a new id (RFC 8461 §8.3)",
               on: [.rollout], writes: true),
        Action(.published, [.character("P")], "P", footer: "published",
               "I have published it: re-check until live matches the plan or a timeout", on: [.rollout], writes: true),
        Action(.advance, [.character("A")], "A", footer: "advance",
               "advance to the next stage through the gate (none → testing → enforce; none → removed)", on: [.rollout], writes: true),
        Action(.override, [.character("o")], "o", footer: "override", "override a refused move: type the domain name and a reason (audit log)",
               on: [.rollout], writes: true),
        Action(.refresh, [.character("r")], "r", "check the domain again now", on: [.rollout]),
        Action(.help, [.character("?"), .function(1)], "? F1", footer: "help", "this help", on: both),
        Action(.quit, [.character("q")], "q", "back to the previous screen", on: both),
        Action(.quitAll, [.character("Q"), .ctrl("c")], "Q C-c", "quit now", on: both),
    ]
}

import TerminalUI

/// Every action of the app with its keys, help text and where it applies: one table drives the
/// key handling, the `?` help screen and the footer hints (STYLE.md A1), and `--readonly`
/// strips the actions that write (A5).
public enum ActionID: String, Sendable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom, redraw
    case open, back, filter, clearFilter, sort, problemsOnly, refresh, refreshAll, stopChecks, add, remove, command, help, quit, quitAll
    case nextPane, previousPane, pane1, pane2, pane3, pane4
    case pane5, drill, triage
    case rolloutPanel, history, planTesting, planEnforce, planNone, published, advance, override
}

public struct Action: Sendable {
    public var id: ActionID
    public var keys: [Key]
    /// How the keys are written in help and footer.
    public var keyLabel: String
    /// Short footer label, or nil to keep it out of the footer.
    public var footer: String?
    public var help: String
    public var screens: Set<ScreenKind>
    /// Writes to the workspace: hidden with `--readonly`.
    public var writes: Bool

    init(_ id: ActionID, _ keys: [Key], _ keyLabel: String, footer: String? = nil, _ help: String,
         on screens: Set<ScreenKind>, writes: Bool = false) {
        self.id = id
        self.keys = keys
        self.keyLabel = keyLabel
        self.footer = footer
        self.help = help
        self.screens = screens
        self.writes = writes
    }
}

public enum ScreenKind: String, Sendable, Hashable { case list, detail, help, triage, rollout, history }

extension Screen {
    var kind: ScreenKind {
        switch self {
        case .list: .list
        case .detail: .detail
        case .help: .help
        case .triage: .triage
        case .rollout: .rollout
        case .history: .history
        }
    }
}

public enum ActionTable {
    public static let all: [Action] = [
        Action(.moveDown, [.down, .character("j")], "↓ j", "move down", on: [.list, .detail, .triage]),
        // On the help screen itself the footer says it scrolls.
        Action(.moveDown, [.down, .character("j")], "↓ j", footer: "scroll", "scroll down", on: [.help]),
        Action(.moveUp, [.up, .character("k")], "↑ k", "move up", on: [.list, .detail, .help, .triage]),
        Action(.pageDown, [.pageDown], "PgDn", "page down", on: [.list, .detail, .help, .triage]),
        Action(.pageUp, [.pageUp], "PgUp", "page up", on: [.list, .detail, .help, .triage]),
        Action(.halfPageDown, [.ctrl("d")], "C-d", "half a page down", on: [.list, .detail, .help, .triage]),
        Action(.halfPageUp, [.ctrl("u")], "C-u", "half a page up", on: [.list, .detail, .help, .triage]),
        Action(.top, [.home, .character("g")], "Home g", "first line", on: [.list, .detail, .help, .triage]),
        Action(.bottom, [.end, .character("G")], "End G", "last line", on: [.list, .detail, .help, .triage]),
        Action(.open, [.enter, .right, .character("l")], "Enter", footer: "open", "open the domain's panes", on: [.list]),
        Action(.back, [.escape, .character("h"), .left], "Esc h", footer: "back", "back to the previous screen", on: [.detail, .help, .triage]),
        Action(.nextPane, [.tab], "Tab", footer: "pane", "next pane", on: [.detail]),
        Action(.previousPane, [.backTab], "S-Tab", "previous pane", on: [.detail]),
        Action(.pane1, [.character("1")], "1", "DNS pane", on: [.detail]),
        Action(.pane2, [.character("2")], "2", "Policy pane", on: [.detail]),
        Action(.pane3, [.character("3")], "3", "Certificates pane", on: [.detail]),
        Action(.pane4, [.character("4")], "4", "MX / STARTTLS pane", on: [.detail]),
        Action(.pane5, [.character("5")], "5", "Reports pane: TLS-RPT failures beside the live findings", on: [.detail]),
        Action(.drill, [.enter], "Enter", footer: "details",
               "Reports pane: the failure details of the selected group; triage: the domain's Reports pane",
               on: [.detail, .triage]),
        Action(.triage, [.character("T")], "T", footer: "triage",
               "triage: every domain with TLS-RPT failures in the last 30 days, worst first", on: [.list]),
        Action(.filter, [.character("/")], "/", footer: "filter",
               "filter: text, stage:testing, status:fail|warn|ok|unchecked, code:mx-cert, mx:host, plan:enforce (plan:- none), tlsrpt:fail, ! inverts",
               on: [.list]),
        Action(.clearFilter, [.escape], "Esc", "clear the filter", on: [.list]),
        Action(.sort, [.character("s")], "s", footer: "sort", "sort by name, worst finding, stage, cert expiry, last check",
               on: [.list]),
        Action(.problemsOnly, [.character("!")], "!", footer: "problems", "show only domains with errors or warnings",
               on: [.list]),
        Action(.refresh, [.character("r")], "r", footer: "refresh", "check the domain again now", on: [.list, .detail]),
        Action(.refreshAll, [.character("R")], "R", "check every shown domain again", on: [.list]),
        Action(.stopChecks, [.character("x")], "x", "stop the running checks (those in flight finish; periodic refresh pauses)",
               on: [.list, .detail]),
        Action(.add, [.character("a")], "a", footer: "add", "add domains (space-separated)", on: [.list], writes: true),
        Action(.remove, [.character("d")], "d", "remove the domain from the workspace (asks first)", on: [.list],
               writes: true),
        Action(.command, [.character(":")], ":", "command: check [D…], add D…, remove D, plan [D] --to STAGE, history [D], triage, stop, sort KEY, filter TEXT, q",
               on: [.list, .detail]),
        Action(.help, [.character("?"), .function(1)], "? F1", footer: "help", "this help", on: [.list, .detail, .help, .triage]),
        Action(.quit, [.character("q")], "q", footer: "quit", "back, or quit on the list", on: [.list, .detail, .help, .triage]),
        Action(.quitAll, [.character("Q"), .ctrl("c")], "Q C-c", "quit now", on: [.list, .detail, .help, .triage]),
        Action(.redraw, [.ctrl("l")], "C-l", "repaint the whole screen", on: [.list, .detail, .help, .triage, .rollout, .history]),
    ] + RolloutActions.table

    /// The actions available on a screen (without writing ones when read-only).
    public static func actions(on screen: ScreenKind, readOnly: Bool) -> [Action] {
        all.filter { $0.screens.contains(screen) && !(readOnly && $0.writes) }
    }

    public static func action(for key: Key, on screen: ScreenKind, readOnly: Bool) -> ActionID? {
        actions(on: screen, readOnly: readOnly).first { $0.keys.contains(key) }?.id
    }
}

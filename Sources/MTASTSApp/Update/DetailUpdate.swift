import TerminalUI

/// Keys on a domain's detail screen.
enum DetailUpdate {
    static func handle(_ state: inout AppState, _ action: ActionID, domain: String) -> [Effect] {
        if state.pane == .reports, let effects = ReportsUpdate.handlePane(&state, action, domain: domain) { return effects }
        let page = max(state.height - 8, 1)
        func scroll(_ delta: Int) {
            state.paneScroll[state.pane] = max(0, (state.paneScroll[state.pane] ?? 0) + delta)
        }
        switch action {
        case .moveDown: scroll(1)
        case .moveUp: scroll(-1)
        case .pageDown: scroll(page)
        case .pageUp: scroll(-page)
        case .top: state.paneScroll[state.pane] = 0
        case .bottom: state.paneScroll[state.pane] = Int.max / 2  // clamped by the view
        case .nextPane, .previousPane:
            let all = Pane.allCases
            let index = all.firstIndex(of: state.pane)!
            state.pane = all[(index + (action == .nextPane ? 1 : all.count - 1)) % all.count]
        case .pane1: state.pane = .dns
        case .pane2: state.pane = .policy
        case .pane3: state.pane = .certificates
        case .pane4: state.pane = .mx
        case .pane5: state.pane = .reports
        case .rolloutPanel: return RolloutUpdate.openPanel(&state, domain: domain)
        case .history: return RolloutUpdate.openHistory(&state, domain: domain)
        case .back, .quit: state.screens.removeLast()
        case .refresh: return AppUpdate.startChecks(&state, [domain])
        case .stopChecks: return AppUpdate.stopChecks(&state)
        case .command: state.prompt = .command(TextInput())
        case .help: state.screens.append(.help)
        case .quitAll: return AppUpdate.quit(&state)
        default: break
        }
        return []
    }
}

import MTASTSCore
import TerminalUI

/// Keys on a domain's detail screen.
enum DetailUpdate {
    /// The detail screen opens on the pane of the worst finding (on-call wants the failure,
    /// not the last pane used); without a report yet, on DNS until the report arrives.
    static func openOnWorstPane(_ state: inout AppState, _ domain: String) {
        if let report = state.reports[domain] {
            state.pane = worstPane(report)
            state.paneFollowsWorst = nil
        } else {
            state.pane = .dns
            state.paneFollowsWorst = domain
        }
    }

    /// A report arrived: the screen opened before it moves to its worst pane, unless the
    /// operator already chose one.
    static func reportArrived(_ state: inout AppState, _ report: DomainReport) {
        guard state.paneFollowsWorst == report.domain else { return }
        state.paneFollowsWorst = nil
        if state.screen == .detail(domain: report.domain) { state.pane = worstPane(report) }
    }

    /// The pane whose findings are worst (error, could not check, warning); ties go to the
    /// first in Tab order, and DNS when nothing is above info.
    static func worstPane(_ report: DomainReport) -> Pane {
        var best: (pane: Pane, severity: Severity)?
        for pane in Pane.allCases {
            guard let group = pane.group,
                  let worst = report.findings(in: group).map(\.severity).max(), worst > .info else { continue }
            if best.map({ worst > $0.severity }) ?? true { best = (pane, worst) }
        }
        return best?.pane ?? .dns
    }

    static func handle(_ state: inout AppState, _ action: ActionID, domain: String) -> [Effect] {
        if [.nextPane, .previousPane, .pane1, .pane2, .pane3, .pane4, .pane5, .back, .quit].contains(action) {
            state.paneFollowsWorst = nil
        }
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
        case .halfPageDown: scroll(max(page / 2, 1))
        case .halfPageUp: scroll(-max(page / 2, 1))
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

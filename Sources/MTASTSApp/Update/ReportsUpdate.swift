import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// Keys and results of the TLS-RPT views: the Reports pane (group selection, drill into the
/// failure details) and the `T` triage screen. Pure like the rest of `update`.
enum ReportsUpdate {
    /// Keys on the Reports pane that act differently there; `nil` lets the detail screen
    /// handle the key (pane switching, back, refresh…).
    static func handlePane(_ state: inout AppState, _ action: ActionID, domain: String) -> [Effect]? {
        if var drill = state.tlsrpt.drill {
            switch action {
            case .back, .quit:
                state.tlsrpt.drill = nil
            case .moveDown: drill.scroll += 1
            case .moveUp: drill.scroll = max(0, drill.scroll - 1)
            case .pageDown: drill.scroll += max(state.height - 10, 1)
            case .pageUp: drill.scroll = max(0, drill.scroll - max(state.height - 10, 1))
            case .halfPageDown: drill.scroll += max((state.height - 10) / 2, 1)
            case .halfPageUp: drill.scroll = max(0, drill.scroll - max((state.height - 10) / 2, 1))
            case .top: drill.scroll = 0
            default: return nil
            }
            if state.tlsrpt.drill != nil { state.tlsrpt.drill = drill }
            return []
        }
        let count = state.tlsrpt.panes[domain]?.groups.count ?? 0
        switch action {
        case .moveDown: state.tlsrpt.selectedGroup = min(state.tlsrpt.selectedGroup + 1, max(count - 1, 0))
        case .moveUp: state.tlsrpt.selectedGroup = max(state.tlsrpt.selectedGroup - 1, 0)
        case .pageDown: state.tlsrpt.selectedGroup = min(state.tlsrpt.selectedGroup + 5, max(count - 1, 0))
        case .pageUp: state.tlsrpt.selectedGroup = max(state.tlsrpt.selectedGroup - 5, 0)
        case .halfPageDown: state.tlsrpt.selectedGroup = min(state.tlsrpt.selectedGroup + 3, max(count - 1, 0))
        case .halfPageUp: state.tlsrpt.selectedGroup = max(state.tlsrpt.selectedGroup - 3, 0)
        case .top: state.tlsrpt.selectedGroup = 0
        case .bottom: state.tlsrpt.selectedGroup = max(count - 1, 0)
        case .drill:
            guard let group = state.tlsrpt.panes[domain]?.groups[safe: state.tlsrpt.selectedGroup] else { return [] }
            state.tlsrpt.drill = FailureDrill(domain: domain, bucket: group.bucket)
            return [.loadFailureDetails(domain: domain, bucket: group.bucket)]
        case .refresh:
            state.tlsrpt.panes[domain] = nil
            return nil
        default: return nil
        }
        return []
    }

    /// `T` on the list.
    static func openTriage(_ state: inout AppState) -> [Effect] {
        state.screens.append(.triage)
        state.tlsrpt.triage = nil
        state.tlsrpt.triageList = ListState()
        return [.loadTriage]
    }

    /// Keys on the triage screen.
    static func handleTriage(_ state: inout AppState, _ action: ActionID) -> [Effect] {
        let count = state.tlsrpt.triage?.count ?? 0
        let visible = max(state.height - 6, 1)
        switch action {
        case .moveDown: state.tlsrpt.triageList.handle(.down, count: count, visible: visible)
        case .moveUp: state.tlsrpt.triageList.handle(.up, count: count, visible: visible)
        case .pageDown: state.tlsrpt.triageList.handle(.pageDown, count: count, visible: visible)
        case .pageUp: state.tlsrpt.triageList.handle(.pageUp, count: count, visible: visible)
        case .halfPageDown: state.tlsrpt.triageList.handle(.ctrl("d"), count: count, visible: visible)
        case .halfPageUp: state.tlsrpt.triageList.handle(.ctrl("u"), count: count, visible: visible)
        case .top: state.tlsrpt.triageList.handle(.home, count: count, visible: visible)
        case .bottom: state.tlsrpt.triageList.handle(.end, count: count, visible: visible)
        case .drill:
            guard let row = state.tlsrpt.triage?[safe: state.tlsrpt.triageList.selected] else { return [] }
            state.screens.append(.detail(domain: row.domain))
            state.pane = .reports
            state.paneScroll = [:]
            state.tlsrpt.selectedGroup = 0
            state.tlsrpt.drill = nil
            let known = state.rows.first { $0.name == row.domain }
            if state.reports[row.domain] == nil && known?.isChecked == true { return [.loadReport(row.domain)] }
        case .back, .quit: state.screens.removeLast()
        case .help: state.screens.append(.help)
        case .quitAll: return AppUpdate.quit(&state)
        default: break
        }
        return []
    }

    /// After any key: load the Reports pane when it is shown and not loaded yet.
    static func ensureLoaded(_ state: inout AppState) -> [Effect] {
        guard case .detail(let domain) = state.screen, state.pane == .reports,
            state.tlsrpt.panes[domain] == nil, !state.tlsrpt.loading.contains(domain)
        else { return [] }
        state.tlsrpt.loading.insert(domain)
        state.tlsrpt.selectedGroup = 0
        state.tlsrpt.drill = nil
        return [.loadTLSRPT(domain)]
    }

    /// A fresh check changes what explains the failure groups: reload the Reports pane of the
    /// domain when it is on screen, forget it otherwise (read again when next shown).
    static func afterCheck(_ state: inout AppState, _ domain: String) -> [Effect] {
        guard state.tlsrpt.panes[domain] != nil else { return [] }
        guard case .detail(domain) = state.screen, state.pane == .reports, !state.tlsrpt.loading.contains(domain) else {
            state.tlsrpt.panes[domain] = nil
            return []
        }
        state.tlsrpt.loading.insert(domain)
        return [.loadTLSRPT(domain)]
    }

    static func loaded(_ state: inout AppState, _ data: ReportsPaneData) -> [Effect] {
        state.tlsrpt.loading.remove(data.domain)
        state.tlsrpt.panes[data.domain] = data
        state.tlsrpt.selectedGroup = min(state.tlsrpt.selectedGroup, max(data.groups.count - 1, 0))
        return []
    }

    static func detailsLoaded(_ state: inout AppState, domain: String, bucket: TLSRPTFailureBucket, _ details: [StoredFailureDetail]) -> [Effect] {
        guard state.tlsrpt.drill?.domain == domain, state.tlsrpt.drill?.bucket == bucket else { return [] }
        state.tlsrpt.drill?.details = details
        return []
    }

    static func triageLoaded(_ state: inout AppState, _ rows: [DomainReportTotals]) -> [Effect] {
        state.tlsrpt.triage = rows
        state.tlsrpt.triageList.clamp(count: rows.count, visible: max(state.height - 6, 1))
        return []
    }
}

fileprivate extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

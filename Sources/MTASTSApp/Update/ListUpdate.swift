import TerminalUI

/// Keys on the domain list.
enum ListUpdate {
    static func handle(_ state: inout AppState, _ action: ActionID) -> [Effect] {
        let count = state.visible.count
        let visible = state.listBodyHeight
        switch action {
        case .moveDown: state.list.handle(.down, count: count, visible: visible)
        case .moveUp: state.list.handle(.up, count: count, visible: visible)
        case .pageDown: state.list.handle(.pageDown, count: count, visible: visible)
        case .pageUp: state.list.handle(.pageUp, count: count, visible: visible)
        case .halfPageDown: state.list.handle(.ctrl("d"), count: count, visible: visible)
        case .halfPageUp: state.list.handle(.ctrl("u"), count: count, visible: visible)
        case .top: state.list.handle(.home, count: count, visible: visible)
        case .bottom: state.list.handle(.end, count: count, visible: visible)
        case .open:
            guard let row = state.selectedRow else { return [] }
            state.screens.append(.detail(domain: row.name))
            state.paneScroll = [:]
            DetailUpdate.openOnWorstPane(&state, row.name)
            if state.reports[row.name] == nil && row.isChecked { return [.loadReport(row.name)] }
        case .filter:
            state.prompt = .filter(TextInput(text: state.filter.text))
            state.filterBeforePrompt = state.filter
        case .clearFilter:
            guard !state.filter.isEmpty || state.problemsOnly else { return [] }
            state.filter = DomainFilter("")
            state.problemsOnly = false
            state.refreshVisible()
        case .sort:
            state.sort = state.sort.next
            state.refreshVisible()
            AppUpdate.flash(&state, .info, "sorted by \(state.sort.label)")
        case .problemsOnly:
            state.problemsOnly.toggle()
            state.refreshVisible()
        case .refresh:
            guard let row = state.selectedRow else { return [] }
            return AppUpdate.startChecks(&state, [row.name])
        case .refreshAll:
            return AppUpdate.startChecks(&state, state.visible.map { state.rows[$0].name })
        case .stopChecks:
            return AppUpdate.stopChecks(&state)
        case .add:
            state.prompt = .addDomain(TextInput())
        case .remove:
            guard let row = state.selectedRow else { return [] }
            state.prompt = .confirmRemove(domain: row.name)
        case .command:
            state.prompt = .command(TextInput())
        case .help:
            state.screens.append(.help)
        case .triage:
            return ReportsUpdate.openTriage(&state)
        case .quit, .quitAll:
            return AppUpdate.quit(&state)
        default: break
        }
        return []
    }
}

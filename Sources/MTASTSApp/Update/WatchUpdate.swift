import Foundation
import MTASTSCore

/// Noticing what other processes do to the workspace (`mtasts domains add`, `check --save`
/// from cron, a second TUI): the tick asks for the change token now and then, a changed token
/// asks for the rows again, and the rows are merged in. All of it runs off the UI thread as
/// effects; here only state changes.
enum WatchUpdate {
    /// On the tick: ask for the change token when the interval has passed and nothing is awaited.
    static func duePoll(_ state: inout AppState) -> [Effect] {
        guard let interval = state.options.watchInterval, !state.watch.inFlight else { return [] }
        if let last = state.watch.lastPoll, state.now.timeIntervalSince(last) < interval { return [] }
        state.watch.lastPoll = state.now
        state.watch.inFlight = true
        return [.pollWorkspace]
    }

    /// The token came back: the first one is the baseline; a different one means another
    /// process committed, so the rows are read again.
    static func polled(_ state: inout AppState, _ token: Int?) -> [Effect] {
        guard let token else {
            state.watch.inFlight = false
            return []
        }
        defer { state.watch.token = token }
        guard let previous = state.watch.token, previous != token else {
            state.watch.inFlight = false
            return []
        }
        return [.reloadRows]  // still in flight until the rows arrive
    }

    /// Merges the rows read again: domains added elsewhere appear, domains removed elsewhere
    /// go, a row whose stored check is newer than the one shown is replaced (and its open
    /// report reloaded); a check of this session not saved yet is kept.
    static func reloaded(_ state: inout AppState, _ rows: [DomainRow]) -> [Effect] {
        state.watch.inFlight = false
        var effects: [Effect] = []
        let stored = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let removed = state.rows.filter { stored[$0.name] == nil && !state.checking.contains($0.name) }.map(\.name)
        state.rows.removeAll { removed.contains($0.name) }
        for name in removed { state.reports[name] = nil }
        var known = Set(state.rows.map(\.name))
        for row in rows {
            guard known.contains(row.name), let index = state.rows.firstIndex(where: { $0.name == row.name }) else {
                state.rows.append(row)
                known.insert(row.name)
                continue
            }
            let current = state.rows[index]
            if let storedAt = row.checkedAt, current.checkedAt.map({ storedAt > $0 }) ?? true {
                state.rows[index] = row
                if state.reports[row.name] != nil { effects.append(.loadReport(row.name)) }
            } else {
                state.rows[index].plannedStage = row.plannedStage
                state.rows[index].reportedFailures = row.reportedFailures
            }
        }
        state.refreshVisible()
        return effects
    }
}

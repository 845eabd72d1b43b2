import Foundation
import MTASTSCore
import TerminalUI

/// `update(state, message) -> effects`: the only place state changes. Pure: no I/O, no clock,
/// no waiting; effects run elsewhere and come back as messages.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            if case .resize(let width, let height) = key { return resize(&state, width, height) }
            if AppView.isTooSmall(width: state.width, height: state.height) {
                // Only the notice is on screen: nothing to act on but quitting (and repainting).
                switch key {
                case .character("q"), .character("Q"), .ctrl("c"): return quit(&state)
                case .ctrl("l"): return [.redraw]
                default: return []
                }
            }
            if state.prompt != nil { return PromptUpdate.handle(&state, key) }
            if state.flash?.level == .error { state.flash = nil }
            let effects = handleKey(&state, key)
            return effects + ReportsUpdate.ensureLoaded(&state)
        case .resized(let width, let height):
            return resize(&state, width, height)
        case .tick(let now, let milliseconds):
            state.now = now
            state.clockMilliseconds = milliseconds
            if let expires = state.flash?.expires, expires <= now { state.flash = nil }
            return dueRefreshes(&state) + RolloutUpdate.dueVerifications(&state) + WatchUpdate.duePoll(&state)
        case .loaded(let rows):
            state.rows = rows
            state.refreshVisible()
            let unchecked = rows.filter { !$0.isChecked }.map(\.name)
            return startChecks(&state, unchecked, announce: false)
        case .workspacePolled(let token):
            return WatchUpdate.polled(&state, token)
        case .rowsReloaded(let rows):
            return WatchUpdate.reloaded(&state, rows)
        case .checked(let report):
            // A check stopped with `x` may still arrive: shown, but no longer counted in a run.
            let counted = state.checking.remove(report.domain) != nil
            if counted { state.runDone += 1 }
            if counted && report.isUnknown { state.runUnknown += 1 }
            if counted && state.checking.isEmpty {
                let judged = state.runDone - state.runUnknown
                if state.runUnknown > 0 {
                    flash(&state, .warning, "checked \(judged) domain\(judged == 1 ? "" : "s"); could not check \(state.runUnknown): "
                          + (report.couldNotCheck.first?.message ?? "the checker could not look"))
                } else {
                    flash(&state, .info, "checked \(state.runDone) domain\(state.runDone == 1 ? "" : "s")")
                }
                state.runTotal = 0
                state.runDone = 0
                state.runUnknown = 0
            }
            state.reports[report.domain] = report
            DetailUpdate.reportArrived(&state, report)
            state.upsert(DomainRow(report: report))
            state.refreshVisible()
            return ReportsUpdate.afterCheck(&state, report.domain)
        case .checkRunFinished(let result):
            if let saveError = result.saveError {
                flash(&state, .error, "the checks could not be saved: \(saveError)")
            } else if !result.summary.isComplete, let line = result.summary.lines.last {
                flash(&state, .warning, line)
            }
            return []
        case .reportLoaded(let report):
            state.reports[report.domain] = report
            DetailUpdate.reportArrived(&state, report)
            return []
        case .domainsAdded(let added, let existing, let invalid):
            for name in added { state.upsert(DomainRow(name: name)) }
            state.refreshVisible()
            if let first = added.first, let position = state.visible.firstIndex(where: { state.rows[$0].name == first }) {
                state.list.selected = position
                state.list.clamp(count: state.visible.count, visible: state.listBodyHeight)
            }
            var parts: [String] = []
            if !added.isEmpty { parts.append("added \(added.joined(separator: ", "))") }
            if !existing.isEmpty { parts.append("already there: \(existing.joined(separator: ", "))") }
            if !invalid.isEmpty { parts.append("not domain names: \(invalid.joined(separator: ", "))") }
            flash(&state, invalid.isEmpty ? .info : .error, parts.joined(separator: "; "))
            return startChecks(&state, added, announce: false)
        case .domainRemoved(let name):
            state.rows.removeAll { $0.name == name }
            state.reports[name] = nil
            state.refreshVisible()
            flash(&state, .info, "removed \(name)")
            return []
        case .failed(let text):
            flash(&state, .error, text)
            return []
        case .tlsrptLoaded(let data):
            return ReportsUpdate.loaded(&state, data)
        case .failureDetailsLoaded(let domain, let bucket, let details):
            return ReportsUpdate.detailsLoaded(&state, domain: domain, bucket: bucket, details)
        case .rollout(let response):
            return RolloutUpdate.response(&state, response)
        case .triageLoaded(let rows):
            return ReportsUpdate.triageLoaded(&state, rows)
        }
    }

    static func resize(_ state: inout AppState, _ width: Int, _ height: Int) -> [Effect] {
        state.width = width
        state.height = height
        state.list.clamp(count: state.visible.count, visible: state.listBodyHeight)
        if state.screen == .help {
            let below = state.screens.dropLast().last ?? .list
            state.helpScroll = min(state.helpScroll, HelpView.maxScroll(for: below.kind, state))
        }
        return []
    }

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        let screen = state.screen
        guard let action = ActionTable.action(for: key, on: screen.kind, readOnly: state.options.readOnly) else {
            if state.options.readOnly, ActionTable.all.contains(where: { $0.writes && $0.keys.contains(key) }) {
                flash(&state, .warning, "read-only workspace: \(key) is disabled")
            }
            return []
        }
        if action == .redraw { return [.redraw] }
        switch screen {
        case .list: return ListUpdate.handle(&state, action)
        case .detail(let domain): return DetailUpdate.handle(&state, action, domain: domain)
        case .triage: return ReportsUpdate.handleTriage(&state, action)
        case .rollout(let domain): return RolloutUpdate.handle(&state, action, domain: domain, history: false)
        case .history(let domain): return RolloutUpdate.handle(&state, action, domain: domain, history: true)
        case .help:
            let below = state.screens.dropLast().last ?? .list
            let maxScroll = HelpView.maxScroll(for: below.kind, state)
            let page = max(HelpView.inner(width: state.width, height: state.height).height - 1, 1)
            func scroll(to line: Int) { state.helpScroll = min(max(line, 0), maxScroll) }
            switch action {
            case .back, .quit, .help:
                state.screens.removeLast()
                state.helpScroll = 0
            case .moveDown: scroll(to: state.helpScroll + 1)
            case .moveUp: scroll(to: state.helpScroll - 1)
            case .pageDown: scroll(to: state.helpScroll + page)
            case .pageUp: scroll(to: state.helpScroll - page)
            case .halfPageDown: scroll(to: state.helpScroll + max(page / 2, 1))
            case .halfPageUp: scroll(to: state.helpScroll - max(page / 2, 1))
            case .top: scroll(to: 0)
            case .bottom: scroll(to: maxScroll)
            case .quitAll: return quit(&state)
            default: break
            }
            return []
        }
    }

    static func quit(_ state: inout AppState) -> [Effect] {
        state.quitRequested = true
        return [.quit]
    }

    /// Starts checks for `domains` not already in flight.
    static func startChecks(_ state: inout AppState, _ domains: [String], announce: Bool = true) -> [Effect] {
        let fresh = domains.filter { !state.checking.contains($0) }
        guard !fresh.isEmpty else { return [] }
        state.checking.formUnion(fresh)
        state.runTotal += fresh.count
        if announce { flash(&state, .info, "checking \(fresh.count) domain\(fresh.count == 1 ? "" : "s")…") }
        return [.check(fresh)]
    }

    /// `x`: stops the run. Checks not started are dropped, those in flight finish and still
    /// show; the periodic refresh pauses for one interval so it does not restart the run.
    static func stopChecks(_ state: inout AppState) -> [Effect] {
        guard !state.checking.isEmpty else {
            flash(&state, .info, "no checks running")
            return []
        }
        let left = state.runTotal - state.runDone
        state.checking = []
        state.runTotal = 0
        state.runDone = 0
        state.runUnknown = 0
        state.refreshPausedUntil = state.now.addingTimeInterval(state.options.refreshInterval ?? 0)
        flash(&state, .warning, "stopped: \(left) check\(left == 1 ? "" : "s") dropped; those already in flight finish")
        return [.cancelChecks]
    }

    /// Periodic refresh: domains whose last check is older than the interval, a few at a time.
    static func dueRefreshes(_ state: inout AppState) -> [Effect] {
        guard let interval = state.options.refreshInterval, state.checking.isEmpty else { return [] }
        if let paused = state.refreshPausedUntil, state.now < paused { return [] }
        let due = state.rows.filter { row in
            guard let checked = row.checkedAt else { return false }
            return state.now.timeIntervalSince(checked) > interval
        }.prefix(200).map(\.name)
        return startChecks(&state, Array(due), announce: false)
    }

    static func flash(_ state: inout AppState, _ level: Flash.Level, _ text: String) {
        let seconds: TimeInterval = level == .info ? 4 : 8
        state.flash = Flash(level: level, text: text, expires: level == .error ? nil : state.now.addingTimeInterval(seconds))
    }
}

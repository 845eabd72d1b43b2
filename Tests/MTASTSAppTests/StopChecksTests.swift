import Foundation
import MTASTSCore
import Testing
import TerminalUI
@testable import MTASTSApp

/// `x` stops a run of checks: nothing more starts, late results still show but are not counted,
/// and the periodic refresh does not restart the run at once.
@Suite("Stopping checks")
struct StopChecksTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func state() -> AppState {
        var state = AppState(options: AppOptions(refreshInterval: 3600), width: 100, height: 30, now: now)
        let rows = DemoWorld.observations(now: now).map { observation -> DomainRow in
            var row = DomainRow(report: Evaluator.evaluate(observation, at: now))
            row.checkedAt = now.addingTimeInterval(-7200)  // older than the refresh interval
            return row
        }
        state.rows = rows
        state.refreshVisible()
        return state
    }

    @Test("R starts a run; x drops it, says so, and emits cancelChecks")
    func stop() {
        var state = state()
        let started = AppUpdate.update(&state, .key(.character("R")))
        #expect(started.count == 1)
        #expect(state.checking.count == 14 && state.runTotal == 14)
        _ = AppUpdate.update(&state, .tick(now: now.addingTimeInterval(5), milliseconds: 5000))  // the flash expires
        #expect(AppView.render(state).text.contains("checking 0/14 domains… (x stops)"))
        let stopped = AppUpdate.update(&state, .key(.character("x")))
        #expect(stopped == [.cancelChecks])
        #expect(state.checking.isEmpty && state.runTotal == 0)
        #expect(state.flash?.text.contains("stopped: 14 checks dropped") == true)
    }

    @Test("a check that was in flight still updates its row but is not counted in a run")
    func lateResult() throws {
        var state = state()
        _ = AppUpdate.update(&state, .key(.character("R")))
        _ = AppUpdate.update(&state, .key(.character("x")))
        let observation = try #require(DemoWorld.observations(now: now).first { $0.domain == "old.example" })
        _ = AppUpdate.update(&state, .checked(Evaluator.evaluate(observation, at: now)))
        #expect(state.runDone == 0 && state.checking.isEmpty)
        #expect(state.rows.first { $0.name == "old.example" }?.checkedAt == observation.observedAt)
        #expect(state.flash?.text.hasPrefix("checked") != true, "no 'checked N domains' for a stopped run")
    }

    @Test("the periodic refresh pauses for one interval after x, then resumes")
    func refreshPauses() {
        var state = state()
        _ = AppUpdate.update(&state, .key(.character("R")))
        _ = AppUpdate.update(&state, .key(.character("x")))
        let soon = AppUpdate.update(&state, .tick(now: now.addingTimeInterval(60), milliseconds: 60_000))
        #expect(soon.isEmpty, "stale domains are not re-checked right after a stop")
        let later = AppUpdate.update(&state, .tick(now: now.addingTimeInterval(3700), milliseconds: 3_700_000))
        #expect(later.count == 1, "after the interval the refresh resumes")
    }

    @Test("x with nothing running only says so; x is in the help of the list")
    func idle() {
        var state = state()
        #expect(AppUpdate.update(&state, .key(.character("x"))).isEmpty)
        #expect(state.flash?.text == "no checks running")
        #expect(ActionTable.actions(on: .list, readOnly: true).contains { $0.id == .stopChecks })
    }
}

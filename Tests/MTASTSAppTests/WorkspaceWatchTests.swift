import Foundation
import MTASTSCore
import MTASTSStore
import Testing
@testable import MTASTSApp

/// Issue 11: the TUI noticed no domain another process added. Two `Workspace` handles on one
/// file stand for the TUI and another `mtasts` process.
@Suite("The TUI sees other processes' changes to the workspace")
struct WorkspaceWatchTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-watch-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func tick(_ app: inout AppDriver, _ seconds: TimeInterval) {
        app.send(.tick(now: AppDriver.now.addingTimeInterval(seconds), milliseconds: Int(seconds * 1000)))
    }

    @Test("a domain added through another handle appears in the list within a poll; own writes cause no reload")
    func otherProcessAdds() throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let tui = try Workspace.open(path: path)
        let other = try Workspace.open(path: path)
        _ = try tui.add(domains: ["first.example"])

        var options = AppOptions(refreshInterval: nil)
        options.watchInterval = 1
        var app = AppDriver(options: options, observations: [], checkAll: false)
        app.watchedWorkspace = tui
        app.send(.loaded(try WorkspaceRows.load(from: tui, now: AppDriver.now)))
        #expect(app.state.rows.map(\.name) == ["first.example"])
        app.state.checking = []  // the start-up check of first.example is not answered here

        tick(&app, 1)  // the first poll: the baseline
        #expect(app.effects.contains(.pollWorkspace))
        #expect(!app.effects.contains(.reloadRows))

        _ = try tui.add(domains: ["own.example"])  // this handle's own write
        tick(&app, 2.5)
        #expect(!app.effects.contains(.reloadRows), "the TUI's own writes are not another process's")

        _ = try other.add(domains: ["second.example"])
        tick(&app, 4)
        #expect(app.effects.contains(.reloadRows))
        #expect(Set(app.state.rows.map(\.name)) == ["first.example", "own.example", "second.example"])
        #expect(app.text.contains("second.example"))

        _ = try other.remove(domains: ["first.example"])
        tick(&app, 5.5)
        #expect(!app.state.rows.contains { $0.name == "first.example" })
    }

    @Test("polls are spaced by the interval and one at a time")
    func spacing() {
        var options = AppOptions(refreshInterval: nil)
        options.watchInterval = 1
        var state = AppState(options: options, width: 80, height: 24, now: AppDriver.now)
        #expect(AppUpdate.update(&state, .tick(now: AppDriver.now, milliseconds: 0)) == [.pollWorkspace])
        #expect(AppUpdate.update(&state, .tick(now: AppDriver.now.addingTimeInterval(2), milliseconds: 2000)).isEmpty,
                "no second poll while the first is unanswered")
        _ = AppUpdate.update(&state, .workspacePolled(7))
        #expect(AppUpdate.update(&state, .tick(now: AppDriver.now.addingTimeInterval(2.5), milliseconds: 2500)) == [.pollWorkspace])
        #expect(AppUpdate.update(&state, .workspacePolled(8)) == [.reloadRows])
    }
}

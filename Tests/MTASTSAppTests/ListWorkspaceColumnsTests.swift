import Foundation
import MTASTSCore
import MTASTSStore
import Testing
import TerminalUI
@testable import MTASTSApp

/// The list's workspace columns on wide terminals: the rollout plan's target and the TLS-RPT
/// failures of the last 7 days, loaded with the rows and kept when a check replaces a row.
@Suite("Domain list: plan and TLS-RPT columns")
struct ListWorkspaceColumnsTests {
    func loadedState(width: Int) async throws -> (AppState, DemoServices) {
        let services = try DemoServices.make(workspace: try Workspace.inMemory())
        let rows = try await services.loadRows()
        var state = AppState(options: AppOptions(refreshInterval: nil), width: width, height: 30, now: Date())
        _ = AppUpdate.update(&state, .loaded(rows))
        return (state, services)
    }

    func line(_ canvas: Canvas, _ domain: String) -> String {
        canvas.lines.first { $0.dropFirst().hasPrefix(domain + " ") } ?? ""
    }

    @Test("rows carry the planned stage and the reported failures; 140 columns show them")
    func wide() async throws {
        let (state, _) = try await loadedState(width: 140)
        let old = try #require(state.rows.first { $0.name == "old.example" })
        #expect((old.reportedFailures ?? 0) > 0, "the demo reports certificate-expired failures at mail.old.example")
        #expect(state.rows.first { $0.name == "example.org" }?.plannedStage == .enforce)
        #expect(state.rows.first { $0.name == "fresh.example" }?.plannedStage == nil)
        let canvas = AppView.render(state)
        #expect(canvas.lines[1].contains("PLAN") && canvas.lines[1].contains("TLS-RPT 7d"))
        #expect(line(canvas, "old.example").contains("✗ \(old.reportedFailures!)"))
        let org = line(canvas, "example.org")
        #expect(org.components(separatedBy: "enforce").count == 3, "live stage and plan both enforce: \(org)")
    }

    @Test("80 columns keep the narrow layout")
    func narrow() async throws {
        let (state, _) = try await loadedState(width: 80)
        let header = AppView.render(state).lines[1]
        #expect(!header.contains("PLAN") && !header.contains("TLS-RPT"))
    }

    @Test("a finished check replaces the row but keeps the plan and the reported failures")
    func checkKeepsWorkspaceData() async throws {
        var (state, services) = try await loadedState(width: 140)
        let before = try #require(state.rows.first { $0.name == "old.example" })
        let report = try #require(try await services.loadReport("old.example"))
        _ = AppUpdate.update(&state, .checked(report))
        let after = try #require(state.rows.first { $0.name == "old.example" })
        #expect(after.reportedFailures == before.reportedFailures)
        #expect(after.plannedStage == before.plannedStage)
    }

    @Test("filters plan:enforce, plan:- and tlsrpt:fail")
    func filters() async throws {
        let (state, _) = try await loadedState(width: 140)
        let rows = state.rows
        let enforce = rows.filter { DomainFilter("plan:enforce").matches($0) }.map(\.name)
        #expect(enforce.contains("example.org") && enforce.allSatisfy { name in rows.first { $0.name == name }?.plannedStage == .enforce })
        let unplanned = rows.filter { DomainFilter("plan:-").matches($0) }
        #expect(!unplanned.isEmpty && unplanned.allSatisfy { $0.plannedStage == nil })
        let failing = rows.filter { DomainFilter("tlsrpt:fail").matches($0) }.map(\.name)
        #expect(failing.contains("old.example") && !failing.contains("secure.example"))
        #expect(rows.filter { DomainFilter("!tlsrpt:fail").matches($0) }.count == rows.count - failing.count)
    }
}

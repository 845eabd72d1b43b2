import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI
@testable import MTASTSApp

/// Drives `update` and `view` like the runtime does, with effects answered at once from
/// recorded observations (the demo world): keys in, screens out as text.
struct AppDriver {
    var state: AppState
    let observations: [String: Observation]
    var effects: [Effect] = []
    /// A workspace of its own for the rollout panel (plans and audit entries are written).
    let rollout = RolloutHarness()
    /// The workspace `pollWorkspace` and `reloadRows` read, when a test watches one.
    var watchedWorkspace: Workspace?

    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // fixed: screens are reproducible

    init(width: Int = 80, height: Int = 24, options: AppOptions = AppOptions(refreshInterval: nil),
         observations: [Observation] = DemoWorld.observations(now: AppDriver.now), checkAll: Bool = true) {
        state = AppState(options: options, width: width, height: height, now: Self.now)
        self.observations = Dictionary(uniqueKeysWithValues: observations.map { ($0.domain, $0) })
        send(.loaded(observations.map { DomainRow(name: $0.domain) }))
        if !checkAll { effects = [] }
    }

    /// Applies a message and answers the effects it produces, like the runtime would.
    mutating func send(_ message: Message) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            let produced = AppUpdate.update(&state, next)
            effects += produced
            for effect in produced { queue += answer(effect) }
        }
    }

    func answer(_ effect: Effect) -> [Message] {
        switch effect {
        case .check(let domains):
            return domains.compactMap { observations[$0] }.map { .checked(Evaluator.evaluate($0, at: Self.now)) }
        case .loadReport(let domain):
            return observations[domain].map { [.reportLoaded(Evaluator.evaluate($0, at: Self.now))] } ?? []
        case .addDomains(let names):
            let existing = names.filter { name in state.rows.contains { $0.name == name } }
            let invalid = names.filter { !$0.contains(".") }
            let added = names.filter { !existing.contains($0) && !invalid.contains($0) }
            return [.domainsAdded(added: added, existing: existing, invalid: invalid)]
        case .removeDomain(let name):
            return [.domainRemoved(name)]
        case .loadTLSRPT(let domain):
            return (try? ReportsLoader(workspace: Self.reportsWorkspace).pane(domain, now: Self.now)).map { [.tlsrptLoaded($0)] } ?? []
        case .loadFailureDetails(let domain, let bucket):
            let details = (try? ReportsLoader(workspace: Self.reportsWorkspace).details(domain, bucket: bucket, now: Self.now)) ?? []
            return [.failureDetailsLoaded(domain: domain, bucket: bucket, details)]
        case .loadTriage:
            return (try? ReportsLoader(workspace: Self.reportsWorkspace).triage(now: Self.now)).map { [.triageLoaded($0)] } ?? []
        case .rollout(let request, let who):
            return [.rollout(rollout.respond(request, observations: observations, operator: who))]
        case .pollWorkspace:
            return [.workspacePolled(watchedWorkspace.flatMap { try? $0.changeToken() })]
        case .reloadRows:
            return watchedWorkspace.flatMap { try? WorkspaceRows.load(from: $0, now: Self.now) }.map { [.rowsReloaded($0)] } ?? []
        case .quit, .cancelChecks, .redraw:
            return []
        }
    }

    /// The demo world with its TLS-RPT reports at `now`, in memory, for the Reports pane and `T`.
    static let reportsWorkspace: Workspace = {
        let workspace = try! Workspace.inMemory()
        _ = try! DemoServices.make(workspace: workspace, now: now)
        return workspace
    }()

    /// A driver on the detail screen of `domain` (selected in the list, then Enter).
    static func opened(_ domain: String, width: Int = 100, height: Int = 40,
                       options: AppOptions = AppOptions(refreshInterval: nil)) -> AppDriver {
        var app = AppDriver(width: width, height: height, options: options)
        let position = app.state.visible.firstIndex { app.state.rows[$0].name == domain }!
        app.state.list.selected = position
        app.press("<Enter>")
        return app
    }

    mutating func press(_ sequence: String) {
        for key in Key.parse(sequence: sequence) { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    var screen: Canvas { AppView.render(state) }
    var text: String { screen.text }
    var lines: [String] { screen.lines }
}

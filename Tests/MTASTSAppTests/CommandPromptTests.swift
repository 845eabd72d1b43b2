import Foundation
import MTASTSCore
import Testing
import TerminalUI
@testable import MTASTSApp

/// The `:` command line speaks the CLI's verbs: plan, history, triage, stop beside check, add,
/// remove, sort, filter.
@Suite("Command prompt")
struct CommandPromptTests {
    func command(_ app: inout AppDriver, _ text: String) {
        app.press(":")
        app.type(text)
        app.press("<Enter>")
    }

    @Test(":plan DOMAIN --to testing opens the rollout panel and moves through the gate")
    func plan() {
        var app = AppDriver(width: 100, height: 40)
        app.effects = []
        command(&app, "plan old.example --to testing")
        #expect(app.state.screen == .rollout(domain: "old.example"))
        let moves = app.effects.compactMap { effect -> RolloutTarget? in
            if case .rollout(.move(let domain, let target, _), _) = effect, domain == "old.example" { return target }
            return nil
        }
        #expect(moves == [.testing])
    }

    @Test(":plan with a bad target says how; read-only refuses it")
    func planErrors() {
        var app = AppDriver(width: 100, height: 40)
        command(&app, "plan old.example --to sideways")
        #expect(app.state.flash?.text == "use `:plan [DOMAIN] --to testing|enforce|none`")
        var readOnly = AppDriver(width: 100, height: 40, options: AppOptions(readOnly: true, refreshInterval: nil))
        command(&readOnly, "plan old.example --to testing")
        #expect(readOnly.state.screen == .list)
        #expect(readOnly.state.flash?.text == "read-only workspace")
    }

    @Test(":history, :triage and an unknown verb")
    func others() {
        var app = AppDriver(width: 100, height: 40)
        command(&app, "history example.org")
        #expect(app.state.screen == .history(domain: "example.org"))
        app.press("<Esc>")
        command(&app, "triage")
        #expect(app.state.screen == .triage)
        app.press("<Esc>")
        command(&app, "frobnicate")
        #expect(app.state.flash?.text.contains("unknown command `frobnicate`") == true)
    }
}

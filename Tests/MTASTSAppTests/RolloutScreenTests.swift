import Foundation
import MTASTSCore
import MTASTSStore
import Testing
import TerminalUI
@testable import MTASTSApp

@Suite("Rollout panel, gate modal and history screen")
struct RolloutScreenTests {
    func open(_ domain: String, width: Int = 100, height: Int = 40, options: AppOptions = AppOptions(refreshInterval: nil)) -> AppDriver {
        var options = options
        options.operatorName = "tester"
        return AppDriver.opened(domain, width: width, height: height, options: options)
    }

    func line(_ app: AppDriver, _ prefix: String) -> String? {
        app.lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }?.trimmingCharacters(in: .whitespaces)
    }

    @Test("p opens the panel: live stage, plan, next step, soak, verification, the gate with its blocker")
    func panel() throws {
        var app = open("example.com")
        app.press("p")
        #expect(app.state.screen == .rollout(domain: "example.com"))
        #expect(app.lines[0].hasPrefix(" example.com  rollout  live testing  plan testing"))
        #expect(line(app, "Stages") == "Stages      none → [testing] → enforce → none (withdraw)")
        #expect(line(app, "Plan") == "Plan        testing  id 20261101T120000  published 2026-10-28 11:06Z  verified 2026-10-28 11:06Z")
        #expect(line(app, "Soak") == "Soak        21d 0h in testing of 14d 0h ✓")
        #expect(line(app, "✓ live matches the plan") != nil)
        #expect(line(app, "Gate testing → enforce") == "Gate testing → enforce  (A advances)")
        #expect(line(app, "✗ 1 blocker(s)") == "✗ 1 blocker(s)   ⚠ 0 warning(s) to acknowledge")
        #expect(line(app, "✗ BLOCKER  policy.mx-uncovered") == "✗ BLOCKER  policy.mx-uncovered  mx2.example.com")
        // A explains itself before it is pressed (lazygit's GetDisabledReason), in the gate's words.
        let footer = app.lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""
        #expect(footer.hasSuffix("A blocked: policy.mx-uncovered"), "\(footer)")
        #expect(app.text.contains("MX change: safe order (RFC 8461 §8.1)"))
        app.press("<Esc>")
        #expect(app.state.screen == .detail(domain: "example.com"))
        // One verdict: the header says what the panel's gate says, in the same words.
        #expect(app.lines[0].contains("enforce: NOT ready, blocked: policy.mx-uncovered"), "\(app.lines[0])")
        let row = try #require(app.state.rows.first { $0.name == "example.com" })
        let report = try #require(app.state.reports["example.com"])
        #expect(row.worstCode == report.worstFinding?.code)
        #expect(row.expiryDays == report.earliestCertificateExpiryDays)
        #expect(row.stage == report.liveStage)
    }

    @Test("A is refused with blockers; o opens the override modal; the typed name and a reason are required; H shows the audit")
    func overrideModal() throws {
        var app = open("example.com")
        app.press("pA")
        #expect(app.state.prompt == nil)
        #expect(app.text.contains("✗ enforce refused: blocked: policy.mx-uncovered; o overrides (type the name and a reason)"))
        #expect(try app.rollout.workspace.plan(domain: "example.com")?.target == .testing)
        app.press("o")
        #expect(line(app, "┌ Override the gate: enforce") != nil || app.text.contains("┌ Override the gate: enforce"))
        #expect(app.text.contains("│ 1 blocker(s) make enforce unsafe for example.com:"))
        #expect(app.text.contains("│   ✗ BLOCKER  policy.mx-uncovered  mx2.example.com"))
        // Enter with the wrong name does nothing but say why.
        app.type("example.org")
        app.press("<Enter>")
        #expect(app.text.contains("│ type the domain name exactly: example.com"))
        #expect(try app.rollout.workspace.plan(domain: "example.com")?.target == .testing)
        // The right name without a reason: still nothing.
        app.press("<C-u>")
        app.type("example.com")
        app.press("<Enter>")
        #expect(app.text.contains("│ give a reason: it goes to the audit log"))
        guard case .gate(let modal)? = app.state.prompt else { Issue.record("the modal closed"); return }
        #expect(modal.focus == .reason)
        app.type("INC-7 mx2 retired tonight")
        app.press("<Enter>")
        #expect(app.state.prompt == nil)
        #expect(app.text.contains("⚠ OVERRIDE recorded: planned enforce for example.com despite 1 blocker(s)"))
        let plan = try #require(try app.rollout.workspace.plan(domain: "example.com"))
        #expect(plan.target == .enforce)
        #expect(line(app, "Plan")?.hasPrefix("Plan        enforce  id \(plan.policyID)  not published") == true)
        #expect(app.text.contains("     + mode: enforce"))
        #expect(app.text.contains("     - mode: testing"))

        app.press("H")
        #expect(app.state.screen == .history(domain: "example.com"))
        #expect(app.lines[0].hasPrefix(" example.com  history"))
        #expect(line(app, "testing   2026-10-28 11:06Z … 2026-11-18 11:06Z") != nil)
        #expect(line(app, "2026-11-18 11:06Z  override     tester") != nil)
        #expect(app.text.contains("reason: INC-7 mx2 retired tonight; blockers:"))
        let audit = try app.rollout.workspace.auditLog(domain: "example.com")
        #expect(audit.last?.action == .override && audit.last?.operator == "tester")
    }

    @Test("Esc cancels the override: nothing is planned")
    func cancel() throws {
        var app = open("old.example")
        app.press("pAo")
        #expect(app.text.contains("mx-cert.expired"))
        app.type("old.example")
        app.press("<Esc>")
        #expect(app.state.prompt == nil)
        #expect(app.text.contains("cancelled: old.example stays as it is"))
        #expect(try app.rollout.workspace.plan(domain: "old.example")?.target == .testing)
    }

    @Test("enforce → testing (emergency): warnings only, acknowledged by typing the name")
    func acknowledge() throws {
        var app = open("example.org")
        app.press("pt")
        guard case .gate(let modal)? = app.state.prompt else { Issue.record("no acknowledgement modal"); return }
        #expect(!modal.needsReason)
        #expect(app.text.contains("┌ Acknowledge warnings: testing"))
        #expect(app.text.contains("⚠ WARNING  rollout.cached-policy  example.org"))
        #expect(!app.text.contains("reason>"))
        app.type("example.org")
        app.press("<Enter>")
        #expect(app.text.contains("planned testing for example.org: publish it, then press P"))
        #expect(try app.rollout.workspace.plan(domain: "example.org")?.target == .testing)
        #expect(try app.rollout.workspace.auditLog(domain: "example.org").last?.action == .acknowledge)
    }

    @Test("none → testing: exactly what to publish (file, URL, TXT zone line, TLS-RPT line)")
    func publishInstructions() throws {
        var app = open("fresh.example", height: 60)
        app.press("p")
        #expect(line(app, "Next step") == "Next step   [plan] plan testing: mtasts plan fresh.example --to testing")
        app.press("t")
        let plan = try #require(try app.rollout.workspace.plan(domain: "fresh.example"))
        #expect(line(app, "policy file") == "policy file  https://mta-sts.fresh.example/.well-known/mta-sts.txt")
        #expect(line(app, "mode: testing") != nil)
        #expect(line(app, "mx: mx.hosted-mail.example") != nil)
        #expect(line(app, "TXT") == "TXT  _mta-sts.fresh.example. 300 IN TXT \"v=STSv1; id=\(plan.policyID);\"")
        #expect(line(app, "TLS-RPT") == "TLS-RPT  _smtp._tls.fresh.example. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@fresh.example\"")
    }

    @Test("P starts verification: re-checks on ticks off the UI thread until a timeout, then explains")
    func verification() throws {
        var app = open("fresh.example")
        app.press("pt")
        app.press("P")
        #expect(app.state.rollout.verifying["fresh.example"] != nil)
        #expect(app.text.contains("re-checking until live matches (check 1"))
        #expect(try app.rollout.workspace.auditLog(domain: "fresh.example").last?.action == .published)
        app.effects = []
        app.send(.tick(now: AppDriver.now.addingTimeInterval(6), milliseconds: 6000))
        #expect(app.effects.contains(.rollout(.verify("fresh.example"), operator: "tester")))
        app.send(.tick(now: AppDriver.now.addingTimeInterval(RolloutViewState.verifyTimeout + 10), milliseconds: 200_000))
        #expect(app.state.rollout.verifying["fresh.example"] == nil)
        #expect(app.text.contains("not live yet after 3 checks: DNS TTLs and caches may delay it; P checks again"))
    }

    @Test("H from the detail screen: timeline enforce → removing and the withdrawal's audit entries")
    func history() {
        var app = open("leaving.example")
        app.press("H")
        #expect(line(app, "enforce   2026-09-19 11:06Z … 2026-11-13 11:06Z  2 checks") != nil)
        #expect(line(app, "removing  2026-11-15 11:06Z") != nil)
        #expect(line(app, "2026-11-15 11:06Z  verified     erin") != nil)
        app.press("<Esc>p")
        #expect(line(app, "Next step")?.hasPrefix("Next step   [wait] wait until 2026-11-29 11:11Z") == true)
        #expect(line(app, "Removal") == "Removal     earliest 2026-11-29 11:11Z (max_age wait, RFC 8461 §8.3)")
    }

    @Test("read-only: the panel shows, moves are gone from help, footer and keys")
    func readOnly() throws {
        var app = open("example.com", options: AppOptions(readOnly: true, refreshInterval: nil))
        app.press("p")
        #expect(app.state.screen == .rollout(domain: "example.com"))
        app.press("A")
        #expect(try app.rollout.workspace.auditLog(domain: "example.com").last?.action == .refused)
        #expect(app.text.contains("read-only workspace: A is disabled"))
        app.press("?")
        #expect(app.text.contains("Help: rollout panel keys"))
        #expect(!app.text.contains("advance to the next stage"))
        #expect(app.text.contains("audit log and timeline"))
    }

    @Test("80×24: the panel fits and scrolls")
    func small() {
        var app = open("example.com", width: 80, height: 24)
        app.press("p")
        #expect(app.lines.count == 24)
        #expect(app.lines[0].contains("example.com"))
        let before = app.lines[1]
        app.press("j")
        #expect(app.lines[1] != before)
    }
}

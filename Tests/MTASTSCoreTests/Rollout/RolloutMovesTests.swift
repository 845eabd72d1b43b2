import Foundation
import Testing
@testable import MTASTSCore

@Suite("Rollout: moves back, removal, MX migration, next step, verification, instructions")
struct RolloutMovesTests {
    typealias F = RolloutFixture

    func input(_ to: RolloutTarget, _ report: DomainReport?, history: [HistoryPoint]) -> GateInput {
        GateInput(domain: "example.com", to: to, report: report, plan: nil, history: history, settings: RolloutSettings(),
                  reportTotals: nil, now: F.now)
    }

    @Test("enforce → testing warns that cached enforce policies stay until max_age (RFC 8461 §3.3, §5.1)")
    func emergencyBack() {
        let gate = RolloutGate.evaluate(input(.testing, F.report(mode: .enforce, maxAge: 1_209_600), history: [F.point(1, .enforce)]))
        #expect(gate.blockers.isEmpty)
        #expect(gate.warnings.map(\.code) == [.rolloutCachedPolicy])
        #expect(gate.warnings[0].message.contains("14d"))
        #expect(RolloutGate.evaluate(input(.testing, F.report(mode: nil), history: [])).isClear)
    }

    @Test("a planned testing or enforce policy without any mx line is blocked (RFC 8461 §3.2)")
    func noMX() {
        let plan = RolloutPlanner.plan(domain: "example.com", target: .testing, mx: [], now: F.now, id: "x")
        var gateInput = input(.testing, F.report(mode: nil), history: [])
        gateInput.plan = plan
        #expect(RolloutGate.evaluate(gateInput).blockers.map(\.code) == [.policyMxMissing])
    }

    @Test("removal is refused before the wait and without mode none live (RFC 8461 §8.3)")
    func removal() {
        let early = [F.point(3, .enforce, maxAge: 7 * 86_400), F.point(1, .removing)]
        #expect(RolloutGate.evaluate(input(.removed, F.report(mode: STSMode.none), history: early)).blockers.map(\.code) == [.rolloutRemovalWait])
        let late = [F.point(30, .enforce, maxAge: 7 * 86_400), F.point(20, .removing)]
        #expect(RolloutGate.evaluate(input(.removed, F.report(mode: STSMode.none), history: late)).isClear)
        #expect(RolloutGate.evaluate(input(.removed, F.report(mode: .testing), history: late)).blockers.map(\.code) == [.rolloutNotLive])
    }

    @Test("MX migration: the safe order, each step done from what is live (RFC 8461 §8.1)")
    func mxMigration() {
        let report = F.report(mode: .enforce, mx: ["mx1.example.com"], policyMX: ["mx1.example.com"])
        let start = MXMigration.steps(newMX: ["mx9.example.com"], report: report, history: [F.point(1, .enforce)], now: F.now)
        #expect(start?.map(\.done) == [false, false, false, false])
        let covering = F.report(mode: .enforce, mx: ["mx1.example.com"], policyMX: ["mx1.example.com", "mx9.example.com"])
        let history = [F.point(30, .enforce, id: "20250615120000abcd", maxAge: 86_400)]
        let waited = MXMigration.steps(newMX: ["mx9.example.com"], report: covering, history: history, now: F.now)
        #expect(waited?.map(\.done) == [true, true, false, false])
        // MX records changed without a policy covering the new host: a migration is needed.
        let changed = F.report(mode: .enforce, mx: ["mx9.example.com"], policyMX: ["mx1.example.com"])
        #expect(MXMigration.steps(newMX: nil, report: changed, history: [], now: F.now)?.first?.done == false)
        #expect(MXMigration.steps(newMX: nil, report: F.report(), history: [], now: F.now) == nil)
    }

    @Test("next step through the stages")
    func nextSteps() {
        func step(_ report: DomainReport?, _ plan: RolloutPlan?, _ history: [HistoryPoint] = []) -> RolloutStep.Kind {
            RolloutAdvisor.assess(domain: "example.com", report: report, plan: plan, history: history, now: F.now).nextStep.kind
        }
        #expect(step(F.report(mode: nil), nil) == .plan)
        #expect(step(F.report(mode: nil), F.plan(.testing)) == .publish)
        var published = F.plan(.testing)
        published.publishedAt = F.now
        #expect(step(F.report(mode: nil), published) == .verify)
        let testingPlan = F.plan(.testing, id: "20250615120000abcd", maxAge: 86_400)
        #expect(step(F.report(), testingPlan, [F.point(2, .testing)]) == .soak)
        #expect(step(F.report(), testingPlan, [F.point(20, .testing)]) == .advance)
        #expect(step(F.report(mode: .enforce, maxAge: 1_209_600), F.plan(.enforce, id: "20250615120000abcd")) == .done)
        let nonePlan = F.plan(.none, id: "20250615120000abcd")
        #expect(step(F.report(mode: STSMode.none), nonePlan, [F.point(3, .enforce, maxAge: 7 * 86_400), F.point(1, .removing)]) == .wait)
        #expect(step(F.report(mode: nil), F.plan(.removed)) == .done)
        #expect(step(F.report(), nil, [F.point(2, .testing, id: "x", sha: "1"), F.point(1, .testing, id: "x", sha: "2")]) == .fix)
    }

    @Test("advance targets: none → testing → enforce; none (withdrawing) → removed")
    func advanceTargets() {
        #expect(RolloutAdvisor.advanceTarget(plan: nil, liveStage: LiveStage.none) == .testing)
        #expect(RolloutAdvisor.advanceTarget(plan: F.plan(.testing), liveStage: .testing) == .enforce)
        #expect(RolloutAdvisor.advanceTarget(plan: F.plan(.enforce), liveStage: .enforce) == nil)
        #expect(RolloutAdvisor.advanceTarget(plan: F.plan(.none), liveStage: .removing) == .removed)
    }

    @Test("verification compares record and policy line by line and explains delays")
    func verification() {
        let plan = F.plan(.enforce, id: "20250615120000abcd")
        let mismatch = PlanVerification.verify(plan: plan, report: F.report(mode: .testing))
        #expect(!mismatch.matches && mismatch.recordMatches && !mismatch.policyMatches)
        #expect(mismatch.policyDiff.contains(DiffLine(.planned, "mode: enforce")))
        #expect(mismatch.policyDiff.contains(DiffLine(.live, "mode: testing")))
        #expect(mismatch.delays.contains { $0.contains("max_age") })
        let match = PlanVerification.verify(plan: F.plan(.enforce, id: "20250615120000abcd", maxAge: 86_400), report: F.report(mode: .enforce))
        #expect(match.matches)
        #expect(PlanVerification.verify(plan: F.plan(.removed), report: F.report(mode: nil)).matches)
    }

    @Test("instructions: file, URL, zone line, TLS-RPT line when missing, web root path")
    func instructions() {
        var plan = F.plan(.testing)
        plan.webroot = "/srv/www/"
        let i = PublicationInstructions.make(plan: plan, report: F.report(mode: nil, tlsrpt: false))
        #expect(i.policyURL == "https://mta-sts.example.com/.well-known/mta-sts.txt")
        #expect(i.zoneLine == "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20250615130000plan;\"")
        #expect(i.tlsrptLine == "_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"")
        #expect(i.webrootPath == "/srv/www/example.com/.well-known/mta-sts.txt")
        #expect(PublicationInstructions.make(plan: plan, report: F.report()).tlsrptLine == nil)
        #expect(PublicationInstructions.make(plan: F.plan(.removed), report: nil).zoneLine == nil)
    }

    @Test("the planner lists every MX, the planned new ones too, with a fresh id unless nothing changed")
    func planner() {
        let mx = [MXRecord(preference: 10, exchange: "mx1.example.com.")]
        let plan = RolloutPlanner.plan(domain: "Example.com.", target: .testing, mx: mx, plannedMX: ["mx9.example.com"], now: F.now, id: "new1")
        #expect(plan.domain == "example.com")
        #expect(plan.policy?.mx == ["mx1.example.com", "mx9.example.com"])
        #expect(plan.policy?.maxAge == 86_400)
        let same = RolloutPlanner.plan(domain: "example.com", target: .testing, mx: mx, plannedMX: ["mx9.example.com"], previous: plan, now: F.now, id: "new2")
        #expect(same.policyID == "new1")
        let enforce = RolloutPlanner.plan(domain: "example.com", target: .enforce, mx: mx, previous: plan, now: F.now, id: "new3")
        #expect(enforce.policyID == "new3")
        #expect(RolloutPlanner.plan(domain: "example.com", target: .removed, mx: mx, now: F.now, id: "x").policyText.isEmpty)
    }
}

import Foundation
import MTASTSCore
import Testing
@testable import MTASTSStore

@Suite("rollout plans and the audit log in the workspace")
struct RolloutStoreTests {
    let now = StoreFixture.now
    let day = StoreFixture.day

    @Test("migrations v1 to v4 are applied in order")
    func migration() throws {
        let workspace = try Workspace.inMemory()
        let applied = try workspace.appliedMigrations()
        #expect(applied == ["v1-domains-observations-settings", "v2-tlsrpt-reports", "v3-rollout", "v4-verdict-cache", "v6-policy-hosting"])
        #expect(applied.first == "v1-domains-observations-settings")
    }

    @Test("a plan round-trips with its settings and state; one plan per domain; unknown domain refused")
    func planRoundTrip() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["example.org"], at: now)
        var plan = RolloutPlan(
            domain: "example.org", target: .testing, policyText: "version: STSv1\r\nmode: testing\r\nmx: mx.example.org\r\nmax_age: 86400\r\n",
            policyID: "20260115120000abcd", settings: RolloutSettings(soakSeconds: 3 * day), webroot: "/srv/www",
            plannedMX: ["mx2.example.org", "mx3.example.org"], createdAt: now, publishedAt: now + 60)
        try workspace.save(plan)
        #expect(try workspace.plan(domain: "EXAMPLE.org.") == plan)
        plan.target = .enforce
        plan.verifiedAt = now + 120
        try workspace.save(plan)
        #expect(try workspace.plans().count == 1)
        #expect(try workspace.plan(domain: "example.org")?.target == .enforce)
        #expect(throws: WorkspaceError.unknownDomain("other.org")) {
            try workspace.save(RolloutPlan(domain: "other.org", target: .testing, policyText: "", policyID: "x", createdAt: now))
        }
        try workspace.deletePlan(domain: "example.org")
        #expect(try workspace.plan(domain: "example.org") == nil)
    }

    @Test("the audit log is append-only, per domain, oldest first, and outlives the domain")
    func audit() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example", "b.example"], at: now)
        try workspace.appendAudit(AuditEntry(at: now + 2, domain: "a.example", operator: "bob", action: .published, detail: "testing"))
        try workspace.appendAudit(AuditEntry(at: now + 1, domain: "A.example", operator: "alice", action: .plan, detail: "none → testing"))
        try workspace.appendAudit(AuditEntry(at: now + 3, domain: "b.example", operator: "carol", action: .override, detail: "reason: x"))
        let log = try workspace.auditLog(domain: "a.example")
        #expect(log.map(\.operator) == ["alice", "bob"])
        #expect(log.map(\.action) == [.plan, .published])
        try workspace.remove(domain: "a.example")
        #expect(try workspace.auditLog(domain: "a.example").count == 2)
        #expect(try workspace.auditLog().count == 3)
    }

    @Test("move: the gate refuses with blockers, the override needs the name and a reason, both are audited")
    func moveThroughTheGate() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["example.org"], at: now)
        // Live in testing for 20 days with a clean setup…
        try workspace.save(StoreFixture.observation("example.org", at: now - 20 * day, mode: .testing, id: "t1"))
        try workspace.save(StoreFixture.observation("example.org", at: now - day, mode: .testing, id: "t1"))
        // …but the fresh check (at `now`) finds a certificate expired since yesterday.
        var observation = StoreFixture.observation("example.org", at: now, mode: .testing, id: "t1")
        observation.mxHosts[0].probes[0].tls?.chain[0].notAfter = now - day
        try workspace.save(observation)
        let report = Evaluator.evaluate(observation, at: now)
        let refused = try workspace.move(domain: "example.org", to: .enforce, report: report, operator: "alice", now: now, id: "e1")
        #expect(!refused.decision.isAllowed)
        #expect(refused.gate.blockers.contains(.mxCertExpired))
        #expect(try workspace.plan(domain: "example.org") == nil)
        let noReason = try workspace.move(domain: "example.org", to: .enforce, report: report,
                                          override: GateOverride(typedDomain: "example.org"), operator: "alice", now: now, id: "e1")
        #expect(!noReason.decision.isAllowed)
        let overridden = try workspace.move(domain: "example.org", to: .enforce, report: report,
                                            override: GateOverride(typedDomain: "example.org", reason: "CHG-7 cert renews tonight"),
                                            operator: "alice", now: now, id: "e1")
        #expect(overridden.decision == .overridden(reason: "CHG-7 cert renews tonight"))
        let plan = try #require(try workspace.plan(domain: "example.org"))
        #expect(plan.target == .enforce && plan.policyID == "e1")
        #expect(plan.policy?.mode == .enforce && plan.policy?.mx == ["mx.example.org"])
        let log = try workspace.auditLog(domain: "example.org")
        #expect(log.map(\.action) == [.refused, .refused, .override])
        #expect(log[2].detail.contains("CHG-7 cert renews tonight"))
        #expect(log[2].detail.contains("mx-cert.expired"))
    }

    @Test("published and verified are recorded once; the assessment reads plan, history and soak")
    func publishAndVerify() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["example.org"], at: now)
        let before = StoreFixture.unpublished("example.org", at: now - 60)
        try workspace.save(before)
        let move = try workspace.move(domain: "example.org", to: .testing, report: Evaluator.evaluate(before, at: now - 60),
                                      operator: "bob", now: now - 60, id: "20260101")
        #expect(move.decision == .allowed)
        try workspace.markPublished(domain: "example.org", operator: "bob", now: now - 30)
        // The fixture serves exactly the planned policy? Build the plan's text as served.
        var live = StoreFixture.observation("example.org", at: now, mode: .testing, id: "20260101")
        live.policyFetch?.body = Array(move.plan.policyText.utf8)
        try workspace.save(live)
        let report = Evaluator.evaluate(live, at: now)
        #expect(try workspace.recordVerification(domain: "example.org", report: report, operator: "bob", now: now)?.matches == true)
        #expect(try workspace.recordVerification(domain: "example.org", report: report, operator: "bob", now: now + 1)?.matches == true)
        #expect(try workspace.auditLog(domain: "example.org").map(\.action) == [.plan, .published, .verified])
        let assessment = try workspace.rolloutAssessment(domain: "example.org", report: report, now: now + 3600)
        #expect(assessment.liveStage == .testing)
        #expect(assessment.nextStep.kind == .soak)
        #expect(assessment.soakSeconds == 3600)
        #expect(assessment.timeline.map(\.stage) == [.none, .testing])
        #expect(assessment.advanceTarget == .enforce)
    }

    @Test("a configured web root gets the policy file atomically; removal deletes it")
    func webroot() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["example.org"], at: now)
        let report = Evaluator.evaluate(StoreFixture.unpublished("example.org", at: now), at: now)
        let move = try workspace.move(domain: "example.org", to: .testing, report: report, operator: "bob",
                                      webroot: directory.url.path, now: now, id: "w1")
        let path = directory.path("example.org/.well-known/mta-sts.txt")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == move.plan.policyText)
        #expect(try workspace.auditLog(domain: "example.org").last?.action == .webrootWrite)
        // The workspace setting serves plans without a web root of their own.
        try workspace.add(domains: ["example.net"], at: now)
        try workspace.set(Workspace.webrootSetting, value: directory.url.path)
        let net = Evaluator.evaluate(StoreFixture.unpublished("example.net", at: now), at: now)
        _ = try workspace.move(domain: "example.net", to: .testing, report: net, operator: "bob", now: now, id: "w2")
        #expect(FileManager.default.fileExists(atPath: directory.path("example.net/.well-known/mta-sts.txt")))
        var removed = move.plan
        removed.target = .removed
        try WebrootWriter.write(removed, webroot: directory.url.path)
        #expect(!FileManager.default.fileExists(atPath: path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path("example.org/.well-known"))
        #expect(leftovers.isEmpty)
    }
}

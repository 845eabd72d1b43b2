import Foundation
import MTASTSCore
import MTASTSStore

/// Plans, older observations and audit entries for a few demo domains, so `mtasts demo` shows
/// a real rollout panel (`p`) and history (`H`): example.org went none → testing → enforce,
/// example.com and old.example soak in testing with blockers, leaving.example is withdrawing.
enum DemoRollout {
    static func seed(workspace: Workspace, now: Date) throws {
        let b = DemoWorld.Builder(now: now)
        let day: TimeInterval = 86_400
        func earlier(_ observation: Observation, days: Double, id: String? = nil) -> Observation {
            var copy = observation
            copy.observedAt = now.addingTimeInterval(-days * day)
            if let id { copy.stsTXT.records = [TXTRecord("v=STSv1; id=\(id);")] }
            return copy
        }
        func body(_ observation: Observation) -> String {
            String(decoding: observation.policyFetch?.body ?? [], as: UTF8.self)
        }
        func audit(_ domain: String, _ days: Double, _ who: String, _ action: AuditEntry.Action, _ detail: String) throws {
            try workspace.appendAudit(AuditEntry(at: now.addingTimeInterval(-days * day), domain: domain, operator: who, action: action, detail: detail))
        }
        let currentID = "20261101T120000"

        // example.org: none → testing (soaked three weeks) → enforce.
        let orgMX = ["mx1.example.org", "mx2.example.org"]
        let orgTesting = b.domain("example.org", stage: "testing", mx: orgMX)
        try workspace.save([
            earlier(b.domain("example.org", stage: "none", mx: orgMX), days: 45),
            earlier(orgTesting, days: 40, id: "20261016T090000"), earlier(orgTesting, days: 30, id: "20261016T090000"),
            earlier(orgTesting, days: 19, id: "20261016T090000"),
        ])
        let orgEnforce = b.domain("example.org", stage: "enforce", mx: orgMX)
        try workspace.save(RolloutPlan(
            domain: "example.org", target: .enforce, policyText: body(orgEnforce), policyID: currentID,
            createdAt: now - 41 * day, updatedAt: now - 18 * day, publishedAt: now - 18 * day, verifiedAt: now - 18 * day))
        try audit("example.org", 41, "alice", .plan, "none → testing, id 20261016T090000")
        try audit("example.org", 40, "alice", .published, "testing, id 20261016T090000")
        try audit("example.org", 40, "alice", .verified, "live testing matches the plan (id 20261016T090000)")
        try audit("example.org", 18.2, "bob", .acknowledge, "testing → enforce, id \(currentID); acknowledged: dnssec.unsigned")
        try audit("example.org", 18, "bob", .published, "enforce, id \(currentID)")
        try audit("example.org", 18, "bob", .verified, "live enforce matches the plan (id \(currentID))")

        // example.com: soaked in testing, but mx2 is not in the policy: the gate blocks.
        let comTesting = b.domain("example.com", stage: "testing", mx: ["mx1.example.com", "mx2.example.com"], policyMX: ["mx1.example.com"])
        try workspace.save([earlier(b.domain("example.com", stage: "none", mx: ["mx1.example.com"]), days: 30),
                            earlier(comTesting, days: 21), earlier(comTesting, days: 10)])
        try workspace.save(RolloutPlan(
            domain: "example.com", target: .testing, policyText: body(comTesting), policyID: currentID,
            settings: RolloutSettings(soakSeconds: 14 * day), createdAt: now - 22 * day, publishedAt: now - 21 * day,
            verifiedAt: now - 21 * day))
        try audit("example.com", 22, "carol", .plan, "none → testing, id \(currentID)")
        try audit("example.com", 21, "carol", .published, "testing, id \(currentID)")
        try audit("example.com", 21, "carol", .verified, "live testing matches the plan (id \(currentID))")
        try audit("example.com", 1, "carol", .refused,
                  "testing → enforce; 2 blocker(s); to override, type the domain name (example.com) and give a reason")

        // old.example: testing, the MX certificate expired three days ago.
        let oldTesting = b.domain("old.example", stage: "testing", mx: ["mail.old.example"], mxCertDays: ["mail.old.example": -3])
        // Checks before and after the expiry, so "since when" in the Reports pane has a history.
        try workspace.save([earlier(oldTesting, days: 16), earlier(oldTesting, days: 5), earlier(oldTesting, days: 2.5),
                            earlier(oldTesting, days: 1)])
        try workspace.save(RolloutPlan(
            domain: "old.example", target: .testing, policyText: body(oldTesting), policyID: currentID,
            createdAt: now - 17 * day, publishedAt: now - 16 * day, verifiedAt: now - 16 * day))
        try audit("old.example", 17, "dave", .plan, "none → testing, id \(currentID)")
        try audit("old.example", 16, "dave", .verified, "live testing matches the plan (id \(currentID))")

        // leaving.example: enforce, then mode none (RFC 8461 §8.3); the max_age wait runs.
        let leavingEnforce = b.domain("leaving.example", stage: "enforce", mx: ["mx.hosted-mail.example"])
        let leavingNone = b.domain("leaving.example", stage: "none-mode", mx: ["mx.hosted-mail.example"])
        try workspace.save([earlier(leavingEnforce, days: 60, id: "20260901T080000"), earlier(leavingEnforce, days: 5, id: "20260901T080000"),
                            earlier(leavingNone, days: 3)])
        try workspace.save(RolloutPlan(
            domain: "leaving.example", target: .none, policyText: body(leavingNone), policyID: currentID,
            createdAt: now - 4 * day, publishedAt: now - 3.5 * day, verifiedAt: now - 3 * day))
        try audit("leaving.example", 4, "erin", .plan, "enforce → none, id \(currentID)")
        try audit("leaving.example", 3.5, "erin", .published, "none, id \(currentID)")
        try audit("leaving.example", 3, "erin", .verified, "live removing matches the plan (id \(currentID))")
    }
}

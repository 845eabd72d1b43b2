import Foundation
import Testing
@testable import MTASTSCore

/// The "serve the policy file" step is done while `mtasts serve` hosts exactly the plan's file
/// (RFC 8461 §3.3, §8.1), and only then.
@Suite("Rollout: a policy file hosted by serve")
struct PolicyHostingTests {
    typealias F = RolloutFixture

    func assess(_ hosting: PolicyHosting?) -> RolloutAssessment {
        RolloutAdvisor.assess(domain: "example.com", report: F.report(mode: nil), plan: F.plan(.testing), history: [], hosting: hosting, now: F.now)
    }

    func hosting(body: String, confirmedAgo: TimeInterval) -> PolicyHosting {
        PolicyHosting(domain: "example.com", body: body, since: F.now.addingTimeInterval(-3600), confirmedAt: F.now.addingTimeInterval(-confirmedAgo))
    }

    @Test("hosted and fresh: the next step is the TXT record, the first instruction is done")
    func hostedPlan() {
        let assessment = assess(hosting(body: F.plan(.testing).policyText, confirmedAgo: 30))
        #expect(assessment.nextStep.kind == .publish)
        #expect(assessment.nextStep.text.hasPrefix("the policy file is hosted by mtasts serve"))
        #expect(assessment.nextStep.text.contains("publish the TXT record with id \(F.plan(.testing).policyID)"))
        #expect(assessment.instructions?.steps.first?.hasPrefix("Done: mtasts serve hosts the policy file") == true)
    }

    @Test("another body, a serve that stopped confirming, or nothing hosted: the file is still to publish")
    func notHosted() {
        for hosting in [
            hosting(body: "version: STSv1\r\nmode: enforce\r\n", confirmedAgo: 30),
            hosting(body: F.plan(.testing).policyText, confirmedAgo: PolicyHosting.freshFor + 1),
            nil,
        ] {
            let assessment = assess(hosting)
            #expect(assessment.nextStep.text.hasPrefix("publish the testing policy file"), "\(String(describing: hosting))")
            #expect(assessment.instructions?.steps.first?.hasPrefix("Serve the policy file") == true)
        }
    }
}

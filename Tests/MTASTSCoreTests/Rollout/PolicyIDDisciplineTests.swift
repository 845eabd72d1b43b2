import Foundation
import Testing
@testable import MTASTSCore

@Suite("Rollout: id discipline from history (RFC 8461 §3.1)")
struct PolicyIDDisciplineTests {
    typealias F = RolloutFixture

    @Test("body changed, id the same: policy.id-not-bumped (error)")
    func notBumped() {
        let history = [F.point(3, .testing, id: "a", sha: "s1"), F.point(2, .testing, id: "a", sha: "s1"), F.point(1, .testing, id: "a", sha: "s2")]
        let findings = PolicyIDDiscipline.findings(domain: "example.com", history: history)
        #expect(findings.map(\.code) == [.policyIDNotBumped])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.evidence.contains("id a") == true)
    }

    @Test("newest first or oldest first gives the same answer")
    func orderIndependent() {
        let history = [F.point(1, .testing, id: "a", sha: "s2"), F.point(3, .testing, id: "a", sha: "s1")]
        #expect(PolicyIDDiscipline.findings(domain: "example.com", history: history).map(\.code) == [.policyIDNotBumped])
    }

    @Test("a new id with the new body is fine; an earlier id reused for another body is caught")
    func bumpedAndReused() {
        let fine = [F.point(2, .testing, id: "a", sha: "s1"), F.point(1, .enforce, id: "b", sha: "s2")]
        #expect(PolicyIDDiscipline.findings(domain: "example.com", history: fine).isEmpty)
        let reused = [F.point(3, .testing, id: "a", sha: "s1"), F.point(2, .testing, id: "b", sha: "s2"), F.point(1, .testing, id: "a", sha: "s2")]
        #expect(PolicyIDDiscipline.findings(domain: "example.com", history: reused).map(\.code) == [.policyIDNotBumped, .policyIDBumpedUnchanged])
    }

    @Test("id changed, body the same: policy.id-bumped-unchanged (info)")
    func bumpedUnchanged() {
        let history = [F.point(2, .testing, id: "a", sha: "s1"), F.point(1, .testing, id: "b", sha: "s1")]
        let findings = PolicyIDDiscipline.findings(domain: "example.com", history: history)
        #expect(findings.map(\.code) == [.policyIDBumpedUnchanged])
        #expect(findings.first?.severity == .info)
    }

    @Test("no policy observed: nothing to say")
    func empty() {
        #expect(PolicyIDDiscipline.findings(domain: "example.com", history: []).isEmpty)
        #expect(PolicyIDDiscipline.findings(domain: "example.com", history: [F.point(1, .none)]).isEmpty)
    }
}

import Foundation
import Testing
@testable import MTASTSCore

@Suite("Rollout: the enforce gate and gate decisions")
struct EnforceGateTests {
    typealias F = RolloutFixture
    static let soaked = [F.point(20, .testing), F.point(1, .testing)]

    func gate(_ report: DomainReport?, plan: RolloutPlan? = F.plan(.enforce), history: [HistoryPoint] = soaked,
              totals: TLSRPTWindowTotals? = nil, settings: RolloutSettings = RolloutSettings()) -> GateResult {
        RolloutGate.evaluate(GateInput(domain: "example.com", to: .enforce, report: report, plan: plan, history: history,
                                       settings: settings, reportTotals: totals, now: F.now))
    }

    @Test("a clean testing domain after its soak, with reports: nothing blocks")
    func clean() {
        let totals = TLSRPTWindowTotals(from: F.now - 20 * F.day, to: F.now, successes: 1000, reportCount: 12)
        let result = gate(F.report(), totals: totals)
        #expect(result.blockers.isEmpty)
        #expect(result.warnings.isEmpty)
        #expect(GateDecision.decide(result, GateOverride()) == .allowed)
    }

    @Test("an expired MX certificate, STARTTLS missing: blockers (RFC 8461 §4.2)")
    func certificateAndStarttls() {
        let expired = Fixture.mxHost("mx1.example.com", index: 1, tls: Fixture.tls(names: ["mx1.example.com"], notAfter: F.now - F.day))
        let plain = Fixture.mxHost("mx2.example.com", index: 2, starttls: false)
        let result = gate(F.report(probedHosts: [expired, plain]))
        let codes = Set(result.blockers.map(\.code))
        #expect(codes.contains(.mxCertExpired))
        #expect(codes.contains(.mxStarttlsMissing))
    }

    @Test("a certificate expiring within 14 days: a warning finding everywhere, a blocker of the certificate-lifetime rule, the same in the report and the gate")
    func expiring() {
        let soon = Fixture.mxHost("mx1.example.com", index: 1, tls: Fixture.tls(names: ["mx1.example.com"], notAfter: F.now + 5 * F.day))
        let report = F.report(probedHosts: [soon, Fixture.mxHost("mx2.example.com", index: 2)])
        #expect(report.findings.with(.mxCertExpiring).map(\.severity) == [.warning])
        #expect(!report.enforceReady)
        #expect(report.enforceBlockers.map(\.code) == [.mxCertExpiring])
        #expect(report.enforceBlockers.first?.rule == "certificate-lifetime")
        #expect(report.enforceWarnings.isEmpty, "the same fact is not listed twice")
        let result = gate(report)
        #expect(result.blockers.map(\.code) == [.mxCertExpiring])
        #expect(result.blockers.first?.kind == .blocker)
        #expect(result.headline == "blocked: mx-cert.expiring")
    }

    @Test("an intermediate certificate that expires soon blocks too: every certificate of the chain is judged")
    func intermediateExpiring() {
        var tls = Fixture.tls(names: ["mx1.example.com"])
        tls.chain.append(Fixture.certificate(names: [], notAfter: F.now + 3 * F.day, subject: "CN=Intermediate", issuer: "CN=Root"))
        let report = F.report(probedHosts: [Fixture.mxHost("mx1.example.com", index: 1, tls: tls), Fixture.mxHost("mx2.example.com", index: 2)])
        #expect(report.certificates.contains { $0.role == .intermediate && $0.validity == .expiring && $0.daysLeft == 3 })
        #expect(report.findings.with(.mxCertExpiring).first?.message.contains("intermediate") == true)
        #expect(report.enforceBlockers.map(\.code) == [.mxCertExpiring])
        #expect(report.earliestCertificateExpiryDays == 3)
    }

    @Test("an MX the live policy does not cover, and one the planned policy misses: blockers (RFC 8461 §4.1)")
    func uncovered() {
        let result = gate(F.report(policyMX: ["mx1.example.com"]), plan: F.plan(.enforce, mx: ["mx1.example.com"]))
        #expect(result.blockers.filter { $0.code == .policyMxUncovered }.count == 2)
        #expect(result.blockers.contains { $0.subject == "plan: mx2.example.com" })
    }

    @Test("not live in testing yet: rollout.not-live blocks; no check at all blocks too")
    func notLive() {
        #expect(gate(F.report(mode: nil)).blockers.contains(.rolloutNotLive))
        #expect(gate(nil).blockers.map(\.code) == [.rolloutNotLive])
    }

    @Test("id not bumped in history blocks (RFC 8461 §3.1)")
    func idNotBumped() {
        let history = [F.point(20, .testing, id: "a", sha: "s1"), F.point(1, .testing, id: "a", sha: "s2")]
        #expect(gate(F.report(), history: history).blockers.contains(.policyIDNotBumped))
    }

    @Test("warnings: no TLS-RPT record, short soak, max_age under a week, reported failures; DNSSEC unsigned stays a note")
    func warnings() {
        let totals = TLSRPTWindowTotals(from: F.now - 2 * F.day, to: F.now, successes: 9990, failures: 5,
                                        failuresByType: ["certificate-expired": 5], reportCount: 3)
        let result = gate(F.report(tlsrpt: false, authenticated: false), plan: F.plan(.enforce, maxAge: 86_400),
                          history: [F.point(2, .testing)], totals: totals)
        let codes = Set(result.warnings.map(\.code))
        #expect(codes.isSuperset(of: [.tlsrptRecordMissing, .rolloutSoakShort, .policyMaxAgeShort, .reportsSoakFailures]))
        #expect(result.blockers.isEmpty)
        // One severity everywhere: dnssec.unsigned is info in the panes, so the gate does not ask about it.
        #expect(!codes.contains(.dnssecUnsigned))
        #expect(!result.blockers.contains(.dnssecUnsigned))
    }

    @Test("a reported failure rate above the limit blocks (RFC 8460 §4.3)")
    func failureRate() {
        let totals = TLSRPTWindowTotals(from: F.now - 20 * F.day, to: F.now, successes: 90, failures: 10, reportCount: 4)
        #expect(gate(F.report(), totals: totals).blockers.contains(.reportsSoakFailureRate))
    }

    @Test("decisions: blockers need the typed domain and a reason; warnings need the typed domain")
    func decisions() {
        var blocked = GateResult(domain: "example.com", from: .testing, to: .enforce)
        blocked.blockers = [GateItem(kind: .blocker, code: .mxCertExpired, subject: "mx1", message: "expired", rule: "findings")]
        #expect(!GateDecision.decide(blocked, GateOverride()).isAllowed)
        #expect(!GateDecision.decide(blocked, GateOverride(typedDomain: "example.org", reason: "x")).isAllowed)
        #expect(!GateDecision.decide(blocked, GateOverride(typedDomain: "example.com", reason: "  ")).isAllowed)
        #expect(GateDecision.decide(blocked, GateOverride(typedDomain: "Example.COM.", reason: "INC-1")) == .overridden(reason: "INC-1"))
        var warned = GateResult(domain: "example.com", from: .testing, to: .enforce)
        warned.warnings = [GateItem(kind: .warning, code: .rolloutSoakShort, subject: "example.com", message: "short", rule: "soak-duration")]
        #expect(!GateDecision.decide(warned, GateOverride()).isAllowed)
        #expect(GateDecision.decide(warned, GateOverride(typedDomain: "example.com")) == .acknowledged)
        var unknown = GateResult(domain: "example.com", from: .testing, to: .enforce)
        unknown.unknowns = [GateItem(kind: .unknown, code: .checkSMTPBlocked, subject: "mx1", message: "port 25 blocked here", rule: "findings")]
        #expect(!GateDecision.decide(unknown, GateOverride(typedDomain: "example.com")).isAllowed, "what was not checked is refused like a blocker")
        #expect(GateDecision.decide(unknown, GateOverride(typedDomain: "example.com", reason: "checked by hand")) == .overridden(reason: "checked by hand"))
    }
}

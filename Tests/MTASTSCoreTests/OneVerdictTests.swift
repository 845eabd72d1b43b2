import Foundation
import Testing
@testable import MTASTSCore

/// The report-level verdict (``DomainReport/enforce``) and the rollout gate agree for every
/// fixture: with a neutral second layer (a covering plan, a finished soak, clean reports) the
/// gate blocks exactly what the report blocks; the checker's own failures are unknown, never
/// "broken".
@Suite("One verdict: the report and the gate agree; could not check is not broken")
struct OneVerdictTests {
    typealias F = RolloutFixture
    static let soaked = [F.point(20, .testing), F.point(1, .testing)]
    static let cleanTotals = TLSRPTWindowTotals(from: F.now - 20 * F.day, to: F.now, successes: 1000, reportCount: 12)

    /// Every fixture domain the suites know, by name.
    static var fixtures: [(String, Observation)] {
        let mx = Fixture.mxHosts
        func hosts(_ first: MXHostObservation) -> [MXHostObservation] { [first, Fixture.mxHost(mx[1], index: 2)] }
        let testing = Fixture.fetch(body: Fixture.policyText(mode: .testing))
        let refused = ProbeFailure(stage: .connect, kind: .timeout, message: "connect timed out")
        return [
            ("clean testing", Fixture.observation(fetch: testing)),
            ("clean enforce", Fixture.observation()),
            ("mx certificate expires in 6 days", Fixture.observation(fetch: testing, probedHosts: hosts(Fixture.mxHost(
                mx[0], index: 1, tls: Fixture.tls(names: [mx[0]], notAfter: Fixture.now + 6 * Fixture.day + 60))))),
            ("mx certificate expired", Fixture.observation(fetch: testing, probedHosts: hosts(Fixture.mxHost(
                mx[0], index: 1, tls: Fixture.tls(names: [mx[0]], notAfter: Fixture.now - Fixture.day))))),
            ("policy certificate expires in 10 days", Fixture.observation(fetch: Fixture.fetch(
                body: Fixture.policyText(mode: .testing), tls: Fixture.tls(names: ["mta-sts.example.com"], notAfter: Fixture.now + 10 * Fixture.day)))),
            ("no STARTTLS", Fixture.observation(fetch: testing, probedHosts: hosts(Fixture.mxHost(mx[0], index: 1, starttls: false)))),
            ("MX not covered", Fixture.observation(fetch: Fixture.fetch(body: Fixture.policyText(mode: .testing, mx: [mx[0]])))),
            ("no policy", Fixture.observation(sts: [], fetch: Fixture.fetch(status: 404))),
            ("no TLS-RPT record", Fixture.observation(tlsrpt: [], fetch: testing)),
            ("resolver unreachable", Observation(
                domain: Fixture.domain, observedAt: Fixture.now, resolver: "127.0.0.1:9",
                mx: DNSLookup(status: .error, message: "connection refused"), stsTXT: DNSLookup(status: .error, message: "connection refused"),
                tlsrptTXT: DNSLookup(status: .error, message: "connection refused"))),
            ("port 25 blocked here", {
                var o = Fixture.observation(fetch: testing, probedHosts: mx.enumerated().map {
                    Fixture.mxHost($0.element, index: $0.offset + 1, starttls: nil, failure: refused)
                })
                o.mxHosts = o.mxHosts.map { var h = $0; h.probes = h.probes.map { var p = $0; p.tls = nil; return p }; return h }
                return RunVantage.annotate([o])[0]
            }()),
        ]
    }

    @Test("report.enforceReady equals the gate's report-level verdict for every fixture", arguments: fixtures.map(\.0))
    func agree(name: String) throws {
        let observation = try #require(Self.fixtures.first { $0.0 == name }?.1)
        let report = Evaluator.evaluate(observation, at: Fixture.now)
        let gate = RolloutGate.evaluate(GateInput(
            domain: report.domain, to: .enforce, report: report, plan: F.plan(.enforce, maxAge: 1_209_600), history: Self.soaked,
            settings: RolloutSettings(), reportTotals: Self.cleanTotals, now: Fixture.now))
        #expect(report.enforceReady == gate.isPassable, "\(name): report \(report.enforce.headline), gate \(gate.headline)")
        #expect(Set(report.enforceBlockers.map(\.code)) == Set(gate.blockers.map(\.code)), "\(name)")
        #expect(Set(report.enforceUnknowns.map(\.code)) == Set(gate.unknowns.map(\.code)), "\(name)")
        // Every error finding is a blocker of both, with the finding's own code.
        for error in report.errors { #expect(gate.blockers.contains { $0.code == error.code }, "\(name): \(error.code)") }
    }

    @Test("the resolver unreachable: unknown stage, one could-not-check finding, no domain claim")
    func resolverUnreachable() throws {
        let observation = try #require(Self.fixtures.first { $0.0 == "resolver unreachable" }?.1)
        let report = Evaluator.evaluate(observation, at: Fixture.now)
        #expect(report.liveStage == .unknown)
        #expect(report.findings.map(\.code) == [.checkResolverUnreachable])
        #expect(report.findings.allSatisfy { $0.severity == .unknown })
        #expect(report.enforce.state == .unknown)
        #expect(!report.findings.contains { $0.message.contains("no `_mta-sts` record yet") })
        let run = CheckRunSummary.of([report])
        #expect(run.checked == 0 && run.couldNotCheck == 1)
        #expect(run.lines.first?.contains("the resolver 127.0.0.1:9 answered none of the lookups") == true)
    }

    @Test("one lookup timed out: unknown for that record, the stage unknown when it was _mta-sts; SERVFAIL is the domain's")
    func lookupTimeout() {
        var o = Fixture.observation()
        o.stsTXT = DNSLookup(status: .timeout, message: "no answer in 5 s")
        let report = Evaluator.evaluate(o, at: Fixture.now)
        #expect(report.liveStage == .unknown)
        #expect(report.findings.with(.checkLookupFailed).map(\.severity) == [.unknown])
        #expect(!report.findings.contains(.stsRecordLookupFailed))
        o.stsTXT = DNSLookup(status: .servfail, message: "SERVFAIL")
        let servfail = Evaluator.evaluate(o, at: Fixture.now)
        #expect(servfail.liveStage == .broken)
        #expect(servfail.findings.with(.stsRecordLookupFailed).map(\.severity) == [.error])
    }

    @Test("port 25 blocked for the whole run while HTTPS worked: the MX hosts are not checked, not unreachable")
    func smtpBlocked() throws {
        let observation = try #require(Self.fixtures.first { $0.0 == "port 25 blocked here" }?.1)
        #expect(observation.vantage?.smtpLooksBlocked == true)
        let report = Evaluator.evaluate(observation, at: Fixture.now)
        #expect(report.liveStage == .testing, "DNS and the policy were observed")
        #expect(report.findings.with(.checkSMTPBlocked).count == 2)
        #expect(!report.findings.contains(.mxUnreachable))
        #expect(report.enforce.state == .unknown)
        let run = CheckRunSummary.of([report])
        #expect(run.smtpBlocked)
        #expect(run.lines.contains { $0.contains("port 25 looks blocked from this machine") })
        // One MX address alone is not enough to blame the machine.
        var single = observation
        single.mxHosts = [single.mxHosts[0]]
        single.vantage = RunVantage.measure([single])
        #expect(Evaluator.evaluate(single, at: Fixture.now).findings.contains(.mxUnreachable))
    }

    @Test("a verdict is valid until a certificate crosses a threshold; the report says when")
    func validUntil() {
        let soon = Fixture.mxHost("mx1.example.com", index: 1, tls: Fixture.tls(names: ["mx1.example.com"], notAfter: Fixture.now + 20 * Fixture.day))
        let report = Evaluator.evaluate(Fixture.observation(probedHosts: [soon, Fixture.mxHost("mx2.example.com", index: 2)]), at: Fixture.now)
        let crossing = Fixture.now + 6 * Fixture.day
        #expect(report.validUntil == crossing)
        #expect(report.enforceReady)
        let later = Evaluator.evaluate(report.observation, at: crossing + 1)
        #expect(!later.enforceReady)
        #expect(later.certificateDaysLeft(host: "mx1.example.com") == 13)
    }

    @Test("a truncated policy download is not accepted: no body to hash, the stage is broken")
    func truncatedBody() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(truncated: true)), at: Fixture.now)
        #expect(!report.policyAccepted)
        #expect(report.acceptedPolicyBody == nil)
        #expect(report.liveStage == .broken)
        #expect(Evaluator.evaluate(Fixture.observation(), at: Fixture.now).acceptedPolicyBody != nil)
    }
}

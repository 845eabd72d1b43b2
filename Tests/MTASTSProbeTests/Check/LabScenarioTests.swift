import Foundation
import MTASTSCore
import NIOPosix
import Testing
@testable import MTASTSProbe

/// Every lab scenario checked end to end (DNS through the lab's resolver, the policy over
/// HTTPS from nginx, each MX over SMTP STARTTLS from aiosmtpd) and judged by the core: the
/// expected findings, live stage and enforce readiness.
@Suite("Lab scenarios end to end", .enabled(if: Lab.isUsable))
struct LabScenarioTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var domain: String
        var stage: LiveStage
        var ready: Bool
        /// `report.enforceReady`: the report-level enforce gate (a stage other than testing or
    /// enforce, an error, a certificate within 14 days of expiry block it).
    /// Codes that must be present.
        var codes: Set<FindingCode>
        var testDescription: String { domain }
    }

    static let scenarios: [Scenario] = [
        Scenario(domain: "good.lab.test", stage: .enforce, ready: true, codes: [.dnssecUnsigned, .policyMaxAgeShort]),
        Scenario(domain: "testing.lab.test", stage: .testing, ready: true, codes: []),
        Scenario(domain: "removing.lab.test", stage: .removing, ready: false, codes: []),
        Scenario(domain: "nopolicy.lab.test", stage: .none, ready: false, codes: [.stsRecordMissing, .tlsrptRecordMissing]),
        Scenario(domain: "expired-mx.lab.test", stage: .testing, ready: false, codes: [.mxCertExpired]),
        Scenario(domain: "wrongname-mx.lab.test", stage: .testing, ready: false, codes: [.mxCertNameMismatch]),
        Scenario(domain: "selfsigned-mx.lab.test", stage: .testing, ready: false, codes: [.mxCertUntrusted]),
        Scenario(domain: "nostarttls.lab.test", stage: .testing, ready: false, codes: [.mxStarttlsMissing]),
        Scenario(domain: "expiring-mx.lab.test", stage: .testing, ready: false, codes: [.mxCertExpiring]),
        Scenario(domain: "down-mx.lab.test", stage: .testing, ready: false, codes: [.mxUnreachable]),
        Scenario(domain: "badtls.lab.test", stage: .testing, ready: false, codes: [.mxTLSFailed]),
        Scenario(domain: "uncovered.lab.test", stage: .testing, ready: false, codes: [.policyMxUncovered]),
        Scenario(domain: "wildcard.lab.test", stage: .enforce, ready: true, codes: []),
        Scenario(domain: "policy-404.lab.test", stage: .broken, ready: false, codes: [.policyHTTPStatus]),
        Scenario(domain: "policy-redirect.lab.test", stage: .broken, ready: false, codes: [.policyRedirect]),
        Scenario(domain: "policy-html.lab.test", stage: .broken, ready: false, codes: [.policyContentType]),
        Scenario(domain: "policy-expired-cert.lab.test", stage: .broken, ready: false, codes: [.policyCertExpired]),
        Scenario(domain: "policy-expiring-cert.lab.test", stage: .testing, ready: false, codes: [.policyCertExpiring]),
        Scenario(domain: "policy-wrongname.lab.test", stage: .broken, ready: false, codes: [.policyCertNameMismatch]),
        Scenario(domain: "policy-selfsigned.lab.test", stage: .broken, ready: false, codes: [.policyCertUntrusted]),
        Scenario(domain: "policy-invalid.lab.test", stage: .broken, ready: false, codes: [.policyUnknownField, .policyMode]),
        Scenario(domain: "policy-down.lab.test", stage: .broken, ready: false, codes: [.policyFetchFailed]),
        Scenario(domain: "nohost.lab.test", stage: .broken, ready: false, codes: [.policyHostUnresolvable]),
        Scenario(domain: "multi-sts.lab.test", stage: .broken, ready: false, codes: [.stsRecordMultiple]),
        Scenario(domain: "split-txt.lab.test", stage: .testing, ready: true, codes: []),
        Scenario(domain: "nomx.lab.test", stage: .testing, ready: false, codes: [.mxNone]),
        Scenario(domain: "nullmx.lab.test", stage: .testing, ready: true, codes: [.mxNull]),
        Scenario(domain: "good.secure.test", stage: .enforce, ready: true, codes: []),
        Scenario(domain: "dane.secure.test", stage: .testing, ready: false, codes: [.mxCertNameMismatch]),
        Scenario(domain: "dane-mismatch.secure.test", stage: .testing, ready: false, codes: [.daneMismatch, .mxCertNameMismatch]),
        Scenario(domain: "dane-unusable.secure.test", stage: .testing, ready: false, codes: [.daneUnusableOnly]),
    ]

    static func checker(_ lab: Lab) throws -> DomainChecker {
        var settings = ProbeSettings()
        settings.httpsPort = lab.httpsPort
        settings.smtpPort = lab.smtpPort
        settings.stepTimeout = 5
        settings.totalTimeout = 10
        settings.connectTimeout = 3
        let roots = try TrustRoots.load(includeSystem: false, caFiles: [lab.caFile])
        let group = MultiThreadedEventLoopGroup.singleton
        let resolver = DNSResolver.make(server: try DNSServerAddress.parse(lab.resolver), settings: settings, group: group)
        return DomainChecker(
            resolver: resolver, fetcher: PolicyFetcher(group: group, settings: settings, roots: roots),
            prober: SMTPProber(group: group, settings: settings, roots: roots), settings: settings)
    }

    @Test("each scenario: findings, live stage, readiness", arguments: scenarios)
    func scenario(_ scenario: Scenario) async throws {
        let lab = try Lab.require()
        let observation = try await Self.checker(lab).check(scenario.domain)
        let report = Evaluator.evaluate(observation, at: Date())
        let codes = Set(report.findings.map(\.code))
        let summary = report.findings.map { "\($0.severity.rawValue) \($0.code) \($0.subject): \($0.message)" }
            .joined(separator: "\n")
        #expect(codes.isSuperset(of: scenario.codes), "missing \(scenario.codes.subtracting(codes))\n\(summary)")
        #expect(report.liveStage == scenario.stage, "\(summary)")
        #expect(report.enforceReady == scenario.ready, "\(summary)")
        // One verdict: the rollout gate with a neutral second layer blocks exactly what the report blocks.
        let plan = RolloutPlanner.plan(domain: report.domain, target: .enforce, mx: report.observation.mx.records,
                                       now: report.evaluatedAt, id: "labplan1")
        let soaked = [HistoryPoint(observedAt: report.evaluatedAt - 30 * 86_400, liveStage: report.liveStage)]
        let gate = RolloutGate.evaluate(GateInput(
            domain: report.domain, to: .enforce, report: report, plan: plan, history: soaked, settings: RolloutSettings(),
            reportTotals: TLSRPTWindowTotals(from: report.evaluatedAt - 30 * 86_400, to: report.evaluatedAt, successes: 100, reportCount: 3),
            now: report.evaluatedAt))
        // (A null MX leaves the planned policy without an `mx` line: a plan-level blocker of its own.)
        if !report.mxHosts.isEmpty {
            #expect(report.enforceReady == gate.isPassable, "report \(report.enforce.headline), gate \(gate.headline)")
        }
        #expect(Set(report.enforceBlockers.map(\.code)).isSubset(of: Set(gate.blockers.map(\.code))), "\(gate.headline)")
        // The observation survives JSON and judges the same (recorded observations reproduce).
        let data = try JSONCoding.encoder().encode(observation)
        let decoded = try JSONCoding.decoder().decode(Observation.self, from: data)
        #expect(Evaluator.evaluate(decoded, at: report.checkedAt).findings.map(\.code)
            == Evaluator.evaluate(observation, at: report.checkedAt).findings.map(\.code))
    }

    @Test("the signed zone is authenticated; the unsigned one reports dnssec.unsigned")
    func dnssec() async throws {
        let checker = try Self.checker(try Lab.require())
        let secure = Evaluator.evaluate(await checker.check("good.secure.test"))
        #expect(secure.observation.stsTXT.authenticated == true)
        #expect(!secure.findings.contains(.dnssecUnsigned))
    }

    @Test("TLSA records of each MX host (port 25) are recorded with their DNSSEC status")
    func dane() async throws {
        let lab = try Lab.require()
        let observation = try await Self.checker(lab).check("good.lab.test")
        let hash = "8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1"
        let good = try #require(observation.mxHosts.first { $0.host == "mx-good.lab.test" }?.tlsa)
        #expect(good.status == .ok)
        #expect(good.records == ["3 1 1 \(hash)"])
        #expect(good.authenticated != true, "lab.test is unsigned: DANE senders ignore it")
        let other = try #require(observation.mxHosts.first { $0.host == "mx-good2.lab.test" }?.tlsa)
        #expect(other.status != .ok && other.records.isEmpty)
        let settings = ProbeSettings()
        let resolver = DNSResolver.make(server: try DNSServerAddress.parse(lab.resolver), settings: settings,
                                        group: MultiThreadedEventLoopGroup.singleton)
        let signed = await resolver.tlsa(host: "mx.secure.test", port: 25)
        #expect(signed.records == ["3 1 1 \(hash)"])
        #expect(signed.authenticated == true)
    }

    @Test("DANE as a validating sender sees it: a matching key validates, a foreign one does not, PKIX-EE is unusable (RFC 7672)")
    func daneValidation() async throws {
        let checker = try Self.checker(try Lab.require())
        let good = Evaluator.evaluate(await checker.check("dane.secure.test"))
        let status = try #require(good.dane.first)
        #expect(status.state == .validated, "\(status)")
        #expect(status.addresses.first?.matched?.usage == 3)
        #expect(!good.findings.contains(.daneSingleKey), "current + next are published")
        #expect(Evaluator.evaluate(await checker.check("dane-mismatch.secure.test")).dane.first?.state == .mismatch)
        #expect(Evaluator.evaluate(await checker.check("dane-unusable.secure.test")).dane.first?.state == .unusable)
        // A secure CNAME: the TLSA base domain is its target (RFC 7672 §2.2.3).
        let cnamed = await checker.check("dane-cname.secure.test")
        #expect(cnamed.mxHosts.first?.probes.first?.tls?.serverName == "dane-mx.secure.test", "SNI names the TLSA base domain (RFC 7672 §8.1)")
        let cname = try #require(Evaluator.evaluate(cnamed).dane.first)
        #expect(cname.state == .validated, "\(cname)")
        #expect(cname.tlsaBase == "dane-mx.secure.test")
        // An MX host in the unsigned zone: DANE does not apply, whatever TLSA it has.
        #expect(Evaluator.evaluate(await checker.check("good.lab.test")).dane.allSatisfy { $0.state == .notApplicable })
    }

    @Test("a damaged RRSIG: SERVFAIL, and with checking disabled the record is there: DNSSEC validation fails, not the servers (RFC 4035 §3.2.2)")
    func bogus() async throws {
        let checker = try Self.checker(try Lab.require())
        let observation = await checker.check("bogus.secure.test")
        #expect(observation.stsTXT.status == .servfail)
        #expect(observation.stsTXT.validationFailed == true, "\(observation.stsTXT)")
        #expect(observation.mx.validationFailed == nil, "only a SERVFAIL is asked again")
        let report = Evaluator.evaluate(observation)
        #expect(report.liveStage == .broken)
        #expect(report.findings.with(.stsRecordLookupFailed).first?.message.contains("DNSSEC validation fails") == true)
    }

    @Test("domains sharing MX hosts probe each MX address once per run")
    func sharedProbes() async throws {
        let checker = try Self.checker(try Lab.require())
        let bulk = BulkChecker(checker: checker, concurrency: 8)
        let domains = (1...20).map { String(format: "b%03d.bench.lab.test", $0) }
        let run = RunCache()
        let observations = await bulk.check(domains, run: run)
        #expect(observations.map(\.domain) == domains, "results in input order")
        #expect(await run.distinctProbes == 2)
        #expect(await run.requests == 40)
        #expect(await run.distinctHosts == 2, "A, AAAA and TLSA of a shared MX host once per run")
        #expect(await run.hostRequests == 40)
        #expect(observations.allSatisfy { $0.vantage?.smtpAddressesConnected == 2 })
        // A new run probes afresh (a re-check in the terminal UI sees the network as it is now).
        let again = RunCache()
        _ = await bulk.check(Array(domains.prefix(2)), run: again)
        #expect(await again.distinctProbes == 2)
    }
}

import Foundation
import Testing
@testable import MTASTSCore

/// MX hosts, certificates, DNSSEC, readiness and determinism of the evaluation.
@Suite("Evaluator: findings and readiness")
struct EvaluatorFindingTests {
    /// An observation with a single MX host whose probe is replaced.
    static func oneHost(_ host: MXHostObservation, policyMX: [String]? = nil) -> Observation {
        Fixture.observation(
            mx: [host.host], fetch: Fixture.fetch(body: Fixture.policyText(mx: policyMX ?? [host.host])), probedHosts: [host])
    }

    @Test("mx.none: no MX records", arguments: [DNSStatus.nodata, .nxdomain])
    func mxNone(_ status: DNSStatus) {
        var observation = Fixture.observation()
        observation.mx = DNSLookup(status: status, authenticated: true)
        observation.mxHosts = []
        let report = Evaluator.evaluate(observation)
        #expect(report.findings.with(.mxNone).map(\.severity) == [.error])
        #expect(!report.enforceReady)
    }

    @Test("mx.null alone is a warning; beside other MX records it is an error (RFC 7505 §3)")
    func mxNull() {
        var observation = Fixture.observation(fetch: Fixture.fetch(body: Fixture.policyText(mode: .none, mx: [])))
        observation.mx = .answer([MXRecord(preference: 0, exchange: ".")], authenticated: true)
        observation.mxHosts = []
        let alone = Evaluator.evaluate(observation)
        #expect(alone.findings.codes == [.mxNull], "\(alone.findings.summary)")
        #expect(alone.findings.first?.severity == .warning)

        observation.mx = .answer([MXRecord(preference: 0, exchange: "."), MXRecord(preference: 10, exchange: "mx1.example.com.")],
                                 authenticated: true)
        observation.mxHosts = [Fixture.mxHost("mx1.example.com")]
        let mixed = Evaluator.evaluate(observation)
        #expect(mixed.findings.with(.mxNull).map(\.severity) == [.error])
    }

    @Test("the MX lookup failing: SERVFAIL is mx.lookup-failed (the domain's), a timeout is check.lookup-failed (could not check)")
    func mxLookupFailed() {
        var observation = Fixture.observation()
        observation.mx = DNSLookup(status: .servfail)
        #expect(Evaluator.evaluate(observation).findings.contains(.mxLookupFailed))
        observation.mx = DNSLookup(status: .timeout)
        let timedOut = Evaluator.evaluate(observation)
        #expect(!timedOut.findings.contains(.mxLookupFailed))
        #expect(timedOut.findings.with(.checkLookupFailed).map(\.severity) == [.unknown])
    }

    @Test("MX certificate expiry is judged at the given time", arguments: [
        (-1.0, FindingCode?.some(.mxCertExpired), Severity.error),
        (5.0, .some(.mxCertExpiring), .warning),
        (13.5, .some(.mxCertExpiring), .warning),
        (20.0, nil, .info),
    ])
    func mxCertificateExpiry(_ days: Double, _ code: FindingCode?, _ severity: Severity) {
        let host = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["mx1.example.com"], notAfter: Fixture.now + days * Fixture.day))
        let report = Evaluator.evaluate(Self.oneHost(host), at: Fixture.now)
        if let code {
            #expect(report.findings.codes == [code], "\(report.findings.summary)")
            #expect(report.findings.first?.severity == severity)
        } else {
            #expect(report.findings.isEmpty, "\(report.findings.summary)")
        }
        #expect(report.earliestCertificateExpiryDays == Int(days.rounded(.down)))
    }

    @Test("the same observation judged later finds the certificate expiring")
    func timeIsAnInput() {
        let host = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["mx1.example.com"], notAfter: Fixture.now + 20 * Fixture.day))
        let observation = Self.oneHost(host)
        #expect(Evaluator.evaluate(observation).findings.isEmpty)
        let later = Evaluator.evaluate(observation, at: Fixture.now + 10 * Fixture.day)
        #expect(later.findings.codes == [.mxCertExpiring])
        #expect(later.findings.first?.message.contains("10 day") == true)
        #expect(later.checkedAt == Fixture.now, "checkedAt is the observation time")
        let muchLater = Evaluator.evaluate(observation, at: Fixture.now + 30 * Fixture.day)
        #expect(muchLater.findings.contains(.mxCertExpired))
    }

    @Test("a wildcard certificate covers one label of the MX host", arguments: [
        ("mx1.example.com", ["*.example.com"], false),
        ("mx1.out.example.com", ["*.example.com"], true),
        ("mx1.out.example.com", ["*.out.example.com"], false),
        ("example.com", ["*.example.com"], true),
        ("mx1.example.com", ["mx2.example.com", "*.example.net"], true),
    ])
    func mxCertificateName(_ host: String, _ names: [String], _ mismatch: Bool) {
        let probed = Fixture.mxHost(host, tls: Fixture.tls(names: names))
        let report = Evaluator.evaluate(Self.oneHost(probed))
        #expect(report.findings.contains(.mxCertNameMismatch) == mismatch, "\(report.findings.summary)")
        if mismatch {
            #expect(report.findings.with(.mxCertNameMismatch).first?.subject == host)
        }
    }

    @Test("an untrusted MX certificate is mx-cert.untrusted, with the addresses in evidence")
    func mxUntrusted() {
        let host = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["mx1.example.com"], trusted: false))
        let report = Evaluator.evaluate(Self.oneHost(host))
        #expect(report.findings.codes == [.mxCertUntrusted])
        #expect(report.findings.first?.evidence.contains("192.0.2.21") == true)
    }

    @Test("no STARTTLS is mx.starttls-missing")
    func starttlsMissing() {
        let host = Fixture.mxHost("mx1.example.com", starttls: false)
        var probe = host.probes[0]
        probe.tls = nil
        let report = Evaluator.evaluate(Self.oneHost(MXHostObservation(host: host.host, ipv4: host.ipv4, ipv6: host.ipv6, probes: [probe])))
        #expect(report.findings.codes == [.mxStarttlsMissing])
        #expect(report.findings.first?.severity == .error)
        #expect(!report.enforceReady)
    }

    @Test("a failed handshake without a chain is mx.tls-failed")
    func tlsFailed() {
        let probe = Fixture.smtp(address: "192.0.2.21", tls: nil,
                                 failure: ProbeFailure(stage: .handshake, kind: .tls, message: "no shared cipher"))
        let host = MXHostObservation(host: "mx1.example.com", ipv4: .answer(["192.0.2.21"]), ipv6: .answer([]), probes: [probe])
        let report = Evaluator.evaluate(Self.oneHost(host))
        #expect(report.findings.codes == [.mxTLSFailed])
    }

    @Test("TLS older than 1.2 is mx.tls-version-old, a warning", arguments: [
        ("TLSv1.1", true), ("TLSv1.0", true), ("TLSv1", true), ("SSLv3", true), ("TLSv1.2", false), ("TLSv1.3", false),
    ])
    func oldTLS(_ version: String, _ old: Bool) {
        let host = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["mx1.example.com"], version: version))
        let report = Evaluator.evaluate(Self.oneHost(host))
        #expect(report.findings.codes == (old ? [.mxTLSVersionOld] : []))
        #expect(report.findings.allSatisfy { $0.severity == .warning })
    }

    @Test("an IPv6 address this checker cannot route to is information; a refused IPv4 connection is an error")
    func unreachable() {
        let v6 = Fixture.smtp(address: "2001:db8::25", starttls: nil, tls: nil,
                              failure: ProbeFailure(stage: .connect, kind: .unreachable, message: "Network is unreachable"))
        let host = Fixture.mxHost("mx1.example.com", ipv6: [v6])
        let report = Evaluator.evaluate(Self.oneHost(host))
        #expect(report.findings.codes == [.mxUnreachable])
        #expect(report.findings.first?.severity == .info)
        #expect(report.enforceReady)

        let v4 = Fixture.smtp(address: "192.0.2.21", starttls: nil, tls: nil,
                              failure: ProbeFailure(stage: .connect, kind: .refused, message: "Connection refused"))
        let refused = MXHostObservation(host: "mx1.example.com", ipv4: .answer(["192.0.2.21"]), ipv6: .answer([]), probes: [v4])
        let refusedReport = Evaluator.evaluate(Self.oneHost(refused))
        #expect(refusedReport.findings.codes == [.mxUnreachable])
        #expect(refusedReport.findings.first?.severity == .error)
    }

    @Test("an MX host without addresses is mx.unresolvable")
    func unresolvable() {
        let host = MXHostObservation(host: "mx1.example.com", ipv4: .answer([]), ipv6: DNSLookup(status: .nxdomain), probes: [])
        #expect(Evaluator.evaluate(Self.oneHost(host)).findings.codes == [.mxUnresolvable])
    }

    @Test("MX hosts not probed: mx.not-probed")
    func notProbed() {
        let report = Evaluator.evaluate(Fixture.observation(probedHosts: []))
        #expect(report.findings.codes == [.mxNotProbed])
        #expect(report.findings.first?.severity == .info)
    }

    @Test("coverage: an MX host outside the patterns, a deeper host under a wildcard, a stale pattern")
    func coverage() {
        let observation = Fixture.observation(
            mx: ["mx1.example.com", "a.b.example.com", "mx.other.net"],
            fetch: Fixture.fetch(body: Fixture.policyText(mx: ["*.example.com", "old.example.org"])))
        let report = Evaluator.evaluate(observation)
        let uncovered = report.findings.with(.policyMxUncovered)
        #expect(Set(uncovered.map(\.subject)) == ["a.b.example.com", "mx.other.net"])
        #expect(uncovered.allSatisfy { $0.severity == .error })
        let deeper = uncovered.first { $0.subject == "a.b.example.com" }
        #expect(deeper?.message.contains("exactly one label") == true)
        #expect(deeper?.remedy.contains("*.b.example.com") == true)
        #expect(report.findings.with(.policyMxUnused).map(\.subject) == ["old.example.org"])
        #expect(report.liveStage == .enforce, "senders apply the policy; they refuse the uncovered hosts")
        #expect(!report.enforceReady)
    }

    @Test("MX hosts are compared without case or trailing dot, once each, by preference")
    func mxHostNormalisation() {
        var observation = Fixture.observation(fetch: Fixture.fetch(body: Fixture.policyText(mx: ["mx1.example.com", "mx2.example.com"])))
        observation.mx = .answer([
            MXRecord(preference: 30, exchange: "MX2.Example.COM."), MXRecord(preference: 10, exchange: "mx1.example.com."),
            MXRecord(preference: 20, exchange: "mx2.example.com"),
        ], authenticated: true)
        let context = EvaluationContext(observation: observation, now: Fixture.now)
        #expect(context.mxHosts == ["mx1.example.com", "mx2.example.com"])
        let report = Evaluator.evaluate(observation)
        #expect(report.findings.isEmpty, "\(report.findings.summary)")
    }

    @Test("coverage is not judged for mode none")
    func coverageModeNone() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(body: Fixture.policyText(mode: .none, mx: ["x.example.org"]))))
        #expect(!report.findings.contains(.policyMxUncovered))
        #expect(!report.findings.contains(.policyMxUnused))
    }

    @Test("dnssec.unsigned is information naming the unsigned lookups")
    func dnssecUnsigned() {
        let report = Evaluator.evaluate(Fixture.observation(authenticated: false))
        #expect(report.findings.codes == [.dnssecUnsigned], "\(report.findings.summary)")
        #expect(report.findings.first?.severity == .info)
        #expect(report.findings.first?.message.contains("MX, _mta-sts, _smtp._tls") == true)
        #expect(report.enforceReady)
    }

    @Test("readiness: warnings need acknowledgement, errors block, a certificate within 14 days blocks through the lifetime rule")
    func readiness() {
        let tlsrptMissing = Evaluator.evaluate(Fixture.observation(tlsrpt: [], fetch: Fixture.fetch(body: Fixture.policyText(mode: .testing))))
        #expect(tlsrptMissing.enforceReady)
        #expect(tlsrptMissing.errors.isEmpty)
        #expect(tlsrptMissing.enforce.state == .acknowledge)
        #expect(tlsrptMissing.enforceWarnings.map(\.code) == [.tlsrptRecordMissing])

        let expiring = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["mx1.example.com"], notAfter: Fixture.now + 5 * Fixture.day))
        let warned = Evaluator.evaluate(Fixture.observation(
            mx: ["mx1.example.com"], tlsrpt: [], fetch: Fixture.fetch(body: Fixture.policyText(mx: ["mx1.example.com"])),
            probedHosts: [expiring]))
        #expect(!warned.enforceReady)
        #expect(warned.errors.isEmpty)
        #expect(Set(warned.warnings.codes) == [.tlsrptRecordMissing, .mxCertExpiring])
        #expect(warned.enforceBlockers.map(\.code) == [.mxCertExpiring])

        var noTLS = Fixture.mxHost("mx2.example.com", index: 2, starttls: false)
        noTLS.probes[0].tls = nil
        let blocked = Evaluator.evaluate(Fixture.observation(tlsrpt: [], probedHosts: [expiring, noTLS]))
        #expect(!blocked.enforceReady)
        #expect(blocked.errors.codes == [.mxStarttlsMissing])
        #expect(Set(blocked.enforceBlockers.map(\.code)) == [.mxStarttlsMissing, .mxCertExpiring])
        #expect(Set(blocked.warnings.codes) == [.tlsrptRecordMissing, .mxCertExpiring])
        #expect(blocked.worstFinding?.code == .mxStarttlsMissing)
        #expect(blocked.findings.map(\.severity) == blocked.findings.map(\.severity).sorted(by: >), "most severe first")
    }

    @Test("findings are grouped into the panes")
    func groups() {
        let expired = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["mx1.example.com"], notAfter: Fixture.now - Fixture.day))
        let report = Evaluator.evaluate(Fixture.observation(
            mx: ["mx1.example.com"], tlsrpt: [], authenticated: false,
            fetch: Fixture.fetch(body: Fixture.policyText(mx: ["mx1.example.com"]), contentType: "text/html"), probedHosts: [expired]))
        #expect(Set(report.findings(in: .dns).codes) == [.tlsrptRecordMissing, .dnssecUnsigned])
        #expect(report.findings(in: .policy).codes == [.policyContentType])
        #expect(report.findings(in: .certificates).codes == [.mxCertExpired])
        #expect(report.findings(in: .mx).isEmpty)
    }
}

/// RFC 8461 §3.3 / §8.2: problems with the policy host matter to senders only once a
/// `v=STSv1` record tells them to fetch; before that they are information.
@Suite("Evaluator: before the record is published")
struct EvaluatorUnpublishedTests {
    @Test("policy host and fetch problems are demoted to info without an STS record", arguments: [
        (Fixture.observation(sts: [], policyHost: DNSLookup(status: .nxdomain, authenticated: true),
                             fetch: Fixture.fetch(body: nil, status: nil, contentType: nil, tls: nil,
                                                  failure: ProbeFailure(stage: .resolve, kind: .other, message: "NXDOMAIN"))),
         FindingCode.policyHostUnresolvable),
        (Fixture.observation(sts: [], fetch: Fixture.fetch(body: "not here", status: 404, contentType: "text/html")), .policyHTTPStatus),
        (Fixture.observation(sts: [], fetch: Fixture.fetch(body: nil, status: nil, contentType: nil, tls: nil,
                                                           failure: ProbeFailure(stage: .connect, kind: .timeout, message: "timed out"))),
         .policyFetchFailed),
        (Fixture.observation(sts: [], fetch: Fixture.fetch(tls: Fixture.tls(names: ["mta-sts.example.com"], notAfter: Fixture.now - Fixture.day))),
         .policyCertExpired),
        (Fixture.observation(sts: [], fetch: Fixture.fetch(contentType: "text/html")), .policyContentType),
    ])
    func demoted(_ observation: Observation, _ code: FindingCode) throws {
        let report = Evaluator.evaluate(observation)
        #expect(report.liveStage == .none)
        let finding = try #require(report.findings.with(code).first, "\(report.findings.summary)")
        #expect(finding.severity == .info)
        #expect(finding.message.contains("no `_mta-sts` record yet"))
        #expect(report.errors.isEmpty, "\(report.errors.summary)")
    }

    @Test("the same problem is an error once the record is published")
    func notDemotedWhenPublished() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(body: "not here", status: 404, contentType: "text/html")))
        #expect(report.findings.with(.policyHTTPStatus).map(\.severity) == [.error])
    }

    @Test("a near-miss record is not a publication: still demoted, but the stage is broken")
    func nearMiss() {
        let report = Evaluator.evaluate(Fixture.observation(
            sts: [" v=STSv1; id=1"], fetch: Fixture.fetch(body: "x", status: 404, contentType: "text/html")))
        #expect(report.liveStage == .broken)
        #expect(report.findings.with(.policyHTTPStatus).map(\.severity) == [.info])
        #expect(report.findings.with(.stsRecordInvalid).map(\.severity) == [.error])
    }
}

@Suite("Evaluator: determinism")
struct EvaluatorDeterminismTests {
    static let messy: Observation = {
        var observation = Fixture.observation(
            mx: ["mx1.example.com", "a.b.example.com", "mx3.example.net"],
            sts: ["v=STSv1; id=1; ext=x", "v=spf1 -all"], tlsrpt: ["v=TLSRPTv1; rua=http://x.example, mailto:a@example.com"],
            authenticated: false,
            fetch: Fixture.fetch(body: "version: STSv1\r\nmode: enforce\nmx: *.example.com\nnmx: mx3.example.net\nmax_age: 3600\n\n",
                                 contentType: "text/plain; charset=utf-8",
                                 tls: Fixture.tls(names: ["mta-sts.example.com"], notAfter: Fixture.now + 3 * Fixture.day)))
        observation.mxHosts[0] = Fixture.mxHost("mx1.example.com", tls: Fixture.tls(names: ["*.example.com"], version: "TLSv1.1"))
        return observation
    }()

    @Test("evaluating the same observation twice gives equal reports")
    func twice() {
        let first = Evaluator.evaluate(Self.messy)
        let second = Evaluator.evaluate(Self.messy)
        #expect(first == second)
        #expect(first.findings.count > 8, "\(first.findings.summary)")
        #expect(Evaluator.evaluate(Self.messy, at: Fixture.now) == first, "now defaults to the observation time")
    }

    @Test("the report survives a JSON round trip")
    func reportCoding() throws {
        let report = Evaluator.evaluate(Self.messy)
        let data = try JSONCoding.encoder().encode(report)
        #expect(try JSONCoding.decoder().decode(DomainReport.self, from: data) == report)
    }

    @Test("the domain is normalised in the report and in derived names")
    func normalisedDomain() {
        let observation = Fixture.observation(domain: "Example.COM.")
        #expect(observation.policyHostName == "mta-sts.example.com")
        #expect(observation.policyURL == "https://mta-sts.example.com/.well-known/mta-sts.txt")
        let report = Evaluator.evaluate(observation)
        #expect(report.domain == "example.com")
        #expect(report.findings.isEmpty, "\(report.findings.summary)")
    }
}

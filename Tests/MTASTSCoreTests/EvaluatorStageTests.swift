import Foundation
import Testing
@testable import MTASTSCore

/// The live stage as senders see it (RFC 8461 §3, §5): no record → `none`; a record senders
/// reject or a policy they cannot fetch → `broken`; otherwise the policy's mode.
@Suite("Evaluator: live stage")
struct EvaluatorStageTests {
    @Test("a healthy enforce deployment: stage enforce, no finding, ready")
    func healthy() throws {
        let report = Evaluator.evaluate(Fixture.observation())
        #expect(report.findings.isEmpty, "\(report.findings.summary)")
        #expect(report.liveStage == .enforce)
        #expect(report.enforceReady)
        #expect(report.domain == "example.com")
        #expect(report.checkedAt == Fixture.now)
        #expect(try #require(report.stsRecord).id == "20250615120000abcd")
        #expect(try #require(report.tlsrptRecord).rua == ["mailto:tlsrpt@example.com"])
        #expect(report.policy == STSPolicy(mode: .enforce, maxAge: 1_209_600, mx: Fixture.mxHosts))
    }

    @Test("the policy's mode gives the stage", arguments: [
        (STSMode.testing, LiveStage.testing), (.enforce, .enforce), (.none, .removing),
    ])
    func modeToStage(_ mode: STSMode, _ stage: LiveStage) {
        let body = Fixture.policyText(mode: mode, mx: mode == .none ? [] : Fixture.mxHosts, maxAge: 86_400 * 7)
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(body: body)))
        #expect(report.liveStage == stage)
        #expect(report.findings.isEmpty, "\(report.findings.summary)")
    }

    @Test("no `_mta-sts` record: stage none, sts-record.missing as a warning with the DNS answer")
    func noRecord() {
        let report = Evaluator.evaluate(Fixture.observation(sts: []))
        #expect(report.liveStage == .none)
        #expect(report.findings.codes == [.stsRecordMissing])
        #expect(report.findings.first?.severity == .warning)
        #expect(report.findings.first?.evidence == "NXDOMAIN")
        #expect(report.stsRecord == nil)
    }

    @Test("only a non-STS TXT record: stage none")
    func unrelatedRecord() {
        let report = Evaluator.evaluate(Fixture.observation(sts: ["v=spf1 -all"]))
        #expect(report.liveStage == .none)
        #expect(report.findings.codes.contains(.stsRecordIgnored))
    }

    @Test("broken: the record is invalid or there are several", arguments: [
        (["v=STSv1; id=bad-id"], FindingCode.stsRecordInvalid),
        (["v=STSv1"], .stsRecordInvalid),
        ([" v=STSv1; id=1"], .stsRecordInvalid),
        (["V=STSV1; id=1"], .stsRecordInvalid),
        (["v=STSv1; id=1", "v=STSv1; id=2"], .stsRecordMultiple),
    ])
    func brokenRecord(_ records: [String], _ code: FindingCode) {
        let report = Evaluator.evaluate(Fixture.observation(sts: records))
        #expect(report.liveStage == .broken)
        #expect(report.findings.contains(code), "\(report.findings.summary)")
        #expect(!report.enforceReady)
    }

    @Test("broken: the `_mta-sts` lookup failed temporarily")
    func stsLookupFailed() {
        var observation = Fixture.observation()
        observation.stsTXT = DNSLookup(status: .servfail, message: "upstream timed out")
        let report = Evaluator.evaluate(observation)
        #expect(report.liveStage == .broken)
        #expect(report.findings.with(.stsRecordLookupFailed).map(\.severity) == [.error])
    }

    @Test("broken: the policy host does not resolve")
    func policyHostNXDOMAIN() {
        let report = Evaluator.evaluate(Fixture.observation(
            policyHost: DNSLookup(status: .nxdomain, authenticated: true),
            fetch: Fixture.fetch(body: nil, status: nil, contentType: nil, tls: nil,
                                 failure: ProbeFailure(stage: .resolve, kind: .other, message: "NXDOMAIN"))))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [.policyHostUnresolvable], "\(report.findings.summary)")
        #expect(report.findings.first?.severity == .error)
        #expect(report.findings.first?.subject == "mta-sts.example.com")
    }

    @Test("broken: the fetch failed before an answer")
    func fetchFailed() {
        let report = Evaluator.evaluate(Fixture.observation(
            fetch: Fixture.fetch(body: nil, status: nil, contentType: nil, tls: nil,
                                 failure: ProbeFailure(stage: .connect, kind: .refused, message: "connection refused"))))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [.policyFetchFailed])
        #expect(report.findings.first?.evidence.contains("connection refused") == true)
    }

    @Test("broken: HTTP status other than 200", arguments: [404, 500, 204])
    func httpStatus(_ status: Int) {
        let report = Evaluator.evaluate(Fixture.observation(
            fetch: Fixture.fetch(body: "<html>Not Found</html>", status: status, contentType: "text/html")))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [.policyHTTPStatus], "\(report.findings.summary)")
        #expect(report.policy == nil)
    }

    @Test("broken: a redirect, which senders do not follow", arguments: [301, 302, 307, 308])
    func redirect(_ status: Int) {
        let report = Evaluator.evaluate(Fixture.observation(
            fetch: Fixture.fetch(body: nil, status: status, contentType: nil,
                                 redirect: "https://www.example.com/.well-known/mta-sts.txt")))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [.policyRedirect])
        #expect(report.findings.first?.evidence == "Location: https://www.example.com/.well-known/mta-sts.txt")
    }

    @Test("broken: served as something other than text/plain", arguments: ["text/html", "application/octet-stream", nil])
    func contentType(_ type: String?) {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(contentType: type)))
        #expect(report.liveStage == .broken)
        #expect(report.findings.with(.policyContentType).map(\.severity) == [.error])
    }

    @Test("text/plain with parameters or in upper case is fine", arguments: ["text/plain; charset=utf-8", "TEXT/PLAIN", " text/plain ;charset=us-ascii"])
    func contentTypeParameters(_ type: String) {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(contentType: type)))
        #expect(report.liveStage == .enforce)
        #expect(report.findings.isEmpty, "\(report.findings.summary)")
    }

    @Test("broken: the policy host's certificate is expired, not yet valid, untrusted or for another name", arguments: [
        (Fixture.tls(names: ["mta-sts.example.com"], notAfter: Fixture.now - Fixture.day), FindingCode.policyCertExpired),
        (Fixture.tls(names: ["mta-sts.example.com"], notBefore: Fixture.now + Fixture.day), .policyCertExpired),
        (Fixture.tls(names: ["mta-sts.example.com"], trusted: false), .policyCertUntrusted),
        (Fixture.tls(names: ["mta-sts.example.com"], trusted: false, selfIssued: true), .policyCertUntrusted),
        (Fixture.tls(names: ["www.example.com"]), .policyCertNameMismatch),
    ])
    func policyCertificate(_ tls: TLSObservation, _ code: FindingCode) {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(tls: tls)))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [code], "\(report.findings.summary)")
        #expect(report.findings.first?.severity == .error)
    }

    @Test("a wildcard certificate for the policy host is fine")
    func policyWildcardCertificate() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(tls: Fixture.tls(names: ["*.example.com"]))))
        #expect(report.liveStage == .enforce)
        #expect(report.findings.isEmpty)
    }

    @Test("a failed handshake with a recorded chain is explained by the certificate, not as a fetch failure")
    func handshakeWithChain() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(
            body: nil, status: nil, contentType: nil, tls: Fixture.tls(names: ["mta-sts.example.com"], trusted: false, selfIssued: true),
            failure: ProbeFailure(stage: .handshake, kind: .tls, message: "certificate verify failed"))))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [.policyCertUntrusted], "\(report.findings.summary)")
        #expect(report.findings.first?.message.contains("self-signed") == true)
    }

    @Test("broken: the policy file is invalid")
    func invalidPolicy() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(
            body: "version: STSv1\nmode: Enforce\nmx: mx1.example.com\nmx: mx2.example.com\nmax_age: 1209600\n")))
        #expect(report.liveStage == .broken)
        #expect(report.findings.codes == [.policyMode])
    }

    @Test("broken: a body over the read limit is reported once")
    func truncatedBody() {
        let report = Evaluator.evaluate(Fixture.observation(fetch: Fixture.fetch(truncated: true)))
        #expect(report.liveStage == .broken)
        #expect(report.findings.with(.policyTooLarge).count == 1)
    }

    @Test("a record but no fetch in the observation: policy.not-checked")
    func notFetched() {
        let report = Evaluator.evaluate(Fixture.observation(policyHost: nil, fetch: nil))
        #expect(report.findings.codes == [.policyNotChecked])
        #expect(report.findings.first?.severity == .warning)
        #expect(report.policy == nil)
    }
}

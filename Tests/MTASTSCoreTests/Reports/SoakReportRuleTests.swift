import Foundation
import MTASTSCore
import Testing

@Suite("Soak window from TLS-RPT (gate input)")
struct SoakReportRuleTests {
    let from = Date(timeIntervalSince1970: 1_768_435_200)  // 2026-01-15
    var to: Date { from.addingTimeInterval(7 * 86_400) }

    @Test("no totals, or no report in the window: info reports.none-during-soak")
    func none() {
        for totals in [nil, TLSRPTWindowTotals(from: from, to: to)] {
            let findings = SoakReportRule.findings(domain: "example.org", totals: totals)
            #expect(findings.map(\.code) == [.reportsNoneDuringSoak])
            #expect(findings[0].severity == .info)
            #expect(findings[0].subject == "example.org")
        }
    }

    @Test("reports without failures: nothing to say")
    func clean() {
        let totals = TLSRPTWindowTotals(from: from, to: to, successes: 5000, failures: 0, reportCount: 12)
        #expect(SoakReportRule.findings(domain: "example.org", totals: totals).isEmpty)
    }

    @Test("failures below the rate: a warning with counts by type as evidence")
    func warning() {
        let totals = TLSRPTWindowTotals(from: from, to: to, successes: 9990, failures: 10,
                                        failuresByType: ["certificate-expired": 7, "starttls-not-supported": 3], reportCount: 14)
        let findings = SoakReportRule.findings(domain: "example.org", totals: totals)
        #expect(findings.map(\.code) == [.reportsSoakFailures])
        #expect(findings[0].severity == .warning)
        #expect(findings[0].evidence == "window 2026-01-15..2026-01-22: 10 failed of 10000 sessions in 14 reports; certificate-expired 7, starttls-not-supported 3")
        #expect(findings[0].rfc.contains("RFC 8460"))
    }

    @Test("failures above the rate: the warning and an error that blocks enforce")
    func blocker() {
        let totals = TLSRPTWindowTotals(from: from, to: to, successes: 900, failures: 100,
                                        failuresByType: ["validation-failure": 100], reportCount: 3)
        let findings = SoakReportRule.findings(domain: "example.org", totals: totals)
        #expect(findings.map(\.code) == [.reportsSoakFailures, .reportsSoakFailureRate])
        #expect(findings[1].severity == .error)
        #expect(findings[1].message.contains("10.0%"))
        #expect(findings[1].message.contains("1.0%"))
        #expect(totals.failureRate == 0.1)
    }

    @Test("the threshold is configurable and strict: exactly at the rate is not a blocker")
    func threshold() {
        let totals = TLSRPTWindowTotals(from: from, to: to, successes: 95, failures: 5, reportCount: 1)
        #expect(SoakReportRule.findings(domain: "d.example", totals: totals, blockerFailureRate: 0.05).map(\.code) == [.reportsSoakFailures])
        #expect(SoakReportRule.findings(domain: "d.example", totals: totals, blockerFailureRate: 0.049).map(\.code)
            == [.reportsSoakFailures, .reportsSoakFailureRate])
    }

    @Test("totals round-trip through JSON")
    func codable() throws {
        let totals = TLSRPTWindowTotals(from: from, to: to, successes: 1, failures: 2, failuresByType: ["x": 2], reportCount: 3)
        let data = try JSONCoding.encoder().encode(totals)
        #expect(try JSONCoding.decoder().decode(TLSRPTWindowTotals.self, from: data) == totals)
    }
}

@Suite("TLS-RPT triage beside the live findings")
struct TLSRPTTriageTests {
    let t0 = Date(timeIntervalSince1970: 1_768_435_200)

    func bucket(_ type: String, _ mx: String?, failed: Int = 10, org: String = "google.com") -> TLSRPTFailureBucket {
        TLSRPTFailureBucket(resultType: type, receivingMX: mx, organization: org, failedSessions: failed, details: 1,
                            firstReported: t0, lastReported: t0)
    }

    @Test("an MX finding explains failures at the same MX only; a policy finding explains any MX")
    func matching() {
        let findings = [
            Finding(code: .mxCertExpired, subject: "mx2.example.org", message: "expired"),
            Finding(code: .policyRedirect, subject: "https://mta-sts.example.org/.well-known/mta-sts.txt", message: "301"),
        ]
        #expect(TLSRPTTriage.explain(bucket("certificate-expired", "MX2.example.org."), findings: findings)?.code == .mxCertExpired)
        #expect(TLSRPTTriage.explain(bucket("certificate-expired", "mx1.example.org"), findings: findings) == nil)
        #expect(TLSRPTTriage.explain(bucket("sts-policy-fetch-error", "mx1.example.org"), findings: findings)?.code == .policyRedirect)
        #expect(TLSRPTTriage.explain(bucket("dane-required", "mx2.example.org"), findings: findings) == nil)
        let uncovered = [Finding(code: .policyMxUncovered, subject: "mx3.example.org", message: "")]
        #expect(TLSRPTTriage.explain(bucket("validation-failure", "mx3.example.org"), findings: uncovered)?.code == .policyMxUncovered)
    }

    @Test("since: the oldest observation of the unbroken streak reaching the newest")
    func since() {
        let finding = Finding(code: .mxCertExpired, subject: "mx2.example.org", message: "")
        let other = Finding(code: .mxCertExpiring, subject: "mx2.example.org", message: "")
        let history = [
            ObservedFindings(observedAt: t0.addingTimeInterval(3000), findings: [finding]),
            ObservedFindings(observedAt: t0.addingTimeInterval(2000), findings: [finding]),
            ObservedFindings(observedAt: t0.addingTimeInterval(1000), findings: [other]),
            ObservedFindings(observedAt: t0, findings: [finding]),
        ]
        #expect(TLSRPTTriage.streakStart(of: finding, in: history) == t0.addingTimeInterval(2000))
        #expect(TLSRPTTriage.streakStart(of: finding, in: Array(history.dropFirst(2))) == nil)
        let groups = TLSRPTTriage.groups(
            buckets: [bucket("starttls-not-supported", "mx2.example.org", failed: 1), bucket("certificate-expired", "mx2.example.org", failed: 9)],
            findings: [finding], history: history)
        #expect(groups.map(\.bucket.resultType) == ["certificate-expired", "starttls-not-supported"])
        #expect(groups[0].explainedSince == t0.addingTimeInterval(2000))
        #expect(groups[1].explanation == nil)
    }

    @Test("UTC days: bucketing, strings, zero-filled windows")
    func days() {
        let day = UTCDay(t0.addingTimeInterval(86_399))
        #expect(day.string == "2026-01-15")
        #expect(day.start == t0)
        #expect(UTCDay(Date(timeIntervalSince1970: -1)).string == "1969-12-31")
        #expect(UTCDay(number: 19_782).string == "2024-02-29")
        let filled = TLSRPTDayCount.filled([TLSRPTDayCount(day: day, successes: 3, failures: 1)], last: day.adding(1), days: 3)
        #expect(filled.map(\.day.string) == ["2026-01-14", "2026-01-15", "2026-01-16"])
        #expect(filled.map(\.successes) == [0, 3, 0])
    }
}

@Suite("TLS-RPT report writer")
struct TLSRPTReportWriterTests {
    @Test("a written report parses back to the same report, without quirks")
    func roundTrip() throws {
        let start = Date(timeIntervalSince1970: 1_768_435_200)
        let report = TLSRPTReport(
            organizationName: "Example \"Mail\"", dateRange: .init(start: start, end: start.addingTimeInterval(86_399)),
            contactInfo: "tlsrpt@example.net", reportID: "2026-01-15_x",
            policies: [TLSRPTPolicyResult(
                policy: TLSRPTPolicy(type: .sts, strings: ["version: STSv1", "mode: testing"], domain: "example.org",
                                     mxHosts: ["mx1.example.org", "*.example.org"]),
                summary: TLSRPTSummary(successfulSessions: 10, failedSessions: 3),
                failureDetails: [TLSRPTFailureDetail(
                    resultType: .certificateExpired, sendingMTAIP: "192.0.2.1", receivingMXHostname: "mx1.example.org",
                    receivingIP: "192.0.2.25", failedSessions: 3, additionalInformation: "https://example.net/x",
                    failureReasonCode: "X509\tEXPIRED")])])
        let json = TLSRPTReportWriter.json(report)
        #expect(json.contains("\"end-datetime\":\"2026-01-15T23:59:59Z\""))
        let parsed = try TLSRPTReportParser.parse(Array(json.utf8)).get()
        #expect(parsed.report == report)
        #expect(parsed.findings.isEmpty)
    }
}

import Foundation
import Testing
@testable import MTASTSCore

/// Issue 11: a report from outside can neither make later sums trap nor cost more than the
/// per-report caps, however it is built. The hostile reports are built here, small.
@Suite("TLS-RPT hostile reports")
struct TLSRPTHostileReportTests {
    static func parse(_ json: String, limits: TLSRPTReportParser.Limits = .init()) -> Result<ParsedTLSRPTReport, TLSRPTReportError> {
        TLSRPTReportParser.parse(Array(json.utf8), limits: limits)
    }

    @Test("a session count near Int64.max is refused at parse time, naming the member and the cap",
          arguments: ["9223372036854775800", "9223372036854775807", "1099511627777"])
    func countAboveCapRefused(_ count: String) throws {
        let json = ReportSamples.report(summary: #""total-successful-session-count": \#(count), "total-failure-session-count": 1"#)
        let error = try #require(Self.parse(json).failureValue)
        #expect(error.kind == .invalidValue)
        #expect(error.path == "$.policies[0].summary.total-successful-session-count")
        #expect(error.reason.contains("above 1099511627776"))
    }

    @Test("a failed-session-count near Int64.max in a failure detail is refused too")
    func detailCountAboveCapRefused() throws {
        let json = ReportSamples.report(
            failures: #"{"result-type": "certificate-expired", "failed-session-count": 9223372036854775807}"#)
        let error = try #require(Self.parse(json).failureValue)
        #expect(error.path == "$.policies[0].failure-details[0].failed-session-count")
    }

    @Test("2^40 itself is accepted, and sums over the most policies a report may have stay exact")
    func capAccepted() throws {
        let policy = #"{"policy": {"policy-type": "sts", "policy-domain": "example.com"}, "summary": {"total-successful-session-count": 1099511627776, "total-failure-session-count": 1099511627776}}"#
        let json = #"{"organization-name": "Org", "contact-info": "a@b.example", "report-id": "r1", "date-range": {"start-datetime": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z"}, "policies": ["#
            + Array(repeating: policy, count: 100).joined(separator: ",") + "]}"
        let report = try Self.parse(json).get().report
        #expect(report.totalSuccessfulSessions == 100 << 40)
        #expect(report.totalFailedSessions == 100 << 40)
    }

    /// One policy with `details` failure details of `types` distinct result types, cycling.
    static func manyDetails(_ details: Int, types: Int) -> String {
        let items = (0..<details).map { #"{"result-type": "x-\#($0 % types)", "failed-session-count": 1}"# }
        return #"{"organization-name": "Org", "contact-info": "a@b.example", "report-id": "r1", "date-range": {"start-datetime": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z"}, "policies": [{"policy": {"policy-type": "sts", "policy-domain": "example.com"}, "summary": {"total-successful-session-count": 0, "total-failure-session-count": \#(details)}, "failure-details": ["#
            + items.joined(separator: ",") + "]}]}"
    }

    @Test("failure details over the cap are left out with report.failure-details-capped; the summary is intact")
    func detailCap() throws {
        let limits = TLSRPTReportParser.Limits(maxFailureDetails: 50)
        let parsed = try Self.parse(Self.manyDetails(120, types: 2), limits: limits).get()
        #expect(parsed.report.policies[0].failureDetails.count == 50)
        #expect(parsed.report.totalFailedSessions == 120)
        let finding = try #require(parsed.findings.with(.reportFailureDetailsCapped).first)
        #expect(finding.evidence == "failure-details read: 50, left out: 70")
        #expect(FindingCatalog.entry(for: .reportFailureDetailsCapped) != nil)
    }

    @Test("distinct result types over the cap are left out with report.result-types-capped; unknown-type findings are capped per code")
    func resultTypeCap() throws {
        let parsed = try Self.parse(Self.manyDetails(2_000, types: 1_000)).get()
        let details = parsed.report.policies[0].failureDetails
        #expect(Set(details.map(\.resultType.rawValue)).count == 32)
        #expect(details.count == 64, "two details of each of the 32 types kept")
        #expect(parsed.findings.with(.reportResultTypesCapped).count == 1)
        #expect(parsed.findings.with(.reportUnknownResultType).count == 20)
        let capped = try #require(parsed.findings.with(.reportFindingsCapped).first)
        #expect(capped.subject == "report.unknown-result-type")
        #expect(capped.evidence == "64 in all; the first 20 are listed")
        #expect(parsed.findings.count < 30)
    }

    @Test("policies over the cap are left out with report.policies-capped")
    func policyCap() throws {
        let policy = #"{"policy": {"policy-type": "sts", "policy-domain": "example.com"}, "summary": {"total-successful-session-count": 1, "total-failure-session-count": 1}, "failure-details": [{"result-type": "certificate-expired", "failed-session-count": 1}]}"#
        let json = #"{"organization-name": "Org", "contact-info": "a@b.example", "report-id": "r1", "date-range": {"start-datetime": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z"}, "policies": ["#
            + Array(repeating: policy, count: 5_000).joined(separator: ",") + "]}"
        let parsed = try Self.parse(json).get()
        #expect(parsed.report.policies.count == 100)
        #expect(parsed.report.policies.map(\.failureDetails.count).reduce(0, +) == 100)
        let finding = try #require(parsed.findings.with(.reportPoliciesCapped).first)
        #expect(finding.message.contains("5000 policies"))
    }

    @Test("a date-range that ends before it starts is read swapped with report.date-range-reversed")
    func reversedRange() throws {
        let json = ReportSamples.report(range: #""start-datetime": "2025-06-15T00:00:00Z", "end-datetime": "2025-06-14T00:00:00Z""#)
        let parsed = try Self.parse(json).get()
        #expect(parsed.findings.with(.reportDateRangeReversed).count == 1)
        #expect(parsed.report.dateRange.start < parsed.report.dateRange.end)
    }

    @Test("saturating sums pin at Int.max instead of trapping")
    func saturating() {
        #expect([Int.max, 1, Int.max].saturatingSum == .max)
        #expect(Int.max.addingSaturating(Int.max) == .max)
        let totals = TLSRPTWindowTotals(from: Date(), to: Date(), successes: .max, failures: .max, reportCount: 1)
        #expect(totals.sessions == .max)
        #expect(totals.failureRate <= 1)
    }
}

import Foundation
import Testing
@testable import MTASTSCore

/// Quirks real senders produce (DESIGN: "TLS-RPT parsing must be lenient"): each is accepted,
/// read the way the sender meant, and reported with a `report.*` finding naming the member.
@Suite("TLS-RPT report quirks")
struct TLSRPTReportQuirkTests {
    struct Quirk: Sendable, CustomTestStringConvertible {
        var json: String
        var codes: [FindingCode]
        var subject: String
        var reason: String
        var testDescription: String { reason }
    }

    static let quirks: [Quirk] = [
        Quirk(json: ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host": "mx1.example.com""#),
              codes: [.reportMXHostString], subject: "$.policies[0].policy.mx-host", reason: "mx-host as a string"),
        Quirk(json: ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host-pattern": ["mx1.example.com"]"#),
              codes: [.reportAlternateMemberName], subject: "$.policies[0].policy.mx-host-pattern", reason: "mx-host-pattern spelling"),
        Quirk(json: ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host": ["a.example"], "mx-host-pattern": ["b.example"]"#),
              codes: [.reportAlternateMemberName], subject: "$.policies[0].policy.mx-host-pattern", reason: "both spellings: mx-host wins"),
        Quirk(json: ReportSamples.report(failures: #"{"result-type": "certificate-expired", "failed-session-count": 1, "additional-info-uri": "https://x.example/i"}"#),
              codes: [.reportAlternateMemberName], subject: "$.policies[0].failure-details[0].additional-info-uri", reason: "additional-info-uri spelling"),
        Quirk(json: ReportSamples.report(range: #""start-datetime": "2025-06-14T00:00:00", "end-datetime": "2025-06-14T23:59:59Z""#),
              codes: [.reportDateWithoutZone], subject: "$.date-range.start-datetime", reason: "date-time without a time zone (Microsoft)"),
        Quirk(json: ReportSamples.report(failures: #"{"result-type": "certificate-expired", "failed-session-count": 1, "receiving-mx-helo": null}"#),
              codes: [.reportNullMember], subject: "$.policies[0].failure-details[0].receiving-mx-helo", reason: "null optional string"),
        Quirk(json: ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "policy-string": null, "mx-host": null"#),
              codes: [.reportNullMember, .reportNullMember], subject: "$.policies[0].policy.policy-string", reason: "null policy-string and mx-host"),
        Quirk(json: #"{"organization-name": "Org", "date-range": {"start-datetime": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z"}, "contact-info": "a@b", "report-id": "r", "policies": [{"policy": {"policy-type": "no-policy-found", "policy-domain": "example.com"}, "summary": {"total-successful-session-count": 0, "total-failure-session-count": 0}, "failure-details": null}]}"#,
              codes: [.reportNullMember], subject: "$.policies[0].failure-details", reason: "null failure-details"),
        Quirk(json: ReportSamples.report(top: #""organization-name": "Org", "report-id": "r1""#),
              codes: [.reportMissingMember], subject: "$.contact-info", reason: "missing contact-info"),
        Quirk(json: ReportSamples.report(top: #""organization-name": "Org", "contact-info": null, "report-id": "r1""#),
              codes: [.reportMissingMember], subject: "$.contact-info", reason: "null contact-info"),
        Quirk(json: ReportSamples.report(top: #""organization-name": "Org", "contact-info": "a@b", "report-id": "first", "report-id": "second""#),
              codes: [.reportDuplicateMember], subject: "$.report-id", reason: "a member given twice: the last wins"),
    ]

    @Test("accepted with the finding", arguments: quirks)
    func accepted(_ quirk: Quirk) throws {
        let parsed = try ReportSamples.parse(quirk.json).get()
        #expect(parsed.findings.codes == quirk.codes, "\(parsed.findings.summary)")
        #expect(parsed.findings.first?.subject == quirk.subject)
        for finding in parsed.findings {
            #expect(finding.severity != .error, "quirks never block")
            #expect(!finding.remedy.isEmpty && finding.rfc.hasPrefix("RFC 8460"))
        }
    }

    @Test("mx-host as one string becomes a list (split at commas and spaces)")
    func mxHostString() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host": "mx1.example.com, *.Backup.example.com""#)).get()
        #expect(parsed.report.policies[0].policy.mxHosts == ["mx1.example.com", "*.backup.example.com"])
        #expect(parsed.findings[0].evidence.contains("mx1.example.com"))
    }

    @Test("mx-host-pattern and additional-info-uri land in the normalised members")
    func alternateSpellings() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host-pattern": ["*.mx.example.com"]"#,
            failures: #"{"result-type": "sts-policy-invalid", "failed-session-count": 2, "additional-info-uri": "https://r.example/x"}"#)).get()
        #expect(parsed.report.policies[0].policy.mxHosts == ["*.mx.example.com"])
        #expect(parsed.report.policies[0].failureDetails[0].additionalInformation == "https://r.example/x")
        #expect(parsed.findings.codes == [.reportAlternateMemberName, .reportAlternateMemberName])
    }

    @Test("both spellings present: the RFC schema's name is used")
    func bothSpellings() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host": ["a.example"], "mx-host-pattern": ["b.example"]"#)).get()
        #expect(parsed.report.policies[0].policy.mxHosts == ["a.example"])
    }

    @Test("a date-time without zone is read as UTC")
    func dateWithoutZone() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            range: #""start-datetime": "2025-06-14T00:00:00", "end-datetime": "2025-06-14T23:59:59""#)).get()
        #expect(parsed.report.dateRange.start == Date(timeIntervalSince1970: 1_749_859_200))
        #expect(parsed.findings.codes == [.reportDateWithoutZone, .reportDateWithoutZone])
        #expect(parsed.findings.worstSeverity == .warning)
    }

    @Test("null optional members read as absent")
    func nullMembers() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "certificate-expired", "failed-session-count": 1, "sending-mta-ip": null, "receiving-ip": null, "failure-reason-code": null, "additional-information": null}"#)).get()
        let detail = parsed.report.policies[0].failureDetails[0]
        #expect(detail.sendingMTAIP == nil && detail.receivingIP == nil && detail.failureReasonCode == nil && detail.additionalInformation == nil)
        #expect(parsed.findings.codes == Array(repeating: .reportNullMember, count: 4))
        #expect(parsed.findings.worstSeverity == .info)
    }

    @Test("a duplicate member: the last value is used")
    func duplicateMember() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            top: #""organization-name": "Org", "contact-info": "a@b", "report-id": "first", "report-id": "second""#)).get()
        #expect(parsed.report.reportID == "second")
    }

    @Test("unknown extension members are ignored without a finding (the raw JSON keeps them)")
    func extensionMembers() throws {
        let json = ReportSamples.report(top: #""organization-name": "Org", "contact-info": "a@b", "report-id": "r", "x-sender-build": 42"#)
        let parsed = try ReportSamples.parse(json).get()
        #expect(parsed.findings.isEmpty)
        #expect(String(decoding: parsed.raw, as: UTF8.self).contains("x-sender-build"))
    }
}

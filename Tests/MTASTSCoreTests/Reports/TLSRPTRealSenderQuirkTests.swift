import Foundation
import Testing
@testable import MTASTSCore

/// Reports as real senders write them (issue 10, item 5): each is kept, read the way the
/// sender meant, and carries one finding naming the member, with a non-error severity and the
/// RFC section. Fixtures are whole reports shaped like the senders' own.
@Suite("TLS-RPT reports as real senders write them")
struct TLSRPTRealSenderQuirkTests {
    /// Postfix's reporter (the sys4 tlsrpt library behind `smtp_tlsrpt_enable`) for a domain
    /// that publishes a TLS-RPT record but no MTA-STS or DANE policy: no `policy-domain`.
    static let postfixNoPolicyFound = """
        {"organization-name":"mail.sender.example","date-range":{"start-datetime":"2025-06-14T00:00:00Z",\
        "end-datetime":"2025-06-14T23:59:59Z"},"contact-info":"postmaster@mail.sender.example",\
        "report-id":"2025-06-14T00:00:00Z_example.org","policies":[{"policy":{"policy-type":"no-policy-found"},\
        "summary":{"total-successful-session-count":41,"total-failure-session-count":0}}]}
        """

    /// The same reporter's report when sessions failed and the failure total is left out.
    static let postfixNoFailureTotal = """
        {"organization-name":"mail.sender.example","date-range":{"start-datetime":"2025-06-14T00:00:00Z",\
        "end-datetime":"2025-06-14T23:59:59Z"},"contact-info":"postmaster@mail.sender.example",\
        "report-id":"2025-06-14T00:00:00Z_example.org","policies":[{"policy":{"policy-type":"no-policy-found"},\
        "summary":{"total-successful-session-count":41},"failure-details":[\
        {"result-type":"starttls-not-supported","sending-mta-ip":"192.0.2.25","receiving-mx-hostname":"mx1.example.org.",\
        "receiving-ip":"198.51.100.7","failed-session-count":3},\
        {"result-type":"validation-failure","sending-mta-ip":"192.0.2.25","receiving-mx-hostname":"mx2.example.org",\
        "failed-session-count":2,"failure-reason-code":"unable to get local issuer certificate"}]}]}
        """

    /// A large mailbox provider's DANE report: the TLSA records as one JSON-encoded string.
    static let tlsaEncodedPolicyString = #"""
        {"organization-name":"Mailbox Provider Inc.","date-range":{"start-datetime":"2025-06-14T00:00:00Z",
         "end-datetime":"2025-06-14T23:59:59Z"},"contact-info":"tlsrpt@provider.example","report-id":"133944960000000000+example.org",
         "policies":[{"policy":{"policy-type":"tlsa",
         "policy-string":"[\"3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6\",\"3 1 1 8D02536C887482BC34FF54E41D2BA659BF85B341A0A20AFADB5813DCFBCF286D\"]",
         "policy-domain":"mx1.example.org"},
         "summary":{"total-successful-session-count":1200,"total-failure-session-count":0}}]}
        """#

    struct Quirk: Sendable, CustomTestStringConvertible {
        var json: String
        var codes: [FindingCode]
        var subject: String
        var reason: String
        var testDescription: String { reason }
    }

    static let quirks: [Quirk] = [
        Quirk(json: postfixNoPolicyFound, codes: [.reportPolicyDomainMissing],
              subject: "$.policies[0].policy.policy-domain", reason: "Postfix: no-policy-found without policy-domain"),
        Quirk(json: postfixNoFailureTotal, codes: [.reportMissingMember, .reportPolicyDomainMissing],
              subject: "$.policies[0].summary.total-failure-session-count", reason: "Postfix: no-policy-found without the failure total"),
        Quirk(json: tlsaEncodedPolicyString, codes: [.reportPolicyStringEncoded],
              subject: "$.policies[0].policy.policy-string", reason: "tlsa policy-string as one JSON-encoded string"),
        Quirk(json: ReportSamples.report(failures: #"{"result-type": "validation-failure", "sending-mta-ip": "outbound-12.sender.example", "receiving-mx-hostname": "mx1.example.com", "failed-session-count": 4}"#),
              codes: [.reportInvalidIP], subject: "$.policies[0].failure-details[0].sending-mta-ip", reason: "sending-mta-ip is a host name"),
        Quirk(json: ReportSamples.report(failures: #"{"result-type": "certificate-expired", "sending-mta-ip": "[2001:db8:1::25]", "receiving-ip": "203.0.113.300", "failed-session-count": 1}"#),
              codes: [.reportInvalidIP, .reportInvalidIP], subject: "$.policies[0].failure-details[0].sending-mta-ip", reason: "a bracketed IPv6 and an IPv4 octet over 255"),
        Quirk(json: ReportSamples.report(range: #""start-datetime": "2025-06-14T23:59:59Z", "end-datetime": "2025-06-14T00:00:00Z""#),
              codes: [.reportDateRangeReversed], subject: "$.date-range", reason: "date-range ends before it starts"),
        Quirk(json: ReportSamples.report(failures: #"{"result-type": "certificate-host-mismatch", "receiving-mx-host-name": "mx2.example.com", "failed-session-count": 7}"#),
              codes: [.reportMisspelledMember], subject: "$.policies[0].failure-details[0].receiving-mx-host-name", reason: "receiving-mx-host-name"),
        Quirk(json: ReportSamples.report(failures: #"{"result-type": "starttls-not-supported", "sending-mta-ip-address": "192.0.2.9", "receiving-mx-hostname": "mx1.example.com", "failed-session-count": 2}"#),
              codes: [.reportMisspelledMember], subject: "$.policies[0].failure-details[0].sending-mta-ip-address", reason: "sending-mta-ip-address"),
        Quirk(json: ReportSamples.report(range: #""start-date-time": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z""#),
              codes: [.reportMisspelledMember], subject: "$.date-range.start-date-time", reason: "start-date-time (a required member misspelled)"),
    ]

    @Test("kept with the finding", arguments: quirks)
    func kept(_ quirk: Quirk) throws {
        let parsed = try ReportSamples.parse(quirk.json).get()
        #expect(parsed.findings.codes == quirk.codes, "\(parsed.findings.summary)")
        #expect(parsed.findings.contains { $0.subject == quirk.subject }, "\(parsed.findings.summary)")
        for finding in parsed.findings {
            #expect(finding.severity != .error, "quirks never block")
            #expect(!finding.message.isEmpty && !finding.evidence.isEmpty && !finding.remedy.isEmpty)
            #expect(finding.rfc.hasPrefix("RFC 8460 §"))
        }
    }

    // MARK: 1. no-policy-found without policy-domain or the failure total

    @Test("no-policy-found without policy-domain: left empty when nothing names the domain")
    func noPolicyDomainAlone() throws {
        let parsed = try ReportSamples.parse(Self.postfixNoPolicyFound).get()
        let result = parsed.report.policies[0]
        #expect(result.policy.type == .noPolicyFound)
        #expect(result.policy.domain == "")
        #expect(result.summary == TLSRPTSummary(successfulSessions: 41, failedSessions: 0))
        let finding = try #require(parsed.findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("unknown"), "\(finding.message)")
    }

    @Test("no-policy-found without policy-domain: the mail's TLS-Report-Domain names it")
    func noPolicyDomainFromHeader() throws {
        let parsed = try TLSRPTReportParser.parse(Array(Self.postfixNoPolicyFound.utf8), reportDomain: "Example.ORG.").get()
        #expect(parsed.report.policies[0].policy.domain == "example.org")
        #expect(parsed.findings.codes == [.reportPolicyDomainMissing])
        #expect(parsed.findings[0].message.contains("`example.org` from the mail's TLS-Report-Domain"), "\(parsed.findings[0].message)")
    }

    @Test("no-policy-found without policy-domain: the report's other policy names it")
    func noPolicyDomainFromSibling() throws {
        let json = """
            {"organization-name":"Org","date-range":{"start-datetime":"2025-06-14T00:00:00Z","end-datetime":"2025-06-14T23:59:59Z"},\
            "contact-info":"a@b.example","report-id":"r","policies":[\
            {"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: testing","mx: mx1.example.org","max_age: 86400"],\
            "policy-domain":"example.org","mx-host":["mx1.example.org"]},"summary":{"total-successful-session-count":5,"total-failure-session-count":0}},\
            {"policy":{"policy-type":"no-policy-found","policy-domain":null},"summary":{"total-successful-session-count":2,"total-failure-session-count":0}}]}
            """
        let parsed = try ReportSamples.parse(json).get()
        #expect(parsed.report.policies.map(\.policy.domain) == ["example.org", "example.org"])
        #expect(parsed.findings.codes == [.reportPolicyDomainMissing], "null is one finding, not two")
        #expect(parsed.findings[0].subject == "$.policies[1].policy.policy-domain")
    }

    @Test("no-policy-found without the failure total: the sum of its failure details")
    func noFailureTotal() throws {
        let parsed = try ReportSamples.parse(Self.postfixNoFailureTotal).get()
        let result = parsed.report.policies[0]
        #expect(result.summary == TLSRPTSummary(successfulSessions: 41, failedSessions: 5))
        #expect(result.failureDetails.map(\.receivingMXHostname) == ["mx1.example.org", "mx2.example.org"])
        let finding = try #require(parsed.findings.with(.reportMissingMember).first)
        #expect(finding.message.contains("read as 5"), "\(finding.message)")
        #expect(finding.severity == .warning)
    }

    @Test("no-policy-found without the failure total: the sum of details at the 2^40 cap is exact; above it the count is refused")
    func noFailureTotalHuge() throws {
        func report(_ count: String) -> String {
            ReportSamples.report(
                policy: #""policy-type": "no-policy-found", "policy-domain": "example.com""#,
                summary: #""total-successful-session-count": 0"#,
                failures: #"{"result-type": "starttls-not-supported", "failed-session-count": \#(count)}, {"result-type": "validation-failure", "failed-session-count": \#(count)}"#)
        }
        let parsed = try ReportSamples.parse(report("1099511627776")).get()
        #expect(parsed.report.policies[0].summary.failedSessions == 2 << 40)
        #expect(parsed.findings.codes == [.reportMissingMember])
        let refused = ReportSamples.parse(report("9223372036854775807")).failureValue
        #expect(refused?.kind == .invalidValue && refused?.path == "$.policies[0].failure-details[0].failed-session-count")
    }

    @Test("an sts or tlsa policy still needs policy-domain and the failure total")
    func otherTypesStillStrict() {
        let noDomain = ReportSamples.parse(ReportSamples.report(policy: #""policy-type": "tlsa""#)).failureValue
        #expect(noDomain?.kind == .missingMember && noDomain?.path == "$.policies[0].policy.policy-domain")
        let noTotal = ReportSamples.parse(ReportSamples.report(summary: #""total-successful-session-count": 1"#)).failureValue
        #expect(noTotal?.kind == .missingMember && noTotal?.path == "$.policies[0].summary.total-failure-session-count")
    }

    // MARK: 4. sending-mta-ip that is not an IP address

    @Test("an invalid sending-mta-ip is kept as written")
    func invalidIPKept() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "validation-failure", "sending-mta-ip": "outbound-12.sender.example", "failed-session-count": 4}"#)).get()
        #expect(parsed.report.policies[0].failureDetails[0].sendingMTAIP == "outbound-12.sender.example")
        #expect(parsed.findings[0].evidence == #""outbound-12.sender.example""#)
        #expect(parsed.findings[0].severity == .warning)
    }

    @Test("the RFC example's addresses (IPv6 with leading zeros, IPv4) raise nothing")
    func validIPs() throws {
        let parsed = try ReportSamples.parse(ReportSamples.rfcExample).get()
        #expect(!parsed.findings.contains(.reportInvalidIP))
    }

    // MARK: 6. date-range reversed

    @Test("a reversed date-range is read with the two swapped")
    func reversedRange() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            range: #""start-datetime": "2025-06-14T23:59:59Z", "end-datetime": "2025-06-14T00:00:00Z""#)).get()
        #expect(parsed.report.dateRange.start == Date(timeIntervalSince1970: 1_749_859_200))
        #expect(parsed.report.dateRange.end == Date(timeIntervalSince1970: 1_749_945_599))
        #expect(parsed.findings[0].evidence.contains("2025-06-14T23:59:59Z") && parsed.findings[0].evidence.contains("2025-06-14T00:00:00Z"))
    }

    @Test("a zero-length date-range is not reversed")
    func zeroLengthRange() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            range: #""start-datetime": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T00:00:00Z""#)).get()
        #expect(parsed.findings.isEmpty)
    }

    // MARK: 7. near misses of member names

    @Test("a near-miss member is read as the member it looks like")
    func misspelledRead() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "certificate-host-mismatch", "receiving-mx-host-name": "MX2.example.com", "sending-mta-ip-address": "192.0.2.9", "failed-session-count": 7}"#)).get()
        let detail = parsed.report.policies[0].failureDetails[0]
        #expect(detail.receivingMXHostname == "mx2.example.com")
        #expect(detail.sendingMTAIP == "192.0.2.9")
        #expect(parsed.findings.codes == [.reportMisspelledMember, .reportMisspelledMember])
        #expect(parsed.findings[0].message.contains("read as `receiving-mx-hostname`"), "\(parsed.findings[0].message)")
    }

    @Test("a near miss beside the real member is ignored")
    func misspelledIgnored() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "certificate-expired", "receiving-mx-hostname": "mx1.example.com", "receiving-mx-host-name": "mx9.example.com", "failed-session-count": 1}"#)).get()
        #expect(parsed.report.policies[0].failureDetails[0].receivingMXHostname == "mx1.example.com")
        #expect(parsed.findings.codes == [.reportMisspelledMember])
        #expect(parsed.findings[0].message.contains("ignored"))
    }

    @Test("an error in a near-miss member names the member as the sender spelled it")
    func misspelledPathInError() throws {
        let error = try #require(ReportSamples.parse(ReportSamples.report(
            summary: #""total-successful-session-count": 10, "total_failure_session_count": "3""#)).failureValue)
        #expect(error.kind == .wrongType)
        #expect(error.path == "$.policies[0].summary.total_failure_session_count", "\(error)")
    }

    @Test("names that are not near misses stay extension members", arguments: [
        "x-sender-build", "policy-id", "tls-version", "report-version", "failure-reason",
    ])
    func notNearMisses(_ name: String) throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "certificate-expired", "failed-session-count": 1, "\#(name)": "x"}"#)).get()
        #expect(parsed.findings.isEmpty, "\(parsed.findings.summary)")
    }

    @Test("near misses recognised", arguments: [
        ("receiving-mx-host-name", "receiving-mx-hostname"), ("sending-mta-ip-address", "sending-mta-ip"),
        ("Receiving-MX-Hostname", "receiving-mx-hostname"), ("failed_session_count", "failed-session-count"),
        ("receiving-ip-address", "receiving-ip"), ("additional-informations", "additional-information"),
        ("resulttype", "result-type"),
    ])
    func nearMisses(_ written: String, _ intended: String) {
        #expect(TLSRPTMemberNames.intended(written, among: TLSRPTMemberNames.failureDetail) == intended)
    }

    // MARK: 8. tlsa policy-string as one JSON-encoded string

    @Test("a JSON-encoded policy-string is decoded into the TLSA records")
    func encodedPolicyString() throws {
        let parsed = try ReportSamples.parse(Self.tlsaEncodedPolicyString).get()
        let policy = parsed.report.policies[0].policy
        #expect(policy.type == .tlsa)
        #expect(policy.strings == [
            "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6",
            "3 1 1 8D02536C887482BC34FF54E41D2BA659BF85B341A0A20AFADB5813DCFBCF286D",
        ])
        #expect(parsed.findings[0].message.contains("2 policy strings"))
        #expect(parsed.findings[0].severity == .info)
    }

    @Test("an array whose one item is a JSON-encoded array is decoded too")
    func encodedInsideArray() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            policy: #""policy-type": "tlsa", "policy-domain": "mx1.example.com", "policy-string": ["[\"3 1 1 AB\", \"2 1 1 CD\"]"]"#)).get()
        #expect(parsed.report.policies[0].policy.strings == ["3 1 1 AB", "2 1 1 CD"])
        #expect(parsed.findings.codes == [.reportPolicyStringEncoded])
    }

    @Test("a policy-string that is a plain string or an array of non-strings is still a wrong type", arguments: [
        #""policy-string": "3 1 1 AB""#, #""policy-string": "[3, 1, 1]""#, #""policy-string": "[\"3 1 1 AB\"""#,
    ])
    func notEncoded(_ member: String) {
        let error = ReportSamples.parse(ReportSamples.report(policy: #""policy-type": "tlsa", "policy-domain": "mx1.example.com", "#+member)).failureValue
        #expect(error?.kind == .wrongType, "\(String(describing: error))")
        #expect(error?.path == "$.policies[0].policy.policy-string", "\(String(describing: error))")
    }

    // Sums

    @Test("report totals over huge counts are pinned at Int.max instead of trapping")
    func hugeTotals() throws {
        // The parser refuses such counts (TLSRPTHostileReportTests); a report built in code
        // (or decoded from an old store) still sums without trapping.
        let huge = TLSRPTSummary(successfulSessions: .max, failedSessions: .max)
        let detail = TLSRPTFailureDetail(resultType: .certificateExpired, receivingMXHostname: "mx.a.example", failedSessions: .max)
        let report = TLSRPTReport(
            organizationName: "Org", dateRange: .init(start: .distantPast, end: .distantFuture), contactInfo: nil, reportID: "r",
            policies: [
                TLSRPTPolicyResult(policy: TLSRPTPolicy(type: .sts, domain: "a.example"), summary: huge, failureDetails: [detail, detail]),
                TLSRPTPolicyResult(policy: TLSRPTPolicy(type: .sts, domain: "b.example"), summary: huge),
            ])
        #expect(report.totalSuccessfulSessions == Int.max)
        #expect(report.totalFailedSessions == Int.max)
        #expect(report.policies[0].failureGroups.map(\.failedSessions) == [Int.max])
        #expect(TLSRPTWindowTotals(from: .distantPast, to: .distantFuture, successes: .max, failures: .max).sessions == Int.max)
        #expect([Int.max, 1, Int.max].saturatingSum == Int.max)
        #expect([3, 4].saturatingSum == 7)
    }
}

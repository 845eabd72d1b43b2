import Foundation
import Testing
@testable import MTASTSCore

/// Reading aggregate reports, RFC 8460 §4.4 (schema) and §4.3 (result types).
@Suite("TLS-RPT report parser (RFC 8460 §4)")
struct TLSRPTReportParserTests {
    @Test("the RFC 8460 Appendix B example parses, every member normalised, no finding")
    func rfcExample() throws {
        let parsed = try ReportSamples.parse(ReportSamples.rfcExample).get()
        #expect(parsed.findings.isEmpty, "\(parsed.findings.summary)")
        let report = parsed.report
        #expect(report.organizationName == "Company-X")
        #expect(report.contactInfo == "sts-reporting@company-x.example")
        #expect(report.reportID == "5065427c-23d3-47ca-b6e0-946ea0e8c4be")
        #expect(report.dateRange.start == Date(timeIntervalSince1970: 1_459_468_800))
        #expect(report.dateRange.end == Date(timeIntervalSince1970: 1_459_468_800 + 86_399))
        let result = try #require(report.policies.first)
        #expect(result.policy.type == .sts)
        #expect(result.policy.strings.count == 4)
        #expect(result.policy.domain == "company-y.example")
        #expect(result.policy.mxHosts == ["*.mail.company-y.example"])
        #expect(result.summary == TLSRPTSummary(successfulSessions: 5326, failedSessions: 303))
        #expect(result.failureDetails.map(\.resultType) == [.certificateExpired, .starttlsNotSupported, .validationFailure])
        let second = result.failureDetails[1]
        #expect(second.sendingMTAIP == "2001:db8:abcd:0013::1")
        #expect(second.receivingIP == "203.0.113.56")
        #expect(second.receivingMXHostname == "mx2.mail.company-y.example")
        #expect(second.additionalInformation?.hasPrefix("https://reports.company-x.example/") == true)
        #expect(result.failureDetails[2].failureReasonCode == "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED")
        #expect(report.key == TLSRPTReportKey(organizationName: "Company-X", reportID: "5065427c-23d3-47ca-b6e0-946ea0e8c4be"))
        #expect(report.totalSuccessfulSessions == 5326 && report.totalFailedSessions == 303)
    }

    @Test("the raw bytes are kept exactly as given")
    func rawKept() throws {
        let bytes = Array(ReportSamples.rfcExample.utf8)
        #expect(try TLSRPTReportParser.parse(bytes).get().raw == bytes)
    }

    @Test("every result type of RFC 8460 §4.3 is read as itself", arguments: [
        ("starttls-not-supported", TLSRPTResultType.starttlsNotSupported, TLSRPTResultType.Category.negotiation),
        ("certificate-host-mismatch", .certificateHostMismatch, .negotiation),
        ("certificate-expired", .certificateExpired, .negotiation),
        ("certificate-not-trusted", .certificateNotTrusted, .negotiation),
        ("validation-failure", .validationFailure, .negotiation),
        ("tlsa-invalid", .tlsaInvalid, .dane),
        ("dnssec-invalid", .dnssecInvalid, .dane),
        ("dane-required", .daneRequired, .dane),
        ("sts-policy-fetch-error", .stsPolicyFetchError, .mtaSTS),
        ("sts-policy-invalid", .stsPolicyInvalid, .mtaSTS),
        ("sts-webpki-invalid", .stsWebPKIInvalid, .mtaSTS),
    ])
    func resultTypes(_ text: String, _ type: TLSRPTResultType, _ category: TLSRPTResultType.Category) throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "\#(text)", "failed-session-count": 7}"#)).get()
        #expect(parsed.findings.isEmpty, "\(parsed.findings.summary)")
        let detail = try #require(parsed.report.policies.first?.failureDetails.first)
        #expect(detail.resultType == type)
        #expect(detail.resultType.rawValue == text)
        #expect(detail.resultType.category == category)
        #expect(!detail.resultType.meaning.isEmpty)
        #expect(detail.failedSessions == 7)
    }

    @Test("the known list is the eleven types of §4.3, each round-tripping through its raw value")
    func knownList() {
        #expect(TLSRPTResultType.known.count == 11)
        for type in TLSRPTResultType.known { #expect(TLSRPTResultType(rawValue: type.rawValue) == type) }
    }

    @Test("an unknown result type is kept as written with report.unknown-result-type")
    func unknownResultType() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            failures: #"{"result-type": "tls-version-too-old", "failed-session-count": 2}"#)).get()
        #expect(parsed.report.policies[0].failureDetails[0].resultType == .unknown("tls-version-too-old"))
        #expect(parsed.report.policies[0].failureDetails[0].resultType.category == .unknown)
        #expect(parsed.findings.codes == [.reportUnknownResultType])
        #expect(parsed.findings[0].subject == "$.policies[0].failure-details[0].result-type")
        #expect(parsed.findings[0].severity == .warning)
    }

    @Test("policy types: sts, tlsa, no-policy-found; anything else kept with a finding", arguments: [
        ("sts", TLSRPTPolicyType.sts), ("tlsa", .tlsa), ("no-policy-found", .noPolicyFound),
    ])
    func policyTypes(_ text: String, _ type: TLSRPTPolicyType) throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(policy: #""policy-type": "\#(text)", "policy-domain": "example.com""#)).get()
        #expect(parsed.report.policies[0].policy.type == type)
        #expect(parsed.findings.isEmpty)
    }

    @Test("an unknown policy type is kept as written with report.unknown-policy-type")
    func unknownPolicyType() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(policy: #""policy-type": "dane-sts", "policy-domain": "example.com""#)).get()
        #expect(parsed.report.policies[0].policy.type == .unknown("dane-sts"))
        #expect(parsed.findings.codes == [.reportUnknownPolicyType])
    }

    @Test("host names are normalised: lower case, no trailing dot")
    func normalised() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            policy: #""policy-type": "sts", "policy-domain": "Example.COM.", "mx-host": ["MX1.Example.com.", "*.Backup.Example.com"]"#,
            failures: #"{"result-type": "certificate-expired", "receiving-mx-hostname": "MX1.example.com.", "failed-session-count": 1}"#)).get()
        let policy = parsed.report.policies[0].policy
        #expect(policy.domain == "example.com")
        #expect(policy.mxHosts == ["mx1.example.com", "*.backup.example.com"])
        #expect(parsed.report.policies[0].failureDetails[0].receivingMXHostname == "mx1.example.com")
    }

    @Test("failure-details may be absent: no failures, no finding")
    func noFailureDetails() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(failures: nil)).get()
        #expect(parsed.report.policies[0].failureDetails.isEmpty)
        #expect(parsed.findings.isEmpty)
    }

    @Test("fractional seconds and numeric offsets are read (RFC 3339 §5.6)")
    func dates() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(
            range: #""start-datetime": "2025-06-14T02:00:00.250+02:00", "end-datetime": "2025-06-14T23:59:59z""#)).get()
        #expect(parsed.report.dateRange.start == Date(timeIntervalSince1970: 1_749_859_200.25))
        #expect(parsed.findings.isEmpty)
    }

    @Test("the report model round-trips through Codable")
    func codable() throws {
        let report = try ReportSamples.parse(ReportSamples.rfcExample).get().report
        let data = try JSONCoding.encoder().encode(report)
        #expect(try JSONCoding.decoder().decode(TLSRPTReport.self, from: data) == report)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""resultType" : "certificate-expired""#))
        #expect(json.contains(#""type" : "sts""#))
    }

    @Test("failures are grouped by result type and receiving MX, most sessions first")
    func failureGroups() throws {
        let parsed = try ReportSamples.parse(ReportSamples.report(failures: """
            {"result-type": "certificate-expired", "receiving-mx-hostname": "mx1.example.com", "sending-mta-ip": "192.0.2.1", "failed-session-count": 3},
            {"result-type": "starttls-not-supported", "receiving-ip": "198.51.100.7", "failed-session-count": 9},
            {"result-type": "certificate-expired", "receiving-mx-hostname": "MX1.example.com", "sending-mta-ip": "192.0.2.2", "failed-session-count": 4},
            {"result-type": "certificate-expired", "receiving-mx-hostname": "mx2.example.com", "failed-session-count": 1}
            """)).get()
        let groups = parsed.report.policies[0].failureGroups
        #expect(groups == [
            TLSRPTFailureGroup(resultType: .starttlsNotSupported, receivingMX: "198.51.100.7", failedSessions: 9, details: 1),
            TLSRPTFailureGroup(resultType: .certificateExpired, receivingMX: "mx1.example.com", failedSessions: 7, details: 2),
            TLSRPTFailureGroup(resultType: .certificateExpired, receivingMX: "mx2.example.com", failedSessions: 1, details: 1),
        ])
    }
}

@Suite("TLS-RPT result types and live findings")
struct TLSRPTResultTypeFindingTests {
    @Test("every known result type points at catalogued live findings (DANE types at the DANE findings); unknown at none")
    func related() {
        for type in TLSRPTResultType.known {
            let codes = type.relatedFindingCodes
            #expect(codes.allSatisfy { FindingCatalog.entry(for: $0) != nil }, "\(type)")
            #expect(!codes.isEmpty, "\(type)")
            if type.category == .dane { #expect(codes.allSatisfy { $0.area == "dane" || $0.area == "mx" }, "\(type)") }
        }
        #expect(TLSRPTResultType.certificateExpired.relatedFindingCodes == [.mxCertExpired])
        #expect(TLSRPTResultType.unknown("x").relatedFindingCodes.isEmpty)
        #expect(TLSRPTResultType.dnssecInvalid.relatedFindingCodes == [.daneTLSAIndeterminate])
    }
}

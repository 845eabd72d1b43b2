import Foundation
import Testing
@testable import MTASTSCore

/// Broken reports are rejected with the kind of problem, the JSONPath of the member and the
/// reason; one row per case.
@Suite("TLS-RPT report rejections")
struct TLSRPTReportRejectionTests {
    struct Broken: Sendable, CustomTestStringConvertible {
        var json: String
        var kind: TLSRPTReportError.Kind
        var path: String
        var reason: String
        var testDescription: String { reason }

        init(_ json: String, _ kind: TLSRPTReportError.Kind, _ path: String, _ reason: String) {
            self.json = json
            self.kind = kind
            self.path = path
            self.reason = reason
        }
    }

    static let validRange = #""date-range": {"start-datetime": "2025-06-14T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z"}"#
    static let validPolicy = #"{"policy": {"policy-type": "sts", "policy-domain": "example.com"}, "summary": {"total-successful-session-count": 1, "total-failure-session-count": 0}}"#

    static let broken: [Broken] = [
        // not JSON (RFC 8259)
        Broken("", .invalidJSON, "$", "empty input"),
        Broken("   \n", .invalidJSON, "$", "only white space"),
        Broken("{", .invalidJSON, "$", "unterminated object"),
        Broken(#"{"organization-name": "Org",}"#, .invalidJSON, "$", "trailing comma"),
        Broken(#"{'organization-name': 'Org'}"#, .invalidJSON, "$", "single quotes"),
        Broken(#"{"organization-name": "Org"} x"#, .invalidJSON, "$", "garbage after the value"),
        Broken(#"{"a": [1, 2}"#, .invalidJSON, "$.a", "bracket mismatch"),
        Broken(#"{"a": 01}"#, .invalidJSON, "$.a", "leading zero"),
        Broken("{\"a\": \"tab\there\"}", .invalidJSON, "$.a", "raw control character in a string"),
        Broken(#"{"a": "\x"}"#, .invalidJSON, "$.a", "unknown escape"),
        Broken(#"{"a": tru}"#, .invalidJSON, "$.a", "truncated literal"),
        Broken(#"{"a": "unterminated}"#, .invalidJSON, "$.a", "unterminated string"),
        Broken(String(repeating: "[", count: 100) + String(repeating: "]", count: 100), .invalidJSON, "$" + String(repeating: "[0]", count: 64), "nested 100 deep"),
        // wrong types
        Broken("[]", .wrongType, "$", "an array at the top"),
        Broken(#""report""#, .wrongType, "$", "a string at the top"),
        Broken(#"{"organization-name": 42}"#, .wrongType, "$.organization-name", "organization-name is a number"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": 17, "policies": []}"#,
               .wrongType, "$.report-id", "report-id is a number"),
        Broken(#"{"organization-name": "O", "date-range": "2025-06-14", "report-id": "r", "policies": []}"#,
               .wrongType, "$.date-range", "date-range is a string"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": "r", "policies": {}}"#,
               .wrongType, "$.policies", "policies is an object"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": "r", "policies": [42]}"#,
               .wrongType, "$.policies[0]", "a policy entry is a number"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": "10", "total-failure-session-count": 1"#),
               .wrongType, "$.policies[0].summary.total-successful-session-count", "a count as a string"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": true, "total-failure-session-count": 1"#),
               .wrongType, "$.policies[0].summary.total-successful-session-count", "a count as a boolean"),
        Broken(ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host": [1]"#),
               .wrongType, "$.policies[0].policy.mx-host[0]", "an mx-host item is a number"),
        Broken(ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "mx-host": {"a": 1}"#),
               .wrongType, "$.policies[0].policy.mx-host", "mx-host is an object"),
        Broken(ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": "example.com", "policy-string": "version: STSv1""#),
               .wrongType, "$.policies[0].policy.policy-string", "policy-string is a string"),
        Broken(ReportSamples.report(policy: #""policy-type": ["sts"], "policy-domain": "example.com""#),
               .wrongType, "$.policies[0].policy.policy-type", "policy-type is an array"),
        Broken(ReportSamples.report(failures: #"{"result-type": "certificate-expired", "failed-session-count": 1, "sending-mta-ip": 19216801}"#),
               .wrongType, "$.policies[0].failure-details[0].sending-mta-ip", "an IP as a number"),
        Broken(ReportSamples.report(failures: #""certificate-expired""#),
               .wrongType, "$.policies[0].failure-details[0]", "a failure detail is a string"),
        // missing required members
        Broken("{}", .missingMember, "$.organization-name", "empty object"),
        Broken(#"{"organization-name": "O", "contact-info": "c", "report-id": "r", "policies": []}"#,
               .missingMember, "$.date-range", "no date-range"),
        Broken(#"{"organization-name": "O", "date-range": {"start-datetime": "2025-06-14T00:00:00Z"}, "report-id": "r", "policies": []}"#,
               .missingMember, "$.date-range.end-datetime", "no end-datetime"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "policies": []}"#,
               .missingMember, "$.report-id", "no report-id"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": null, "policies": []}"#,
               .missingMember, "$.report-id", "null report-id"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": "r"}"#,
               .missingMember, "$.policies", "no policies"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": "r", "policies": [{"summary": {"total-successful-session-count": 1, "total-failure-session-count": 0}}]}"#,
               .missingMember, "$.policies[0].policy", "no policy"),
        Broken(ReportSamples.report(policy: #""policy-domain": "example.com""#),
               .missingMember, "$.policies[0].policy.policy-type", "no policy-type"),
        Broken(ReportSamples.report(policy: #""policy-type": "sts""#),
               .missingMember, "$.policies[0].policy.policy-domain", "no policy-domain"),
        Broken(#"{"organization-name": "O", \#(validRange), "contact-info": "c", "report-id": "r", "policies": [{"policy": {"policy-type": "sts", "policy-domain": "e.com"}}]}"#,
               .missingMember, "$.policies[0].summary", "no summary"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": 1"#),
               .missingMember, "$.policies[0].summary.total-failure-session-count", "no failure count"),
        Broken(ReportSamples.report(failures: #"{"failed-session-count": 1}"#),
               .missingMember, "$.policies[0].failure-details[0].result-type", "no result-type"),
        Broken(ReportSamples.report(failures: #"{"result-type": "certificate-expired"}"#),
               .missingMember, "$.policies[0].failure-details[0].failed-session-count", "no failed-session-count"),
        // wrong values
        Broken(ReportSamples.report(top: #""organization-name": "  ", "contact-info": "c", "report-id": "r""#),
               .invalidValue, "$.organization-name", "blank organization-name"),
        Broken(ReportSamples.report(top: #""organization-name": "O", "contact-info": "c", "report-id": """#),
               .invalidValue, "$.report-id", "empty report-id"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": -1, "total-failure-session-count": 1"#),
               .invalidValue, "$.policies[0].summary.total-successful-session-count", "negative count"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": 1.5, "total-failure-session-count": 1"#),
               .invalidValue, "$.policies[0].summary.total-successful-session-count", "fractional count"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": 1e3, "total-failure-session-count": 1"#),
               .invalidValue, "$.policies[0].summary.total-successful-session-count", "count with an exponent"),
        Broken(ReportSamples.report(summary: #""total-successful-session-count": 99999999999999999999999, "total-failure-session-count": 1"#),
               .invalidValue, "$.policies[0].summary.total-successful-session-count", "count beyond 64 bits"),
        Broken(ReportSamples.report(range: #""start-datetime": "yesterday", "end-datetime": "2025-06-14T23:59:59Z""#),
               .invalidValue, "$.date-range.start-datetime", "not a date"),
        Broken(ReportSamples.report(range: #""start-datetime": "2025-02-30T00:00:00Z", "end-datetime": "2025-06-14T23:59:59Z""#),
               .invalidValue, "$.date-range.start-datetime", "30 February"),
        Broken(ReportSamples.report(range: #""start-datetime": "2025-06-14", "end-datetime": "2025-06-14T23:59:59Z""#),
               .invalidValue, "$.date-range.start-datetime", "a date without time"),
        Broken(ReportSamples.report(range: #""start-datetime": "2025-06-14T25:00:00Z", "end-datetime": "2025-06-14T23:59:59Z""#),
               .invalidValue, "$.date-range.start-datetime", "hour 25"),
        Broken(ReportSamples.report(policy: #""policy-type": "sts", "policy-domain": """#),
               .invalidValue, "$.policies[0].policy.policy-domain", "empty policy-domain"),
        // too large
        Broken(#"{"organization-name": ""# + String(repeating: "x", count: 5 * 1024 * 1024) + #""}"#,
               .tooLarge, "$.organization-name", "a 5 MB string member"),
    ]

    @Test("rejected with kind, path and reason", arguments: broken)
    func rejected(_ row: Broken) {
        switch ReportSamples.parse(row.json) {
        case .success(let parsed):
            Issue.record("accepted: \(parsed.report)")
        case .failure(let error):
            #expect(error.kind == row.kind, "\(error)")
            #expect(error.path == row.path, "\(error)")
            #expect(!error.reason.isEmpty)
            #expect(error.description.hasPrefix(row.path))
        }
    }

    @Test("invalid JSON carries line and column")
    func lineAndColumn() throws {
        let error = try #require(ReportSamples.parse("{\n  \"organization-name\": \"Org\"\n  \"report-id\": \"r\"\n}").failureValue)
        #expect(error.kind == .invalidJSON)
        #expect(error.line == 3 && error.column == 3, "\(error)")
        #expect(error.description == "$ (line 3, column 3): expected ',' or '}' after a member, found '\"'")
    }

    @Test("a wrong type names what was found")
    func wrongTypeReason() throws {
        let error = try #require(ReportSamples.parse(ReportSamples.report(
            summary: #""total-successful-session-count": 10, "total-failure-session-count": "12""#)).failureValue)
        #expect(error.description == #"$.policies[0].summary.total-failure-session-count: expected a non-negative integer, found a string "12""#)
    }

    @Test("a document over the size limit is refused before parsing")
    func documentTooLarge() throws {
        let limits = TLSRPTReportParser.Limits(maxBytes: 1000)
        let error = try #require(TLSRPTReportParser.parse(Array(ReportSamples.rfcExample.utf8), limits: limits).failureValue)
        #expect(error.kind == .tooLarge && error.path == "$")
    }

    @Test("a 5 MB string member is refused as too large")
    func hugeString() throws {
        let json = Array((#"{"organization-name": ""# + String(repeating: "x", count: 5 * 1024 * 1024) + #""}"#).utf8)
        #expect(TLSRPTReportParser.parse(json).failureValue?.kind == .tooLarge)
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

import Foundation
import Testing
@testable import MTASTSCore

@Suite("Fuzz: TLS-RPT JSON")
struct ReportFuzzTests {
    static let handWritten: [[UInt8]] = [
        #"{"organization-name":"Org","date-range":{"start-datetime":"2025-06-14T00:00:00Z","end-datetime":"2025-06-14T23:59:59Z"},"contact-info":null,"report-id":"r1","policies":[{"policy":{"policy-type":"no-policy-found"},"summary":{"total-successful-session-count":1,"total-failure-session-count":0}}]}"#,
        #"{"organization-name":"Org","date-range":{"start-datetime":"2025-06-14T00:00:00+02:00","end-datetime":"2025-06-15T00:00:00.123Z"},"contact-info":"x","report-id":"r2","policies":[{"policy":{"policy-type":"tlsa","policy-string":["[\"3 1 1 AB\"]"],"policy-domain":"example.com","mx-host":"mx.example.com"},"summary":{"total-successful-session-count":0,"total-failure-session-count":2},"failure-details":[{"result-type":"dane-required","failed-session-count":1},{"result-type":"x-new-type","failed-session-count":1,"sending-mta-ip":"192.0.2.1"}]}]}"#,
        #"[1, -2.5e10, true, false, null, "\u00e9\ud83d\ude00\n", {"": {}}, []]"#,
        #"  "just a string"  "#,
        #"{"a":1,"a":2}"#,
    ].map { Array($0.utf8) }

    static let dictionary: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "\\udc00", "\\uffff", "\\\"", "null", "true",
        "false", "-", "1e", "0.", "organization-name", "date-range", "start-datetime", "end-datetime",
        "contact-info", "report-id", "policies", "policy", "summary", "failure-details", "policy-type",
        "policy-string", "policy-domain", "mx-host", "total-successful-session-count",
        "total-failure-session-count", "result-type", "failed-session-count", "receiving-mx-hostname",
        "\"sts\"", "\"tlsa\"", "\"no-policy-found\"", "\"certificate-expired\"", "\"2025-06-14T00:00:00Z\"",
        "\"9999-12-31T23:59:60Z\"", "\"0000-01-01T00:00:00-23:59\"",
        #"{"result-type":"starttls-not-supported","failed-session-count":7}"#,
        #"{"policy":{"policy-type":"sts"},"summary":{"total-successful-session-count":1,"total-failure-session-count":1}}"#,
    ].map { Array($0.utf8) }

    static var seeds: [[UInt8]] { FuzzSeeds.files("reports", suffix: ".json") + handWritten }

    @Test("JSONValueParser: mutated JSON parses or fails with a position inside the input", .timeLimit(.minutes(1)))
    func json() {
        let seed: UInt64 = 0x4655_5A5A_4A53_4E01
        #expect(Self.seeds.count >= Self.handWritten.count + 2, "the Examples/reports seeds are found")
        var mutator = FuzzMutator(seed: seed, seeds: Self.seeds, dictionary: Self.dictionary, maxLength: 8192)
        let limits = JSONValueParser.Limits(maxDepth: 32, maxStringBytes: 512)
        var parsed = 0
        runFuzz("JSONValueParser", seed: seed, iterations: 10_000, mutator: &mutator) { bytes in
            switch JSONValueParser.parse(bytes, limits: limits) {
            case .success:
                parsed += 1
                return nil
            case .failure(let error):
                if error.offset < 0 || error.offset > bytes.count { return "error offset \(error.offset) outside 0...\(bytes.count)" }
                if error.line < 1 || error.column < 1 { return "error at line \(error.line), column \(error.column)" }
                if error.reason.utf8.count > 2048 { return "a \(error.reason.utf8.count)-byte error reason" }
                return nil
            }
        }
        #expect(parsed > 500 && parsed < 9_500, "\(parsed) of 10,000 inputs parsed")
    }

    /// Found by the fuzzer (seed 0x46555a5a4a534e01, iteration 3452): a backslash as the last
    /// byte stepped the reader past the end and the error reported offset `count + 1`.
    @Test("JSONValueParser: a string ending in a lone backslash fails at an offset inside the input",
          arguments: [#"[1, "\u00e9\ud83d\"#, #""\"#, #"{"a":"x\"#])
    func trailingBackslash(text: String) {
        let bytes = Array(text.utf8)
        guard case .failure(let error) = JSONValueParser.parse(bytes) else {
            Issue.record("\(text.debugDescription) parsed")
            return
        }
        #expect(error.offset <= bytes.count, "offset \(error.offset) of \(bytes.count) bytes")
        #expect(error.reason.contains("ends inside a string"))
    }

    @Test("JSONValueParser: nesting past the depth limit fails, never overflows the stack", arguments: ["[", "{\"a\":", "[{\"a\":"])
    func deepNesting(open: String) {
        let bytes = Array(String(repeating: open, count: 100_000).utf8)
        guard case .failure = JSONValueParser.parse(bytes) else {
            Issue.record("100,000 levels of \(open) parsed")
            return
        }
    }

    @Test("TLSRPTReportParser: mutated reports give a report or a typed error, with bounded output", .timeLimit(.minutes(1)))
    func reports() {
        let seed: UInt64 = 0x4655_5A5A_5250_5401
        var mutator = FuzzMutator(seed: seed, seeds: Self.seeds, dictionary: Self.dictionary, maxLength: 8192)
        // Small caps, so mutations reach them; the default limits are tried on every fourth input.
        let small = TLSRPTReportParser.Limits(
            maxSessionCount: 1_000_000, maxPolicies: 3, maxFailureDetails: 5, maxResultTypes: 3, maxFindingsPerCode: 2)
        var round = 0
        var parsedReports = 0
        runFuzz("TLSRPTReportParser", seed: seed, iterations: 10_000, mutator: &mutator) { bytes in
            round += 1
            let limits = round % 4 == 0 ? TLSRPTReportParser.Limits() : small
            let parsed: ParsedTLSRPTReport
            switch TLSRPTReportParser.parse(bytes, limits: limits, reportDomain: "example.com") {
            case .failure(let error):
                if error.reason.utf8.count > 4096 { return "a \(error.reason.utf8.count)-byte error reason" }
                return nil
            case .success(let value):
                parsed = value
                parsedReports += 1
            }
            let report = parsed.report
            if report.policies.count > limits.maxPolicies { return "\(report.policies.count) policies kept" }
            let details = report.policies.reduce(0) { $0 + $1.failureDetails.count }
            if details > limits.maxFailureDetails { return "\(details) failure details kept" }
            for result in report.policies {
                let counts = [result.summary.successfulSessions, result.summary.failedSessions] + result.failureDetails.map(\.failedSessions)
                if let bad = counts.first(where: { $0 < 0 || $0 > limits.maxSessionCount }) { return "session count \(bad) kept" }
                let types = Set(result.failureDetails.map(\.resultType))
                if types.count > limits.maxResultTypes { return "\(types.count) result types kept" }
            }
            // Sums saturate instead of trapping (issue 11, item 1).
            _ = report.totalSuccessfulSessions
            _ = report.totalFailedSessions
            var perCode: [FindingCode: Int] = [:]
            for finding in parsed.findings { perCode[finding.code, default: 0] += 1 }
            if let (code, count) = perCode.first(where: { $0.value > limits.maxFindingsPerCode + 1 }) {
                return "\(count) findings with code \(code.rawValue)"
            }
            return findingsBounded(parsed.findings, inputBytes: bytes.count)
        }
        #expect(parsedReports > 100 && parsedReports < 9_500, "\(parsedReports) of 10,000 inputs read as reports")
    }
}

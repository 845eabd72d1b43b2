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
            return Self.checkReport(bytes, limits: limits, parsed: &parsedReports)
        }
        #expect(parsedReports > 100 && parsedReports < 9_500, "\(parsedReports) of 10,000 inputs read as reports")
    }

    @Test("TLSRPTReportParser: structure-aware mutations of report trees, with bounded output", .timeLimit(.minutes(1)))
    func reportTrees() throws {
        let seed: UInt64 = 0x4655_5A5A_5452_4501
        // The seeds that are reports, so most mutations stay reports and reach the reading rules.
        let reports = Self.seeds.filter { (try? TLSRPTReportParser.parse($0).get()) != nil }
        let trees = reports.compactMap { try? JSONValueParser.parse($0).get() }
        #expect(trees.count >= 3, "the report seeds are found")
        var tree = JSONTreeMutator(random: SplitMix64(seed: seed), seeds: trees)
        let small = TLSRPTReportParser.Limits(
            maxSessionCount: 1_000_000, maxPolicies: 3, maxFailureDetails: 5, maxResultTypes: 3, maxFindingsPerCode: 2)
        var parsedReports = 0
        var round = 0
        for iteration in 0..<20_000 {
            let bytes = tree.next()
            round += 1
            let limits = round % 4 == 0 ? TLSRPTReportParser.Limits() : small
            if let violation = Self.checkReport(bytes, limits: limits, parsed: &parsedReports) {
                Issue.record("""
                    fuzz TLSRPTReportParser/tree seed 0x\(String(seed, radix: 16)) iteration \(iteration): \(violation)
                    input (base64): \(Data(bytes).base64EncodedString())
                    """)
                return
            }
        }
        #expect(parsedReports > 2_000 && parsedReports < 19_500, "\(parsedReports) of 20,000 trees read as reports")
    }

    static func checkReport(_ bytes: [UInt8], limits: TLSRPTReportParser.Limits, parsed parsedReports: inout Int) -> String? {
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
}

/// Structure-aware mutation for the report reader: byte mutations mostly break the JSON
/// syntax (about 1 % of them still parse), so these mutate the parsed tree of a seed report
/// (change a value's type, delete, duplicate or rename members, repeat array items, odd
/// strings and numbers) and write it back as JSON, to reach the RFC 8460 reading rules.
struct JSONTreeMutator {
    var random: SplitMix64
    let seeds: [JSONValue]

    static let names = TLSRPTMemberNames.report + TLSRPTMemberNames.dateRange + TLSRPTMemberNames.policyResult
        + TLSRPTMemberNames.policy + TLSRPTMemberNames.summary
        + ["result-type", "failed-session-count", "receiving-mx-hostname", "sending-mta-ip", "receiving-ip",
           "organization_name", "Report-ID", "policy_type", "x-unknown", ""]
    static let strings = [
        "sts", "tlsa", "no-policy-found", "starttls-not-supported", "certificate-expired", "validation-failure",
        "sts-policy-fetch-error", "x-vendor-type", "2025-06-14T00:00:00Z", "2025-06-13T00:00:00Z",
        "9999-12-31T23:59:60Z", "2025-02-30T25:61:61+99:99", "1970-01-01T00:00:00.000000001-00:00", "",
        "mx.example.com", "*.example.com", "192.0.2.1", "::1", "[\"3 1 1 AB\"]", "version: STSv1", "\u{0}",
        String(repeating: "x", count: 3000),
    ]

    mutating func next() -> [UInt8] {
        var value = seeds[Int.random(in: 0..<seeds.count, using: &random)]
        for _ in 0..<(Bool.random(using: &random) ? 1 : Int.random(in: 2...4, using: &random)) { mutate(&value, depth: 0) }
        var out: [UInt8] = []
        Self.write(value, to: &out)
        return out
    }

    mutating func mutate(_ value: inout JSONValue, depth: Int) {
        switch value {
        case .object(var members) where !members.isEmpty && depth < 12 && Int.random(in: 0..<3, using: &random) != 0:
            let index = Int.random(in: 0..<members.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: members.remove(at: index)
            case 1: members.insert(members[index], at: index) // duplicate name
            case 2: members[index].name = Self.names[Int.random(in: 0..<Self.names.count, using: &random)]
            default: mutate(&members[index].value, depth: depth + 1)
            }
            value = .object(members)
        case .array(var items) where !items.isEmpty && depth < 12 && Int.random(in: 0..<3, using: &random) != 0:
            let index = Int.random(in: 0..<items.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: items.remove(at: index)
            case 1: items.insert(contentsOf: repeatElement(items[index], count: Int.random(in: 1...60, using: &random)), at: index)
            default: mutate(&items[index], depth: depth + 1)
            }
            value = .array(items)
        default:
            value = scalarOrContainer()
        }
    }

    mutating func scalarOrContainer() -> JSONValue {
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return .string(Self.strings[Int.random(in: 0..<Self.strings.count, using: &random)])
        case 1: return .number(FuzzMutator.hugeNumbers[Int.random(in: 0..<FuzzMutator.hugeNumbers.count, using: &random)])
        case 2: return .number(String(Int.random(in: 0...1_000_000, using: &random)))
        case 3: return .bool(Bool.random(using: &random))
        case 4: return .null
        case 5: return .array([.string(Self.strings[Int.random(in: 0..<Self.strings.count, using: &random)])])
        default: return .object([])
        }
    }

    static func write(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(.string(member.name), to: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text):
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        case .number(let text): out += Array(text.utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .null: out += Array("null".utf8)
        }
    }
}

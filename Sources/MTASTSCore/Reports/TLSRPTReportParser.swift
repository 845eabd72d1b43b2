/// Reads an aggregate TLS report (RFC 8460 §4.4) leniently: what real senders get wrong in
/// harmless ways is read and reported as a `report.*` finding; what makes the report unusable
/// is rejected with the member's path and the reason.
///
/// Accepted with a finding:
/// - `mx-host` as one string instead of an array (`report.mx-host-string`; the RFC's own
///   example did this, erratum 6241);
/// - a `date-time` without a time zone, read as UTC (`report.date-without-zone`);
/// - the RFC's other spellings `mx-host-pattern` and `additional-info-uri`
///   (`report.alternate-member-name`);
/// - `null` for an optional member (`report.null-member`), a missing `contact-info`
///   (`report.missing-member`), a name given twice (`report.duplicate-member`);
/// - result and policy types outside RFC 8460 §4.3/§4.4, kept as written
///   (`report.unknown-result-type`, `report.unknown-policy-type`).
///
/// Rejected: input that is not JSON (RFC 8259), a member of the wrong type, a missing required
/// member (`organization-name`, `date-range`, `report-id`, `policies`, `policy`,
/// `policy-type`, `policy-domain`, `summary` and its counts, `result-type`,
/// `failed-session-count`), a negative or fractional count, an impossible date, a document or
/// string over the limits.
public enum TLSRPTReportParser {
    public struct Limits: Sendable, Hashable {
        /// The largest report accepted, in bytes (after decompression).
        public var maxBytes: Int
        public var json: JSONValueParser.Limits

        public init(maxBytes: Int = 20 * 1024 * 1024, json: JSONValueParser.Limits = JSONValueParser.Limits()) {
            self.maxBytes = maxBytes
            self.json = json
        }
    }

    public static func parse(_ json: [UInt8], limits: Limits = Limits()) -> Result<ParsedTLSRPTReport, TLSRPTReportError> {
        guard json.count <= limits.maxBytes else {
            return .failure(TLSRPTReportError(.tooLarge, at: .root,
                "the report is \(json.count) bytes; at most \(limits.maxBytes) are accepted"))
        }
        let document: JSONValue
        switch JSONValueParser.parse(json, limits: limits.json) {
        case .success(let value): document = value
        case .failure(let error):
            let kind: TLSRPTReportError.Kind = error.reason.hasPrefix("a string longer") ? .tooLarge : .invalidJSON
            return .failure(TLSRPTReportError(kind, at: error.path, error.reason, line: error.line, column: error.column))
        }
        var reader = TLSRPTReportReader()
        do throws(TLSRPTReportError) {
            let report = try read(document, &reader)
            return .success(ParsedTLSRPTReport(report: report, findings: reader.findings, raw: json))
        } catch {
            return .failure(error)
        }
    }

    /// The top level (RFC 8460 §4.4): `organization-name`, `date-range`, `contact-info`,
    /// `report-id`, `policies`.
    static func read(_ document: JSONValue, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTReport {
        let top = try reader.object(document, at: .root)
        let organization = try reader.nonEmptyString(top, "organization-name")
        let rangeMember = try reader.member(top, "date-range", .required)!
        let range = try reader.object(rangeMember.value, at: rangeMember.path)
        let start = try reader.date(range, "start-datetime")
        let end = try reader.date(range, "end-datetime")
        let contact = try reader.string(top, "contact-info", .expected)
        let reportID = try reader.nonEmptyString(top, "report-id")
        let (items, path) = try reader.array(top, "policies", .required)!
        var policies: [TLSRPTPolicyResult] = []
        policies.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            policies.append(try policyResult(item, at: path.item(index), &reader))
        }
        return TLSRPTReport(
            organizationName: organization, dateRange: TLSRPTReport.DateRange(start: start, end: end),
            contactInfo: contact, reportID: reportID, policies: policies)
    }

    /// One `policies` entry: `policy`, `summary`, `failure-details`.
    static func policyResult(_ value: JSONValue, at path: JSONPath, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTPolicyResult {
        let entry = try reader.object(value, at: path)
        let policyMember = try reader.member(entry, "policy", .required)!
        let policy = try self.policy(try reader.object(policyMember.value, at: policyMember.path), &reader)
        let summaryMember = try reader.member(entry, "summary", .required)!
        let summaryObject = try reader.object(summaryMember.value, at: summaryMember.path)
        let summary = TLSRPTSummary(
            successfulSessions: try reader.count(summaryObject, "total-successful-session-count"),
            failedSessions: try reader.count(summaryObject, "total-failure-session-count"))
        var details: [TLSRPTFailureDetail] = []
        if let (items, detailsPath) = try reader.array(entry, "failure-details", .optional) {
            details.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                details.append(try failureDetail(item, at: detailsPath.item(index), &reader))
            }
        }
        return TLSRPTPolicyResult(policy: policy, summary: summary, failureDetails: details)
    }

    /// `policy`: `policy-type`, `policy-string`, `policy-domain`, `mx-host`.
    static func policy(_ object: TLSRPTReportReader.Object, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTPolicy {
        let typeText = try reader.string(object, "policy-type", .required)!
        let type = TLSRPTPolicyType(rawValue: typeText)
        if case .unknown = type {
            reader.note(.reportUnknownPolicyType, object.path.member("policy-type"),
                        "\(typeText.debugDescription) is not `sts`, `tlsa` or `no-policy-found`; kept as written", .string(typeText))
        }
        let strings = try reader.strings(object, "policy-string", .optional)
        let domain = MXMatcher.normalize(try reader.nonEmptyString(object, "policy-domain"))
        return TLSRPTPolicy(type: type, strings: strings, domain: domain, mxHosts: try mxHosts(object, &reader))
    }

    /// `mx-host` (or `mx-host-pattern`): an array of patterns; one string is accepted (and split
    /// at commas and white space) with `report.mx-host-string`.
    static func mxHosts(_ object: TLSRPTReportReader.Object, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> [String] {
        guard let (value, path) = try reader.member(object, "mx-host", alternate: "mx-host-pattern", .optional) else { return [] }
        switch value {
        case .string(let text):
            reader.note(.reportMXHostString, path, "the MX patterns are one string, not an array; read as a list", value)
            return text.split { $0 == "," || $0.isWhitespace }.map { MXMatcher.normalize(String($0)) }
        case .array(let items):
            var hosts: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw TLSRPTReportError(.wrongType, at: path.item(index), "expected a string, found \(item.typeName) \(item.preview)")
                }
                hosts.append(MXMatcher.normalize(text))
            }
            return hosts
        default:
            throw TLSRPTReportError(.wrongType, at: path, "expected an array of strings, found \(value.typeName) \(value.preview)")
        }
    }

    /// One `failure-details` entry (RFC 8460 §4.3 result types).
    static func failureDetail(_ value: JSONValue, at path: JSONPath, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTFailureDetail {
        let object = try reader.object(value, at: path)
        let typeText = try reader.string(object, "result-type", .required)!
        let type = TLSRPTResultType(rawValue: typeText)
        if case .unknown = type {
            reader.note(.reportUnknownResultType, path.member("result-type"),
                        "\(typeText.debugDescription) is not a result type of RFC 8460 §4.3; kept as written", .string(typeText))
        }
        return TLSRPTFailureDetail(
            resultType: type,
            sendingMTAIP: try reader.string(object, "sending-mta-ip", .optional),
            receivingMXHostname: try reader.string(object, "receiving-mx-hostname", .optional).map(MXMatcher.normalize),
            receivingMXHelo: try reader.string(object, "receiving-mx-helo", .optional),
            receivingIP: try reader.string(object, "receiving-ip", .optional),
            failedSessions: try reader.count(object, "failed-session-count"),
            additionalInformation: try reader.string(object, "additional-information", alternate: "additional-info-uri", .optional),
            failureReasonCode: try reader.string(object, "failure-reason-code", .optional))
    }
}

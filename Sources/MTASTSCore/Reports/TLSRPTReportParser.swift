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
///   (`report.unknown-result-type`, `report.unknown-policy-type`);
/// - a `no-policy-found` policy without `policy-domain` (Postfix's reporter): the domain is
///   taken from the mail's `TLS-Report-Domain` when the caller passes it, else from the
///   report's other policies (`report.policy-domain-missing`); such a policy's summary
///   without `total-failure-session-count` is read as the sum of its failure details
///   (`report.missing-member`);
/// - a `date-range` that ends before it starts, read with the two swapped
///   (`report.date-range-reversed`);
/// - a member name that is a near miss of an RFC 8460 §4.4 name, read as that member
///   (`report.misspelled-member`);
/// - a `policy-string` that is one string holding a JSON array, decoded
///   (`report.policy-string-encoded`);
/// - a `sending-mta-ip` or `receiving-ip` that is not an IP address, kept as written
///   (`report.invalid-ip`);
/// - more policies, failure details or distinct result types than any sender writes: the
///   first ones are read (``Limits``; `report.policies-capped`, `report.failure-details-capped`,
///   `report.result-types-capped`), and more than 20 findings of one code are counted in one
///   `report.findings-capped`, so what one report costs is bounded.
///
/// Rejected: input that is not JSON (RFC 8259), a member of the wrong type, a missing required
/// member (`organization-name`, `date-range`, `report-id`, `policies`, `policy`,
/// `policy-type`, `policy-domain` other than for `no-policy-found`, `summary` and its counts,
/// `result-type`, `failed-session-count`), a negative or fractional count, a count above
/// ``Limits/maxSessionCount`` (2^40), an impossible date,
/// a document or string over the limits.
public enum TLSRPTReportParser {
    public struct Limits: Sendable, Hashable {
        /// The largest report accepted, in bytes (after decompression).
        public var maxBytes: Int
        public var json: JSONValueParser.Limits
        /// The largest session count accepted (RFC 8460 §4.4 counts are non-negative integers
        /// with no bound): 2^40, over a trillion sessions in one report period. A larger count
        /// is refused, so that the sums over years of stored reports stay far from `Int.max`.
        public var maxSessionCount: Int
        /// `policies` read per report; more are left out with `report.policies-capped`.
        public var maxPolicies: Int
        /// `failure-details` read per report (over all its policies); more are left out with
        /// `report.failure-details-capped`.
        public var maxFailureDetails: Int
        /// Distinct `result-type`s read per report (RFC 8460 §4.3 defines 11); details of
        /// further types are left out with `report.result-types-capped`.
        public var maxResultTypes: Int
        /// Findings listed per code per report; the rest are counted in one
        /// `report.findings-capped`.
        public var maxFindingsPerCode: Int

        public init(
            maxBytes: Int = 20 * 1024 * 1024, json: JSONValueParser.Limits = JSONValueParser.Limits(),
            maxSessionCount: Int = 1 << 40, maxPolicies: Int = 100, maxFailureDetails: Int = 10_000,
            maxResultTypes: Int = 32, maxFindingsPerCode: Int = 20
        ) {
            self.maxBytes = maxBytes
            self.json = json
            self.maxSessionCount = maxSessionCount
            self.maxPolicies = maxPolicies
            self.maxFailureDetails = maxFailureDetails
            self.maxResultTypes = maxResultTypes
            self.maxFindingsPerCode = maxFindingsPerCode
        }
    }

    /// Parses `json`. `reportDomain` is the mail's `TLS-Report-Domain` (RFC 8460 §5.3) when the
    /// report came in a mail: the domain of a `no-policy-found` policy that names none.
    public static func parse(
        _ json: [UInt8], limits: Limits = Limits(), reportDomain: String? = nil
    ) -> Result<ParsedTLSRPTReport, TLSRPTReportError> {
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
        var reader = TLSRPTReportReader(limits: limits)
        do throws(TLSRPTReportError) {
            let report = try read(document, reportDomain: reportDomain, &reader)
            return .success(ParsedTLSRPTReport(report: report, findings: reader.caps.compact(reader.findings), raw: json))
        } catch {
            return .failure(error)
        }
    }

    /// The top level (RFC 8460 §4.4): `organization-name`, `date-range`, `contact-info`,
    /// `report-id`, `policies`.
    static func read(
        _ document: JSONValue, reportDomain: String?, _ reader: inout TLSRPTReportReader
    ) throws(TLSRPTReportError) -> TLSRPTReport {
        let top = try reader.object(document, at: .root, known: TLSRPTMemberNames.report)
        let organization = try reader.nonEmptyString(top, "organization-name")
        let rangeMember = try reader.member(top, "date-range", .required)!
        let range = try dateRange(try reader.object(rangeMember.value, at: rangeMember.path, known: TLSRPTMemberNames.dateRange), &reader)
        let contact = try reader.string(top, "contact-info", .expected)
        let reportID = try reader.nonEmptyString(top, "report-id")
        let (items, path) = try reader.array(top, "policies", .required)!
        var policies: [TLSRPTPolicyResult] = []
        policies.reserveCapacity(min(items.count, reader.caps.limits.maxPolicies))
        for (index, item) in items.prefix(reader.caps.limits.maxPolicies).enumerated() {
            policies.append(try policyResult(item, at: path.item(index), &reader))
        }
        fillMissingDomains(&policies, at: path, reportDomain: reportDomain, &reader)
        reader.findings += reader.caps.findings(policies: items.count, at: path)
        return TLSRPTReport(
            organizationName: organization, dateRange: range, contactInfo: contact, reportID: reportID, policies: policies)
    }

    /// `date-range` (RFC 8460 §4.4): a range that ends before it starts is read with the two
    /// swapped, so the report still counts for the period it covers.
    static func dateRange(_ range: TLSRPTReportReader.Object, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTReport.DateRange {
        let start = try reader.date(range, "start-datetime")
        let end = try reader.date(range, "end-datetime")
        guard end < start else { return TLSRPTReport.DateRange(start: start, end: end) }
        let written = range.members.filter { $0.name == "start-datetime" || $0.name == "end-datetime" }
            .map { "\($0.name): \($0.value.preview)" }.joined(separator: ", ")
        reader.findings.append(Finding(
            code: .reportDateRangeReversed, subject: range.path.description,
            message: "the date range ends before it starts; read with `start-datetime` and `end-datetime` swapped",
            evidence: written))
        return TLSRPTReport.DateRange(start: end, end: start)
    }

    /// One `policies` entry: `policy`, `summary`, `failure-details`.
    static func policyResult(_ value: JSONValue, at path: JSONPath, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTPolicyResult {
        let entry = try reader.object(value, at: path, known: TLSRPTMemberNames.policyResult)
        let policyMember = try reader.member(entry, "policy", .required)!
        let policy = try self.policy(try reader.object(policyMember.value, at: policyMember.path, known: TLSRPTMemberNames.policy), &reader)
        let summaryMember = try reader.member(entry, "summary", .required)!
        let summaryObject = try reader.object(summaryMember.value, at: summaryMember.path, known: TLSRPTMemberNames.summary)
        let successes = try reader.count(summaryObject, "total-successful-session-count")
        let failures: Int?
        if case .noPolicyFound = policy.type {
            failures = try reader.countIfPresent(summaryObject, "total-failure-session-count")
        } else {
            failures = try reader.count(summaryObject, "total-failure-session-count")
        }
        var details: [TLSRPTFailureDetail] = []
        if let (items, detailsPath) = try reader.array(entry, "failure-details", .optional) {
            for (index, item) in items.enumerated() {
                guard reader.caps.acceptsDetail else {
                    reader.caps.skipDetails(items.count - index)
                    break
                }
                if let detail = try failureDetail(item, at: detailsPath.item(index), &reader) { details.append(detail) }
            }
        }
        let summary = TLSRPTSummary(
            successfulSessions: successes,
            failedSessions: failures ?? missingFailureCount(details, summaryObject, &reader))
        return TLSRPTPolicyResult(policy: policy, summary: summary, failureDetails: details)
    }

    /// A `no-policy-found` summary without `total-failure-session-count`: RFC 8460 §4.4
    /// requires it, but the failure details still say how many sessions failed.
    static func missingFailureCount(
        _ details: [TLSRPTFailureDetail], _ summary: TLSRPTReportReader.Object, _ reader: inout TLSRPTReportReader
    ) -> Int {
        let counts = details.map(\.failedSessions)
        let sum = counts.saturatingSum
        let absent = !summary.members.contains { $0.name == "total-failure-session-count" }
        reader.findings.append(Finding(
            code: .reportMissingMember, subject: summary.path(of: "total-failure-session-count").description,
            message: "`total-failure-session-count` is \(absent ? "missing" : "null") in the summary of a `no-policy-found` policy; "
                + "read as \(sum), the sum of its failure details' `failed-session-count`",
            evidence: counts.isEmpty ? "no failure-details" : "failed-session-count: " + counts.map(String.init).joined(separator: ", ")))
        return sum
    }

    /// `policy`: `policy-type`, `policy-string`, `policy-domain`, `mx-host`. A `no-policy-found`
    /// policy may lack `policy-domain` (its domain is empty here and filled by
    /// ``fillMissingDomains(_:at:reportDomain:_:)``); every other type requires it.
    static func policy(_ object: TLSRPTReportReader.Object, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTPolicy {
        let typeText = try reader.string(object, "policy-type", .required)!
        let type = TLSRPTPolicyType(rawValue: typeText)
        if case .unknown = type {
            reader.note(.reportUnknownPolicyType, object.path(of: "policy-type"),
                        "\(typeText.debugDescription) is not `sts`, `tlsa` or `no-policy-found`; kept as written", .string(typeText))
        }
        let strings = try policyStrings(object, &reader)
        let domain: String
        if case .noPolicyFound = type {
            domain = MXMatcher.normalize((try reader.string(object, "policy-domain", .silent) ?? "").trimmingCharacters(in: .whitespaces))
        } else {
            domain = MXMatcher.normalize(try reader.nonEmptyString(object, "policy-domain"))
        }
        return TLSRPTPolicy(type: type, strings: strings, domain: domain, mxHosts: try mxHosts(object, &reader))
    }

    /// The domain of each `no-policy-found` policy that names none (RFC 8460 §4.4 lists
    /// `policy-domain` in every policy but Postfix's reporter leaves it out when no policy was
    /// found): the mail's `TLS-Report-Domain` (RFC 8460 §5.3), else the one domain the other
    /// policies of the report name, else left empty; each with `report.policy-domain-missing`.
    static func fillMissingDomains(
        _ policies: inout [TLSRPTPolicyResult], at path: JSONPath, reportDomain: String?, _ reader: inout TLSRPTReportReader
    ) {
        let missing = policies.indices.filter { policies[$0].policy.domain.isEmpty }
        guard !missing.isEmpty else { return }
        let named = Set(policies.map(\.policy.domain).filter { !$0.isEmpty })
        let header = reportDomain.map { MXMatcher.normalize($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0.isEmpty ? nil : $0 }
        let domain: String?, source: String
        if let header {
            (domain, source) = (header, "the mail's TLS-Report-Domain")
        } else if named.count == 1 {
            (domain, source) = (named.first!, "the report's other policies")
        } else {
            (domain, source) = (nil, named.isEmpty ? "nothing in the report names it" : "the report's other policies name \(named.count) domains")
        }
        for index in missing {
            policies[index].policy.domain = domain ?? ""
            reader.findings.append(Finding(
                code: .reportPolicyDomainMissing, subject: path.item(index).member("policy").member("policy-domain").description,
                message: "a `no-policy-found` policy without `policy-domain`; "
                    + (domain.map { "read as `\($0)` from \(source)" } ?? "the domain is unknown (\(source)) and left empty"),
                evidence: "policy-type: no-policy-found"))
        }
    }

    /// `policy-string`: an array of strings. One string holding a JSON array of strings (as a
    /// large provider writes its `tlsa` records), or an array whose only item is such a
    /// string, is decoded with `report.policy-string-encoded`; any other string is a wrong type.
    static func policyStrings(_ object: TLSRPTReportReader.Object, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> [String] {
        guard let (value, path) = try reader.member(object, "policy-string", .optional) else { return [] }
        let encoded: String?
        switch value {
        case .string(let text): encoded = text
        case .array(let items) where items.count == 1: if case .string(let text) = items[0] { encoded = text } else { encoded = nil }
        default: encoded = nil
        }
        if let encoded, let strings = decodedStringArray(encoded) {
            reader.note(.reportPolicyStringEncoded, path,
                        "`policy-string` is one string holding a JSON array; decoded into \(strings.count) policy string\(strings.count == 1 ? "" : "s")",
                        .string(encoded))
            return strings
        }
        return try reader.strings(value, at: path)
    }

    /// `text` parsed as a JSON array of strings, `nil` when it is anything else.
    static func decodedStringArray(_ text: String) -> [String]? {
        guard text.drop(while: \.isWhitespace).first == "[",
              case .success(.array(let items)) = JSONValueParser.parse(Array(text.utf8)) else { return nil }
        var strings: [String] = []
        for item in items {
            guard case .string(let string) = item else { return nil }
            strings.append(string)
        }
        return strings
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

    /// One `failure-details` entry (RFC 8460 §4.3 result types); `nil` when its result type
    /// is one more than the report may use (``TLSRPTReportCaps``).
    static func failureDetail(_ value: JSONValue, at path: JSONPath, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> TLSRPTFailureDetail? {
        let object = try reader.object(value, at: path, known: TLSRPTMemberNames.failureDetail)
        let typeText = try reader.string(object, "result-type", .required)!
        guard reader.caps.admit(resultType: typeText) else { return nil }
        let type = TLSRPTResultType(rawValue: typeText)
        if case .unknown = type {
            reader.note(.reportUnknownResultType, object.path(of: "result-type"),
                        "\(typeText.debugDescription) is not a result type of RFC 8460 §4.3; kept as written", .string(typeText))
        }
        return TLSRPTFailureDetail(
            resultType: type,
            sendingMTAIP: try ipAddress(object, "sending-mta-ip", &reader),
            receivingMXHostname: try reader.string(object, "receiving-mx-hostname", .optional).map(MXMatcher.normalize),
            receivingMXHelo: try reader.string(object, "receiving-mx-helo", .optional),
            receivingIP: try ipAddress(object, "receiving-ip", &reader),
            failedSessions: try reader.count(object, "failed-session-count"),
            additionalInformation: try reader.string(object, "additional-information", alternate: "additional-info-uri", .optional),
            failureReasonCode: try reader.string(object, "failure-reason-code", .optional))
    }

    /// `sending-mta-ip` or `receiving-ip` (RFC 8460 §4.4: an IPv4 or IPv6 address); anything
    /// else is kept as written with `report.invalid-ip`.
    static func ipAddress(_ object: TLSRPTReportReader.Object, _ name: String, _ reader: inout TLSRPTReportReader) throws(TLSRPTReportError) -> String? {
        guard let text = try reader.string(object, name, .optional) else { return nil }
        if !IPAddressLiteral.isValid(text) {
            reader.note(.reportInvalidIP, object.path(of: name),
                        "\(text.debugDescription) is not an IPv4 or IPv6 address (RFC 8460 §4.4); kept as written", .string(text))
        }
        return text
    }
}

import Foundation

/// An aggregate TLS report as a sending MTA writes it (RFC 8460 §4), normalised: dates as
/// `Date`, MX patterns as an array, host names lower case without a trailing dot, result types
/// as ``TLSRPTResultType``. The bytes the sender wrote are kept beside it in
/// ``ParsedTLSRPTReport/raw``.
public struct TLSRPTReport: Codable, Sendable, Hashable {
    /// `organization-name`: who sent the report (RFC 8460 §4.4).
    public var organizationName: String
    /// `date-range`: the period the report covers (RFC 8460 §4.4).
    public var dateRange: DateRange
    /// `contact-info`: how to reach the sender; the RFC requires it, some senders omit it.
    public var contactInfo: String?
    /// `report-id`: unique per sender (RFC 8460 §4.4); with the organization, the dedupe key.
    public var reportID: String
    /// `policies`: one result block per policy the sender applied.
    public var policies: [TLSRPTPolicyResult]

    public init(
        organizationName: String, dateRange: DateRange, contactInfo: String?, reportID: String,
        policies: [TLSRPTPolicyResult]
    ) {
        self.organizationName = organizationName
        self.dateRange = dateRange
        self.contactInfo = contactInfo
        self.reportID = reportID
        self.policies = policies
    }

    /// `start-datetime` and `end-datetime` (RFC 3339 date-times, RFC 8460 §4.4).
    public struct DateRange: Codable, Sendable, Hashable {
        public var start: Date
        public var end: Date

        public init(start: Date, end: Date) {
            self.start = start
            self.end = end
        }
    }

    /// What identifies a report across deliveries: the same report mailed twice, or to two
    /// `rua` addresses, has the same key (RFC 8460 §4.4: the report-id is unique per sender).
    public var key: TLSRPTReportKey { TLSRPTReportKey(organizationName: organizationName, reportID: reportID) }

    /// Sessions over every policy, pinned at `Int.max` rather than trapping on a sender's
    /// huge counts.
    public var totalSuccessfulSessions: Int { policies.map(\.summary.successfulSessions).saturatingSum }
    public var totalFailedSessions: Int { policies.map(\.summary.failedSessions).saturatingSum }
}

/// The dedupe key of a report: `organization-name` and `report-id` as written.
public struct TLSRPTReportKey: Codable, Sendable, Hashable, CustomStringConvertible {
    public var organizationName: String
    public var reportID: String

    public init(organizationName: String, reportID: String) {
        self.organizationName = organizationName
        self.reportID = reportID
    }

    public var description: String { "\(organizationName) \(reportID)" }
}

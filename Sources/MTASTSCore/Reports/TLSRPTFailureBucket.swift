import Foundation

/// Failed sessions added up by result type × receiving MX × reporting organization over many
/// reports: the on-call table ("google.com saw certificate-expired at mx1: 120 sessions").
/// RFC 8460 §4.3 (result types), §4.4 (`failure-details`, `organization-name`).
public struct TLSRPTFailureBucket: Sendable, Codable, Hashable {
    /// `result-type` as written (``TLSRPTResultType/rawValue``).
    public var resultType: String
    /// ``TLSRPTFailureDetail/receivingMX``; `nil` when the sender named no receiving side.
    public var receivingMX: String?
    /// `organization-name` of the reporting sender.
    public var organization: String
    /// Sum of `failed-session-count`.
    public var failedSessions: Int
    /// `failure-details` entries added up.
    public var details: Int
    /// Start of the earliest and end of the latest report in the bucket.
    public var firstReported: Date
    public var lastReported: Date

    public init(
        resultType: String, receivingMX: String?, organization: String, failedSessions: Int, details: Int,
        firstReported: Date, lastReported: Date
    ) {
        self.resultType = resultType
        self.receivingMX = receivingMX
        self.organization = organization
        self.failedSessions = failedSessions
        self.details = details
        self.firstReported = firstReported
        self.lastReported = lastReported
    }

    /// The parsed result type.
    public var type: TLSRPTResultType { TLSRPTResultType(rawValue: resultType) }

    /// Most failed sessions first; ties by type, MX, organization (a stable order).
    public static func worstFirst(_ a: TLSRPTFailureBucket, _ b: TLSRPTFailureBucket) -> Bool {
        if a.failedSessions != b.failedSessions { return a.failedSessions > b.failedSessions }
        if a.resultType != b.resultType { return a.resultType < b.resultType }
        if (a.receivingMX ?? "") != (b.receivingMX ?? "") { return (a.receivingMX ?? "") < (b.receivingMX ?? "") }
        return a.organization < b.organization
    }
}

import Foundation
import MTASTSCore

/// One stored `failure-details` entry with its report (RFC 8460 §4.4).
public struct StoredFailureDetail: Codable, Sendable, Hashable {
    public var detail: TLSRPTFailureDetail
    public var organization: String
    public var reportID: String
    public var reportStart: Date

    public init(detail: TLSRPTFailureDetail, organization: String, reportID: String, reportStart: Date) {
        self.detail = detail
        self.organization = organization
        self.reportID = reportID
        self.reportStart = reportStart
    }
}

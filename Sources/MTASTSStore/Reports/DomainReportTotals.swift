import Foundation
import MTASTSCore

/// A policy domain with reported failures: one row of the triage screen.
public struct DomainReportTotals: Codable, Sendable, Hashable {
    public var domain: String
    public var reports: Int
    public var successes: Int
    public var failures: Int
    /// The result type with most failed sessions.
    public var worstResultType: String?
    public var lastFailure: Date?

    public init(domain: String, reports: Int, successes: Int, failures: Int, worstResultType: String?, lastFailure: Date?) {
        self.domain = domain
        self.reports = reports
        self.successes = successes
        self.failures = failures
        self.worstResultType = worstResultType
        self.lastFailure = lastFailure
    }

    public var failureRate: Double {
        successes == 0 && failures == 0 ? 0 : Double(failures) / (Double(successes) + Double(failures))
    }
}

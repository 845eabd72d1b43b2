import Foundation
import MTASTSCore

/// What senders reported for one domain (or every domain) since a date: totals, failed
/// sessions by result type (RFC 8460 §4.3), by receiving MX and by reporting organization
/// (RFC 8460 §4.4), and the failure buckets type × MX × organization.
public struct ReportSummary: Codable, Sendable, Hashable {
    /// A name with failed sessions (result type or receiving MX).
    public struct Count: Codable, Sendable, Hashable {
        public var name: String
        public var failedSessions: Int
        public init(name: String, failedSessions: Int) {
            self.name = name
            self.failedSessions = failedSessions
        }
    }

    /// What one organization reported.
    public struct Organization: Codable, Sendable, Hashable {
        public var name: String
        public var reports: Int
        public var successes: Int
        public var failures: Int
        public init(name: String, reports: Int, successes: Int, failures: Int) {
            self.name = name
            self.reports = reports
            self.successes = successes
            self.failures = failures
        }
    }

    /// The policy domain, or `nil` for every domain.
    public var domain: String?
    /// Reports ending after this date; `nil` for all.
    public var since: Date?
    public var reports: Int
    public var policyDomains: Int
    public var successes: Int
    public var failures: Int
    public var byResultType: [Count]
    public var byReceivingMX: [Count]
    public var byOrganization: [Organization]
    public var groups: [TLSRPTFailureBucket]
    /// Without a domain: the policy domains with failures, worst first (empty for one domain).
    public var byPolicyDomain: [DomainReportTotals] = []

    public init(
        domain: String?, since: Date?, reports: Int = 0, policyDomains: Int = 0, successes: Int = 0, failures: Int = 0,
        byResultType: [Count] = [], byReceivingMX: [Count] = [], byOrganization: [Organization] = [],
        groups: [TLSRPTFailureBucket] = []
    ) {
        self.domain = domain
        self.since = since
        self.reports = reports
        self.policyDomains = policyDomains
        self.successes = successes
        self.failures = failures
        self.byResultType = byResultType
        self.byReceivingMX = byReceivingMX
        self.byOrganization = byOrganization
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case domain, since, reports, policyDomains, successes, failures, byResultType, byReceivingMX, byOrganization, groups
        case byPolicyDomain
    }

    /// Every key is written, `null` for no domain or no `since` (the documented JSON shape).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(domain, forKey: .domain)
        try c.encode(since, forKey: .since)
        try c.encode(reports, forKey: .reports)
        try c.encode(policyDomains, forKey: .policyDomains)
        try c.encode(successes, forKey: .successes)
        try c.encode(failures, forKey: .failures)
        try c.encode(byResultType, forKey: .byResultType)
        try c.encode(byReceivingMX, forKey: .byReceivingMX)
        try c.encode(byOrganization, forKey: .byOrganization)
        try c.encode(groups, forKey: .groups)
        try c.encode(byPolicyDomain, forKey: .byPolicyDomain)
    }
}

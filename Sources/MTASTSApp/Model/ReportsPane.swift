import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// What the Reports pane shows for one domain, computed off the UI thread by the services
/// (stored TLS-RPT reports, RFC 8460 §4, beside the live findings): the view only draws it.
public struct ReportsPaneData: Sendable, Equatable {
    public var domain: String
    /// Successes and failures per UTC day, oldest first (RFC 8460 §4.1).
    public var days: [TLSRPTDayCount]
    /// Totals over the same window.
    public var summary: ReportSummary
    /// Failure buckets type × MX × organization, worst first, each with its live explanation.
    public var groups: [TLSRPTTriageGroup]
    /// Start of the window.
    public var since: Date

    public init(domain: String, days: [TLSRPTDayCount], summary: ReportSummary, groups: [TLSRPTTriageGroup], since: Date) {
        self.domain = domain
        self.days = days
        self.summary = summary
        self.groups = groups
        self.since = since
    }
}

/// The failure details behind one group, shown when Enter drills in (RFC 8460 §4.4).
public struct FailureDrill: Sendable, Equatable {
    public var domain: String
    public var bucket: TLSRPTFailureBucket
    /// `nil` while loading.
    public var details: [StoredFailureDetail]?
    public var scroll = 0
}

/// The TLS-RPT state of the app: per-domain pane data, the selected group, the drill-down
/// and the `T` triage screen.
public struct ReportsViewState: Sendable {
    public var panes: [String: ReportsPaneData] = [:]
    public var loading: Set<String> = []
    public var selectedGroup = 0
    public var drill: FailureDrill?
    /// Domains with failures in the last 30 days, worst first; `nil` until loaded.
    public var triage: [DomainReportTotals]?
    public var triageList = ListState()

    public init() {}

    /// The window the pane and the triage screen show.
    public static let days = 30
}

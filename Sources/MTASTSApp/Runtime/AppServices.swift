import Foundation
import MTASTSCore
import MTASTSStore

/// The end of a run of checks.
public struct CheckRunResult: Sendable, Equatable {
    public var summary: CheckRunSummary
    /// Why the observations could not be stored, when they could not.
    public var saveError: String?

    public init(summary: CheckRunSummary, saveError: String? = nil) {
        self.summary = summary
        self.saveError = saveError
    }
}

/// What the app needs from the outside world: the workspace and the checker. The runtime calls
/// these off the UI thread; `LiveServices` uses the SQLite workspace and the network probes,
/// `DemoServices` a throwaway workspace and recorded observations.
public protocol AppServices: Sendable {
    func loadRows() async throws -> [DomainRow]
    /// Checks `domains`, calling `report` as each finishes, and saves them; returns what the
    /// run established as a whole and whether saving failed.
    func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async -> CheckRunResult
    /// The newest stored check of `domain` judged now; throws when it cannot be read.
    func loadReport(_ domain: String) async throws -> DomainReport?
    func add(_ names: [String]) async throws -> (added: [String], existing: [String], invalid: [String])
    func remove(_ name: String) async throws
    /// The Reports pane of `domain`: TLS-RPT counts per day, failure groups with their live
    /// explanation (last 30 days).
    func loadTLSRPT(_ domain: String) async throws -> ReportsPaneData
    /// The failure details behind one group of the Reports pane.
    func loadFailureDetails(_ domain: String, bucket: TLSRPTFailureBucket) async throws -> [StoredFailureDetail]
    /// Domains with TLS-RPT failures in the last 30 days, worst first.
    func loadTriage() async throws -> [DomainReportTotals]
    /// Rollout work for the panel: load, move through the gate, published, verify.
    func rollout(_ request: RolloutRequest, operator: String) async -> RolloutResponse
    /// A number that changes when another process writes the workspace
    /// (``Workspace/changeToken()``); `nil` when there is nothing to watch.
    func workspaceChangeToken() async throws -> Int?
}

extension AppServices {
    public func workspaceChangeToken() async throws -> Int? { nil }
}

import Foundation
import MTASTSCore
import MTASTSStore

/// The part of ``AppServices`` that only reads and writes the workspace, shared by the live and
/// the demo services: rows, stored reports, domains, TLS-RPT data. Conformers add the checking.
public protocol WorkspaceServices: AppServices {
    var workspace: Workspace { get }
}

extension WorkspaceServices {
    public func loadRows() async throws -> [DomainRow] {
        try WorkspaceRows.load(from: workspace, now: Date())
    }

    public func loadReport(_ domain: String) async throws -> DomainReport? {
        try workspace.latestObservation(domain: domain).map { Evaluator.evaluate($0, at: Date()) }
    }

    public func add(_ names: [String]) async throws -> (added: [String], existing: [String], invalid: [String]) {
        let result = try workspace.add(domains: names)
        return (result.added, result.existing, result.invalid)
    }

    public func remove(_ name: String) async throws {
        _ = try workspace.remove(domain: name)
    }

    public func loadTLSRPT(_ domain: String) async throws -> ReportsPaneData {
        try ReportsLoader(workspace: workspace).pane(domain, now: Date())
    }

    public func loadFailureDetails(_ domain: String, bucket: TLSRPTFailureBucket) async throws -> [StoredFailureDetail] {
        try ReportsLoader(workspace: workspace).details(domain, bucket: bucket, now: Date())
    }

    public func workspaceChangeToken() async throws -> Int? {
        try workspace.changeToken()
    }

    public func loadTriage() async throws -> [DomainReportTotals] {
        try ReportsLoader(workspace: workspace).triage(now: Date())
    }
}

import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts demo`: a throwaway workspace filled with recorded observations. "Checking" replays
/// the recording after a short pause (so the spinner shows); nothing touches the network.
public struct DemoServices: AppServices {
    let workspace: Workspace
    let recordings: [String: Observation]

    /// Fills `workspace` with the demo world.
    public static func make(workspace: Workspace, now: Date = Date()) throws -> DemoServices {
        let observations = DemoWorld.observations(now: now)
        _ = try workspace.add(domains: observations.map(\.domain))
        _ = try workspace.save(observations)
        _ = try workspace.store(DemoReports.reports(now: now), ingestedAt: now)
        try DemoRollout.seed(workspace: workspace, now: now)
        return DemoServices(workspace: workspace, recordings: Dictionary(uniqueKeysWithValues: observations.map { ($0.domain, $0) }))
    }

    public func loadRows() async throws -> [DomainRow] {
        let now = Date()
        return try workspace.domainSummaries().map { DomainRow(summary: $0, now: now) }
    }

    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, domain) in domains.enumerated() {
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(400 + (index % 8) * 150))
                    var observation = recordings[domain]
                        ?? DemoWorld.Builder(now: Date()).domain(domain, stage: "none", mx: ["mx.hosted-mail.example"])
                    observation.observedAt = Date()
                    _ = try? workspace.save(observation)
                    report(Evaluator.evaluate(observation, at: Date()))
                }
            }
        }
    }

    public func loadReport(_ domain: String) async -> DomainReport? {
        guard let observation = try? workspace.latestObservation(domain: domain) else { return nil }
        return Evaluator.evaluate(observation, at: Date())
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

    public func loadTriage() async throws -> [DomainReportTotals] {
        try ReportsLoader(workspace: workspace).triage(now: Date())
    }
}

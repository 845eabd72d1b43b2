import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts demo`: a throwaway workspace filled with recorded observations. "Checking" replays
/// the recording after a short pause (so the spinner shows); nothing touches the network.
public struct DemoServices: WorkspaceServices {
    public let workspace: Workspace
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

    public func check(_ domains: [String], report: @escaping @Sendable (DomainReport) -> Void) async -> CheckRunResult {
        // Each replayed observation is judged once: shown, and counted for the run's summary.
        let replayed = await withTaskGroup(of: (Observation, DomainReport)?.self) { group in
            for (index, domain) in domains.enumerated() {
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(400 + (index % 8) * 150))
                    if Task.isCancelled { return nil }
                    var observation = recordings[domain]
                        ?? DemoWorld.Builder(now: Date()).domain(domain, stage: "none", mx: ["mx.hosted-mail.example"])
                    observation.observedAt = Date()
                    let judged = Evaluator.evaluate(observation, at: Date())
                    report(judged)
                    return (observation, judged)
                }
            }
            var out: [(Observation, DomainReport)] = []
            for await result in group { if let result { out.append(result) } }
            return out
        }
        let summary = CheckRunSummary.of(replayed.map(\.1))
        do {
            try workspace.save(replayed.map(\.0))
            return CheckRunResult(summary: summary)
        } catch {
            return CheckRunResult(summary: summary, saveError: "\(error)")
        }
    }
}

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
        let replayed = await withTaskGroup(of: Observation?.self) { group in
            for (index, domain) in domains.enumerated() {
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(400 + (index % 8) * 150))
                    if Task.isCancelled { return nil }
                    var observation = recordings[domain]
                        ?? DemoWorld.Builder(now: Date()).domain(domain, stage: "none", mx: ["mx.hosted-mail.example"])
                    observation.observedAt = Date()
                    report(Evaluator.evaluate(observation, at: Date()))
                    return observation
                }
            }
            var out: [Observation] = []
            for await observation in group { if let observation { out.append(observation) } }
            return out
        }
        let summary = CheckRunSummary.of(replayed.map { Evaluator.evaluate($0, at: Date()) })
        do {
            try workspace.save(replayed)
            return CheckRunResult(summary: summary)
        } catch {
            return CheckRunResult(summary: summary, saveError: "\(error)")
        }
    }
}

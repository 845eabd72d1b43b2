import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSProbe
import MTASTSStore

/// Options of the rollout commands: who is acting, and whether to check live first.
struct RolloutOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: ArgumentHelp("Name written to the audit log (default: $USER).", valueName: "name"))
    var operatorName: String?

    @Flag(name: .customLong("no-check"), help: "Use the newest stored observation instead of checking live first.")
    var noCheck = false

    /// `--operator`, else `$USER`, else `unknown`.
    var who: String {
        operatorName ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }
}

/// What every rollout command does first: open the workspace, make sure the domain is in it,
/// and get a report (a fresh check saved to the workspace, or the newest stored one).
struct RolloutSession {
    let workspace: Workspace
    let domain: String

    init(workspace options: WorkspaceOptions, domain text: String, addIfMissing: Bool = true) throws {
        guard let name = DomainName.normalized(text) else { throw UsageFailure("\(text.debugDescription) is not a domain name") }
        workspace = try options.open()
        domain = name
        if addIfMissing {
            _ = try workspace.add(domains: [name], note: "added by a rollout command")
        } else if !(try workspace.domains().contains { $0.name == name }) {
            throw UsageFailure("\(name) is not in the workspace (mtasts domains add \(name))")
        }
    }

    /// A fresh check (saved) unless `stored`; the newest stored observation otherwise.
    func report(probe: ProbeOptions, stored: Bool) async throws -> DomainReport? {
        if stored {
            return try workspace.latestObservation(domain: domain).map { Evaluator.evaluate($0, at: Date()) }
        }
        let environment = try probe.makeEnvironment()
        let observation = await environment.checker.check(domain)
        try workspace.save(observation)
        return Evaluator.evaluate(observation, at: Date())
    }
}

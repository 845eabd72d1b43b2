import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts published DOMAIN`: the operator has published the plan; re-check until it is live.
struct PublishedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "published",
        abstract: "Record that DOMAIN's plan is published, then re-check until live matches it or --wait runs out.",
        discussion: """
            Each check is saved to the workspace. DNS answers are cached up to their TTL and senders \
            keep a cached policy until max_age unless the id changes, so a mismatch right after \
            publishing is explained, not an error. Exit 0 verified, 1 not (yet) matching.
            """)

    @Argument(help: "The domain.") var domain: String
    @Option(name: .long, help: "Keep re-checking for this many seconds (0: one check).") var wait: Double = 0
    @Option(name: .long, help: "Seconds between checks.") var interval: Double = 5
    @Flag(name: .customLong("verify-only"), help: "Do not record a publication, only verify.") var verifyOnly = false
    @OptionGroup var rollout: RolloutOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var probe: ProbeOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard wait >= 0, wait <= 86_400, interval >= 0.1 else { throw ValidationError("--wait must be 0…86400 s and --interval at least 0.1 s") }
    }

    func run() async throws {
        let session = try RolloutSession(workspace: workspace, domain: domain, addIfMissing: false)
        guard try session.workspace.plan(domain: session.domain) != nil else {
            throw UsageFailure("\(session.domain) has no plan (mtasts plan \(session.domain) --to testing)")
        }
        if !verifyOnly { try session.workspace.markPublished(domain: session.domain, operator: rollout.who) }
        let deadline = Date().addingTimeInterval(wait)
        var verification: PlanVerification?
        var report: DomainReport?
        repeat {
            report = try await session.report(probe: probe, stored: false)
            if let report { verification = try session.workspace.recordVerification(domain: session.domain, report: report, operator: rollout.who) }
            if verification?.matches == true || Date() >= deadline { break }
            try await Task.sleep(for: .seconds(min(interval, max(deadline.timeIntervalSinceNow, 0.1))))
        } while true
        let assessment = try session.workspace.rolloutAssessment(domain: session.domain, report: report)
        if output.json { try JSONOutput.print(assessment) } else { RolloutPrinter(style: output.style).printAssessment(assessment) }
        if verification?.matches != true { try ExitStatus.warnings.exit() }
    }
}

import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts advance DOMAIN`: the next forward move (none → testing → enforce; none → removed)
/// through the same gate as the terminal UI.
struct AdvanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move DOMAIN to its next stage through the gate (a fresh check runs first).",
        discussion: """
            none → testing, testing → enforce (the enforce gate), mode none → removed (after max_age, \
            RFC 8461 §8.3). With blockers the move is refused (exit 2, the blockers listed) unless \
            --confirm-domain DOMAIN and --override-reason TEXT are given, which the audit log records; \
            warnings need --confirm-domain DOMAIN (exit 1 without).
            """)

    @Argument(help: "The domain.") var domain: String
    @Option(name: .customLong("confirm-domain"), help: "Type the domain name to acknowledge warnings or override blockers.") var confirmDomain: String?
    @Option(name: .customLong("override-reason"), help: "Why blockers are overridden (audit log).") var overrideReason: String?
    @OptionGroup var rollout: RolloutOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var probe: ProbeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let session = try RolloutSession(workspace: workspace, domain: domain)
        let report = try await session.report(probe: probe, stored: rollout.noCheck)
        let plan = try session.workspace.plan(domain: session.domain)
        guard let target = RolloutAdvisor.advanceTarget(plan: plan, liveStage: report?.liveStage) else {
            throw UsageFailure("\(session.domain) has nothing to advance to (plan: \(plan?.target.rawValue ?? "none"), live: \(report?.liveStage.rawValue ?? "unchecked"))")
        }
        let move = try session.workspace.move(
            domain: session.domain, to: target, report: report,
            override: GateOverride(typedDomain: confirmDomain, reason: overrideReason), operator: rollout.who)
        if output.json { try JSONOutput.print(RolloutJSON.Move(move)) } else { RolloutPrinter(style: output.style).printMove(move) }
        try RolloutJSON.status(move).exit()
    }
}

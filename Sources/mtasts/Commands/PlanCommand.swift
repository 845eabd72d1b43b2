import ArgumentParser
import Foundation
import MTASTSCore
import MTASTSStore

/// `mtasts plan …`: the rollout plan of a domain.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a domain's next MTA-STS stage, or show its plan.",
        subcommands: [PlanSetCommand.self, PlanShowCommand.self],
        defaultSubcommand: PlanSetCommand.self)
}

/// `mtasts plan DOMAIN --to testing|enforce|none|removed`
struct PlanSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Plan DOMAIN's target stage: checks live, proposes the policy from the MX records with a new id, and runs the gate.",
        discussion: """
            --to enforce obeys the enforce gate (blockers refuse it unless --confirm-domain DOMAIN and \
            --override-reason are given; warnings need --confirm-domain). --to testing from enforce is the \
            emergency step back; --to none publishes mode none (RFC 8461 §8.3) and `advance` removes the \
            records once max_age has passed. Exit 0 planned, 1 refused for warnings, 2 refused for blockers.
            """)

    @Argument(help: "The domain.") var domain: String
    @Option(name: .long, help: "Target: testing, enforce, none (withdraw), removed.") var to: RolloutTarget
    @Option(name: .customLong("confirm-domain"), help: "Type the domain name to acknowledge warnings or override blockers.") var confirmDomain: String?
    @Option(name: .customLong("override-reason"), help: "Why blockers are overridden (audit log).") var overrideReason: String?
    @Option(name: .customLong("max-age-testing"), help: "max_age for mode testing (seconds).") var maxAgeTesting: Int?
    @Option(name: .customLong("max-age-enforce"), help: "max_age for mode enforce (seconds).") var maxAgeEnforce: Int?
    @Option(name: .customLong("max-age-none"), help: "max_age for mode none (seconds).") var maxAgeNone: Int?
    @Option(name: .customLong("soak-days"), help: "Soak period in testing before enforce (days, default 14).") var soakDays: Double?
    @Option(name: .customLong("webroot"), help: "Write the policy file to <dir>/<domain>/.well-known/mta-sts.txt.") var webroot: String?
    @Option(name: .customLong("new-mx"), help: "MX hosts being migrated to (repeatable): the policy covers old and new.") var newMX: [String] = []
    @Option(name: .customLong("policy-file"), help: ArgumentHelp("Use this policy file (or - for stdin) instead of the generated one; it must be valid and in the target mode.", valueName: "path"))
    var policyFile: String?

    @OptionGroup var rollout: RolloutOptions
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var probe: ProbeOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for value in [maxAgeTesting, maxAgeEnforce, maxAgeNone].compactMap({ $0 }) where !(0...STSPolicy.maxAgeLimit).contains(value) {
            throw ValidationError("max_age must be between 0 and \(STSPolicy.maxAgeLimit)")
        }
        if let soakDays, soakDays < 0 { throw ValidationError("--soak-days must not be negative") }
    }

    func run() async throws {
        let session = try RolloutSession(workspace: workspace, domain: domain)
        let report = try await session.report(probe: probe, stored: rollout.noCheck)
        var settings = try session.workspace.plan(domain: session.domain)?.settings ?? RolloutSettings()
        if let maxAgeTesting { settings.maxAgeTesting = maxAgeTesting }
        if let maxAgeEnforce { settings.maxAgeEnforce = maxAgeEnforce }
        if let maxAgeNone { settings.maxAgeNone = maxAgeNone }
        if let soakDays { settings.soakSeconds = soakDays * 86_400 }
        let move = try session.workspace.move(
            domain: session.domain, to: to, report: report, override: GateOverride(typedDomain: confirmDomain, reason: overrideReason),
            operator: rollout.who, settings: settings, plannedMX: newMX.isEmpty ? nil : newMX, webroot: webroot,
            policyText: try ownPolicy())
        if output.json { try JSONOutput.print(RolloutJSON.Move(move)) } else { RolloutPrinter(style: output.style).printMove(move) }
        try RolloutJSON.status(move).exit()
    }
}

extension PlanSetCommand {
    /// The operator's policy file: valid (RFC 8461 §3.2) and in the target's mode, else exit 3.
    func ownPolicy() throws -> String? {
        guard let policyFile else { return nil }
        let text = String(decoding: try Input.read(path: policyFile, maxSize: 64 * 1024).bytes, as: UTF8.self)
        let parsed = PolicyParser.parse(text, subject: policyFile)
        guard parsed.isValid, let policy = parsed.value else {
            let errors = parsed.findings.filter { $0.severity == .error }.map { "\($0.code.rawValue): \($0.message)" }
            throw UsageFailure("\(policyFile) is not a valid policy: \(errors.joined(separator: "; "))")
        }
        guard policy.mode == to.mode else {
            throw UsageFailure("\(policyFile) has mode \(policy.mode.rawValue), the target is \(to.rawValue)")
        }
        return text
    }
}

extension RolloutTarget: ExpressibleByArgument {}

/// `mtasts plan show DOMAIN`
struct PlanShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show DOMAIN's plan: live stage, next step, what to publish, plan versus live, the gate of the next move.")

    @Argument(help: "The domain.") var domain: String
    @Flag(name: .customLong("check"), help: "Check live first (default: the newest stored observation).") var check = false
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var probe: ProbeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let session = try RolloutSession(workspace: workspace, domain: domain, addIfMissing: false)
        let report = try await session.report(probe: probe, stored: !check)
        let assessment = try session.workspace.rolloutAssessment(domain: session.domain, report: report)
        if output.json { try JSONOutput.print(assessment) } else { RolloutPrinter(style: output.style).printAssessment(assessment) }
    }
}

import Foundation
import MTASTSCore
import MTASTSStore

/// Text output of the rollout commands; JSON goes through ``RolloutJSON``.
struct RolloutPrinter {
    var style: TextStyle

    func field(_ name: String, _ value: String) -> String { "  " + style.dim(name.padding(toLength: 12, withPad: " ", startingAt: 0)) + " " + value }

    func printAssessment(_ a: RolloutAssessment) {
        print(style.bold(a.domain))
        print(field("live stage", a.liveStage?.rawValue ?? "not checked"))
        if let plan = a.plan {
            var text = "\(plan.target.rawValue)"
            if plan.target != .removed { text += " (id \(plan.policyID))" }
            text += plan.publishedAt.map { ", published \($0.rolloutText)" } ?? ", not published"
            text += plan.verifiedAt.map { ", verified \($0.rolloutText)" } ?? ""
            print(field("plan", text))
        } else {
            print(field("plan", "none"))
        }
        print(field("next step", "[\(a.nextStep.kind.rawValue)] \(a.nextStep.text)"))
        if let soak = a.soakSeconds {
            print(field("soak", "\(RolloutDuration.text(soak)) in testing of \(RolloutDuration.text(a.soakRequired))"))
        }
        if let removal = a.earliestRemoval { print(field("removal", "earliest \(removal.rolloutText) (RFC 8461 §8.3)")) }
        if let instructions = a.instructions { printInstructions(instructions) }
        if let verification = a.verification { printVerification(verification) }
        if !a.idFindings.isEmpty {
            print("\nId discipline (RFC 8461 §3.1)")
            FindingPrinter(style: style).print(a.idFindings)
        }
        if let steps = a.mxMigration {
            print("\nMX change, safe order (RFC 8461 §8.1)")
            for step in steps { print("  \(step.done ? (style.ascii ? "[x]" : "✓") : (style.ascii ? "[ ]" : "·")) \(step.number). \(step.text)") }
        }
        if let gate = a.gate { print(""); printGate(gate) }
    }

    func printInstructions(_ i: PublicationInstructions) {
        print("\nPublish")
        for (index, step) in i.steps.enumerated() { print("  \(index + 1). \(step)") }
        if !i.policyText.isEmpty {
            print("  policy file \(i.policyURL):")
            for line in LineDiff.lines(i.policyText) { print("    " + line) }
        }
        if let zone = i.zoneLine { print("  zone line:  \(zone)") }
        if let tlsrpt = i.tlsrptLine { print("  TLS-RPT:    \(tlsrpt)") }
        if let path = i.webrootPath { print("  web root:   \(path)") }
    }

    func printVerification(_ v: PlanVerification) {
        let mark = v.matches ? style.okBadge + " live matches the plan" : style.paint(style.ascii ? "[XX] live differs from the plan" : "✗ live differs from the plan", .error)
        print("\nVerification: " + mark)
        print("  record  live: \(v.liveRecords.isEmpty ? "(none)" : v.liveRecords.joined(separator: " | "))")
        print("       planned: \(v.plannedRecord ?? "(removed)")")
        if !v.policyMatches {
            print("  policy (- live only, + planned only):")
            for line in v.policyDiff { print("    " + line.rendered) }
        }
        if !v.matches { for delay in v.delays { print("  " + style.dim("note: ") + delay) } }
    }

    func printGate(_ gate: GateResult) {
        let from = gate.from?.rawValue ?? "unchecked"
        var counts = "\(gate.blockers.count) blocker(s), \(gate.warnings.count) warning(s)"
        if !gate.unknowns.isEmpty { counts += ", \(gate.unknowns.count) not checked" }
        print("Gate \(from) → \(gate.to.rawValue): \(gate.state.rawValue); \(counts)")
        FindingPrinter(style: style).print(gate.blockers + gate.unknowns + gate.warnings)
        for note in gate.notes { print("  " + style.badge(.note) + "  \(note.code.rawValue)  \(note.message)") }
    }

    func printMove(_ move: RolloutMove) {
        printGate(move.gate)
        switch move.decision {
        case .allowed: print("\n" + style.okBadge + " planned \(move.to.rawValue) for \(move.domain)")
        case .acknowledged: print("\n" + style.okBadge + " planned \(move.to.rawValue) for \(move.domain); warnings acknowledged")
        case .overridden(let reason):
            print("\n" + style.paint("OVERRIDE", .warning) + " planned \(move.to.rawValue) for \(move.domain) despite \(move.gate.blockers.count + move.gate.unknowns.count) blocker(s); reason: \(reason)")
        case .refused(let why):
            print("\n" + style.paint("REFUSED", .error) + " \(why)")
            print("  override: --confirm-domain \(move.domain)" + (move.gate.isPassable ? "" : " --override-reason TEXT"))
            return
        }
        if move.to != .removed {
            print("\nPublish")
            let instructions = PublicationInstructions.make(plan: move.plan, report: nil)
            for line in LineDiff.lines(move.plan.policyText) { print("    " + line) }
            if let zone = instructions.zoneLine { print("  zone line:  \(zone)") }
        } else {
            print("  remove the _mta-sts record, then the policy file; then: mtasts published \(move.domain)")
        }
    }
}

/// JSON shapes of the rollout commands.
enum RolloutJSON {
    struct Move: Encodable {
        var domain: String
        var to: RolloutTarget
        var allowed: Bool
        var decision: String
        var reason: String?
        var gate: GateResult
        var plan: RolloutPlan
        var audit: AuditEntry

        init(_ move: RolloutMove) {
            domain = move.domain
            to = move.to
            allowed = move.decision.isAllowed
            gate = move.gate
            plan = move.plan
            audit = move.audit
            switch move.decision {
            case .allowed: decision = "allowed"
            case .acknowledged: decision = "acknowledged"
            case .overridden(let why): decision = "overridden"; reason = why
            case .refused(let why): decision = "refused"; reason = why
            }
        }
    }

    /// Exit status of a move: 0 allowed, 1 refused for warnings, 2 refused for blockers,
    /// 3 refused because parts could not be checked.
    static func status(_ move: RolloutMove) -> ExitStatus {
        guard !move.decision.isAllowed else { return .clean }
        if !move.gate.blockers.isEmpty { return .errors }
        return move.gate.unknowns.isEmpty ? .warnings : .couldNotRun
    }
}

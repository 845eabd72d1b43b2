import Foundation

/// The rollout state machine as a pure function: from the live report, the plan and the
/// history to the next step, what to publish, whether it is live, and the gate of the next move.
public enum RolloutAdvisor {
    /// Where `advance` goes from here: none → testing → enforce, and none (withdrawing) →
    /// removed (RFC 8461 §5, §8.3); `nil` when nothing follows.
    public static func advanceTarget(plan: RolloutPlan?, liveStage: LiveStage?) -> RolloutTarget? {
        switch plan?.target {
        case .testing?: return .enforce
        case .enforce?: return nil
        case .none?: return .removed
        case .removed?: return nil
        case nil:
            switch liveStage {
            case .testing?: return .enforce
            case .enforce?: return nil
            case .removing?: return .removed
            default: return .testing
            }
        }
    }

    public static func assess(
        domain: String, report: DomainReport?, plan: RolloutPlan?, history: [HistoryPoint],
        settings: RolloutSettings? = nil, reportTotals: TLSRPTWindowTotals? = nil, hosting: PolicyHosting? = nil, now: Date
    ) -> RolloutAssessment {
        let hosted = plan.map { plan in hosting?.hosts(plan, at: now) == true } == true ? hosting : nil
        let settings = settings ?? plan?.settings ?? RolloutSettings()
        let live = report?.liveStage
        let verification = plan.flatMap { plan in report.map { PlanVerification.verify(plan: plan, report: $0) } }
        let instructions = plan.map { PublicationInstructions.make(plan: $0, report: report, hostedSince: hosted?.since) }
        let soak = SoakClock.seconds(history, now: now)
        let idFindings = PolicyIDDiscipline.findings(domain: domain, history: history)
        let target = advanceTarget(plan: plan, liveStage: live)
        // The same proposal `advance` makes: the preview gate is the gate the move will meet.
        let gate = target.map { to in
            RolloutProposal.prepare(
                domain: domain, to: to, report: report, previous: plan, history: history, settings: settings,
                reportTotals: reportTotals, now: now, id: PolicyID.make(at: now)).gate
        }
        let earliestRemoval = live == .removing ? RemovalWait.earliestRemoval(history, txtTTL: report?.observation.stsTXT.ttl) : nil
        let migration = report.flatMap { MXMigration.steps(newMX: plan?.plannedMX, report: $0, history: history, now: now) }
        let step = nextStep(
            domain: domain, report: report, plan: plan, verification: verification, soak: soak, settings: settings,
            earliestRemoval: earliestRemoval, migration: migration, idFindings: idFindings, gate: gate, hostedSince: hosted?.since, now: now)
        return RolloutAssessment(
            domain: domain, liveStage: live, plan: plan, nextStep: step, instructions: instructions, verification: verification,
            soakSeconds: soak, soakRequired: settings.soakSeconds, idFindings: idFindings, advanceTarget: target, gate: gate,
            earliestRemoval: earliestRemoval, mxMigration: migration, timeline: StageSpan.timeline(history))
    }

    static func nextStep(
        domain: String, report: DomainReport?, plan: RolloutPlan?, verification: PlanVerification?, soak: TimeInterval?,
        settings: RolloutSettings, earliestRemoval: Date?, migration: [MXMigrationStep]?, idFindings: [Finding],
        gate: GateResult?, hostedSince: Date? = nil, now: Date
    ) -> RolloutStep {
        guard let report else { return RolloutStep(.verify, "check the domain first (r in the UI, mtasts check --save D)") }
        if report.isUnknown {
            return RolloutStep(.verify, "could not check: \(report.couldNotCheck.first?.message ?? "check again") (check again: r in the UI, mtasts check --save \(domain))")
        }
        if let notBumped = idFindings.first(where: { $0.code == .policyIDNotBumped }) {
            return RolloutStep(.fix, "publish a new id: \(notBumped.message)")
        }
        if let migration, let open = migration.first(where: { !$0.done }) {
            return RolloutStep(.migrateMX, "MX change, step \(open.number) of 4: \(open.text)")
        }
        guard let plan else {
            switch report.liveStage {
            case .none: return RolloutStep(.plan, "plan testing: mtasts plan \(domain) --to testing")
            case .testing: return RolloutStep(.plan, "make a plan (testing is live): mtasts plan \(domain) --to testing")
            case .enforce: return RolloutStep(.done, "enforce is live; no plan needed")
            case .removing: return RolloutStep(.plan, "mode none is live: plan removal (mtasts plan \(domain) --to none)")
            case .broken: return RolloutStep(.fix, "the live setup is broken: \(report.errors.first?.message ?? "see the findings")")
            case .unknown: return RolloutStep(.verify, "could not check: \(report.couldNotCheck.first?.message ?? "check again")")
            }
        }
        if let verification, !verification.matches {
            if plan.publishedAt != nil {
                return RolloutStep(.verify, "published \(plan.publishedAt!.rolloutText); waiting until a check sees it (DNS TTL, caches)")
            }
            switch plan.target {
            case .removed: return RolloutStep(.publish, "remove the _mta-sts record, then the policy file")
            default:
                if let hostedSince {
                    return RolloutStep(.publish, "the policy file is hosted by mtasts serve (since \(hostedSince.rolloutText)); publish the TXT record with id \(plan.policyID)")
                }
                return RolloutStep(.publish, "publish the \(plan.target.rawValue) policy file, then the TXT record with id \(plan.policyID)")
            }
        }
        switch plan.target {
        case .testing:
            let soaked = soak ?? 0
            if soaked < settings.soakSeconds {
                return RolloutStep(.soak, "soak in testing: \(RolloutDuration.text(soaked)) of \(RolloutDuration.text(settings.soakSeconds)), then advance to enforce")
            }
            // Never suggest a move the gate refuses: say what refuses it.
            if let gate, !gate.isPassable {
                return RolloutStep(gate.state == .unknown ? .verify : .fix, "before enforce: \(gate.headline)")
            }
            return RolloutStep(.advance, "advance to enforce through the gate (mtasts advance \(domain))")
        case .enforce:
            return RolloutStep(.done, "enforce is live and matches the plan")
        case .none:
            if let earliestRemoval, earliestRemoval > now {
                return RolloutStep(.wait, "wait until \(earliestRemoval.rolloutText) (\(RolloutDuration.text(earliestRemoval.timeIntervalSince(now))) more), then remove the records")
            }
            if let gate, !gate.isPassable { return RolloutStep(.fix, "before removal: \(gate.headline)") }
            return RolloutStep(.advance, "cached policies have expired: advance to remove the records (mtasts advance \(domain))")
        case .removed:
            return RolloutStep(.done, "MTA-STS is removed")
        }
    }
}

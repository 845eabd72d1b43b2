import Foundation
import MTASTSCore

extension Workspace {
    /// The workspace setting naming a directory the policy files are written into
    /// (`<webroot>/<domain>/.well-known/mta-sts.txt`) for every plan without its own.
    public static let webrootSetting = "rollout.webroot"

    /// The rollout assessment of `domain` from the given report (a fresh check or the newest
    /// stored one), its plan, history and the TLS-RPT totals of its soak window.
    public func rolloutAssessment(domain: String, report: DomainReport?, now: Date = Date()) throws -> RolloutAssessment {
        let name = DomainName.key(domain)
        let history = try rolloutHistory(domain: name)
        return RolloutAdvisor.assess(
            domain: name, report: report, plan: try plan(domain: name), history: history,
            reportTotals: try soakTotals(domain: name, history: history, now: now), hosting: try hosting(domain: name), now: now)
    }

    /// What senders reported since the current soak in `testing` began, or `nil` when not in testing.
    public func soakTotals(domain: String, history: [HistoryPoint], now: Date) throws -> TLSRPTWindowTotals? {
        guard let since = SoakClock.testingSince(history) else { return nil }
        return try reportTotals(domain: domain, from: since, to: now)
    }

    /// Asks to move `domain` to `target`: plans the policy from the report's MX RRset with a
    /// fresh id, runs the gate, decides with the operator's `override`, and stores the plan
    /// with an audit entry when allowed (a `refused` entry otherwise), in one transaction.
    public func move(
        domain: String, to target: RolloutTarget, report: DomainReport?, override: GateOverride = GateOverride(),
        operator: String, settings: RolloutSettings? = nil, plannedMX: [String]? = nil, webroot: String? = nil,
        policyText: String? = nil, now: Date = Date(), id: String? = nil
    ) throws -> RolloutMove {
        let name = DomainName.key(domain)
        let previous = try plan(domain: name)
        let history = try rolloutHistory(domain: name)
        // A web root given here, else the plan's, else the workspace setting `rollout.webroot`.
        let webroot = try webroot ?? previous?.webroot ?? setting(Self.webrootSetting)
        let proposal = RolloutProposal.prepare(
            domain: name, to: target, report: report, previous: previous, history: history, settings: settings,
            reportTotals: try soakTotals(domain: name, history: history, now: now), plannedMX: plannedMX, webroot: webroot,
            policyText: policyText, now: now, id: id ?? PolicyID.make(at: now))
        let plan = proposal.plan
        let gate = proposal.gate
        let decision = GateDecision.decide(gate, override)
        let from = report?.liveStage.rawValue ?? "unchecked"
        var detail = "\(from) → \(target.rawValue)"
        if target != .removed { detail += ", id \(plan.policyID)" }
        let action: AuditEntry.Action
        switch decision {
        case .allowed: action = .plan
        case .acknowledged:
            action = .acknowledge
            detail += "; acknowledged: " + gate.warnings.map(\.code.rawValue).joined(separator: ", ")
        case .overridden(let reason):
            action = .override
            detail += "; reason: \(reason); blockers: " + (gate.blockers + gate.unknowns).map { "\($0.code.rawValue) (\($0.subject))" }.joined(separator: ", ")
        case .refused(let why):
            action = .refused
            detail += "; \(why)"
        }
        let audit = AuditEntry(at: now, domain: name, operator: `operator`, action: action, detail: detail)
        if decision.isAllowed {
            try save(plan, audit: audit)
            // A configured web root gets the file at once: RFC 8461 §8.1 publishes the policy
            // file before the record that announces it.
            if let webroot = plan.webroot {
                let path = try WebrootWriter.write(plan, webroot: webroot)
                try appendAudit(AuditEntry(at: now, domain: name, operator: `operator`, action: .webrootWrite,
                                           detail: (plan.target == .removed ? "deleted " : "wrote ") + path))
            }
        } else {
            try appendAudit(audit)
        }
        return RolloutMove(domain: name, to: target, gate: gate, decision: decision, plan: plan, audit: audit)
    }

    /// The operator says the plan is published: records the time and an audit entry.
    @discardableResult
    public func markPublished(domain: String, operator: String, now: Date = Date()) throws -> RolloutPlan? {
        guard var plan = try plan(domain: domain) else { return nil }
        plan.publishedAt = now
        plan.verifiedAt = nil
        let detail = plan.target == .removed ? "records removed" : "\(plan.target.rawValue), id \(plan.policyID)"
        try save(plan, audit: AuditEntry(at: now, domain: plan.domain, operator: `operator`, action: .published, detail: detail))
        return plan
    }

    /// Compares the plan with `report`; the first time it matches, records `verifiedAt` and an
    /// audit entry. Returns the verification (`nil` without a plan).
    @discardableResult
    public func recordVerification(domain: String, report: DomainReport, operator: String, now: Date = Date()) throws -> PlanVerification? {
        guard var plan = try plan(domain: domain) else { return nil }
        let verification = PlanVerification.verify(plan: plan, report: report)
        if verification.matches && plan.verifiedAt == nil {
            plan.verifiedAt = now
            let detail = "live \(report.liveStage.rawValue) matches the plan" + (plan.target == .removed ? "" : " (id \(plan.policyID))")
            try save(plan, audit: AuditEntry(at: now, domain: plan.domain, operator: `operator`, action: .verified, detail: detail))
        }
        return verification
    }
}

import Foundation
import MTASTSCore

/// One domain of `mtasts status` (and `serve`'s `/status.json`, which mirrors it): the live
/// stage from the latest stored check judged at `now`, the plan, the next step and the gate of
/// the next move, all from ``RolloutAdvisor`` (the core), so every surface says the same.
public struct DomainStatusLine: Encodable, Sendable {
    public var domain: String
    public var liveStage: LiveStage?
    public var plannedStage: RolloutTarget?
    public var nextStep: RolloutStep
    public var advanceTo: RolloutTarget?
    /// The gate of the next move: ready, acknowledge, blocked, unknown.
    public var gate: GateState?
    public var blockers: [String]
    public var warnings: [String]
    public var unknowns: [String]

    public init(_ assessment: RolloutAssessment, domain: String) {
        self.domain = domain
        liveStage = assessment.liveStage
        plannedStage = assessment.plan?.target
        nextStep = assessment.nextStep
        advanceTo = assessment.advanceTarget
        gate = assessment.gate?.state
        blockers = assessment.gate?.blockers.map(\.code.rawValue) ?? []
        warnings = assessment.gate?.warnings.map(\.code.rawValue) ?? []
        unknowns = assessment.gate?.unknowns.map(\.code.rawValue) ?? []
    }
}

extension Workspace {
    /// The status line of every domain, judged at `now` from stored checks (no network).
    public func statusLines(now: Date = Date()) throws -> [DomainStatusLine] {
        try domains().map { domain in
            let report = try latestObservation(domain: domain.name).map { Evaluator.evaluate($0, at: now) }
            return DomainStatusLine(try rolloutAssessment(domain: domain.name, report: report, now: now), domain: domain.name)
        }
    }
}

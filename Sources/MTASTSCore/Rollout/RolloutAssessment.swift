import Foundation

/// Everything the rollout panel and `mtasts plan show` / `status` render for one domain:
/// computed by ``RolloutAdvisor``, never by a view.
public struct RolloutAssessment: Codable, Sendable, Hashable {
    public var domain: String
    public var liveStage: LiveStage?
    public var plan: RolloutPlan?
    public var nextStep: RolloutStep
    public var instructions: PublicationInstructions?
    public var verification: PlanVerification?
    /// Seconds live in testing (``SoakClock``), when in testing.
    public var soakSeconds: TimeInterval?
    public var soakRequired: TimeInterval
    /// Id discipline over the history (RFC 8461 §3.1).
    public var idFindings: [Finding]
    /// Where `advance` would go, and its gate.
    public var advanceTarget: RolloutTarget?
    public var gate: GateResult?
    /// The earliest removal time while withdrawing (RFC 8461 §8.3).
    public var earliestRemoval: Date?
    public var mxMigration: [MXMigrationStep]?
    public var timeline: [StageSpan]
}

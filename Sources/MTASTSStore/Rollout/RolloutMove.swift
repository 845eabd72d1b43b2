import Foundation
import MTASTSCore

/// The outcome of asking to move a domain to a target: the gate, the decision and, when
/// allowed, the plan now stored.
public struct RolloutMove: Codable, Sendable {
    public var domain: String
    public var to: RolloutTarget
    public var gate: GateResult
    public var decision: GateDecision
    /// The plan stored (when allowed) or the one that would have been (when refused).
    public var plan: RolloutPlan
    public var audit: AuditEntry
}

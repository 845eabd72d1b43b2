import Foundation
import MTASTSCore
import MTASTSStore

/// Rollout work the panel asks for; runs off the UI thread (``AppServices/rollout(_:operator:)``).
public enum RolloutRequest: Sendable, Equatable {
    /// The panel's data from the stored observation (no network).
    case load(String)
    /// Move to a target through the gate, after a fresh check.
    case move(domain: String, to: RolloutTarget, override: GateOverride)
    /// The operator says the plan is published: record it, then check once.
    case published(String)
    /// Check once more and compare with the plan.
    case verify(String)

    public var domain: String {
        switch self {
        case .load(let d), .published(let d), .verify(let d): d
        case .move(let d, _, _): d
        }
    }
}

/// What the rollout panel shows for a domain: computed off the UI thread by the core.
public struct RolloutPanelData: Sendable {
    public var domain: String
    public var assessment: RolloutAssessment
    public var audit: [AuditEntry]
    /// The report the assessment was made from (fresh after a move or a verification).
    public var report: DomainReport?
    public var fresh: Bool
}

/// The answer to a ``RolloutRequest``.
public enum RolloutResponse: Sendable {
    case loaded(RolloutPanelData)
    case moved(RolloutMove, RolloutPanelData)
    case verified(matches: Bool, RolloutPanelData)
    case failed(domain: String, String)
}

import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// The rollout panel's part of the app state.
public struct RolloutViewState: Sendable {
    /// Published and waiting until a check sees the plan live.
    public struct Verification: Sendable, Equatable {
        public var deadline: Date
        public var nextCheck: Date
        public var attempts: Int
        public var inFlight: Bool
    }

    public var panels: [String: RolloutPanelData] = [:]
    /// Domains with a rollout request in flight, and what it is doing.
    public var busy: [String: String] = [:]
    public var verifying: [String: Verification] = [:]
    /// The last refused move per domain: `o` opens the override for it.
    public var refused: [String: RolloutMove] = [:]
    public var scroll = 0
    public var historyScroll = 0

    /// Seconds between re-checks while verifying, and how long to keep trying.
    public static let verifyInterval: TimeInterval = 5
    public static let verifyTimeout: TimeInterval = 180

    public init() {}
}

/// The typed confirmation for a gate (STYLE.md A3): the domain name, and a reason when
/// blockers are overridden. Focus starts on the name; Enter does nothing until it matches.
public struct GateModal: Sendable, Equatable {
    public enum Field: Sendable, Equatable { case name, reason }
    public var domain: String
    public var to: RolloutTarget
    /// Blockers and parts that could not be checked: either needs the reason of an override.
    public var blockers: [GateItem]
    public var warnings: [GateItem]
    public var name = TextInput(maxLength: 253)
    public var reason = TextInput(maxLength: 500)
    public var focus: Field = .name
    /// Why Enter did nothing, shown in the modal.
    public var problem: String?

    public var needsReason: Bool { !blockers.isEmpty }

    public init(move: RolloutMove) {
        domain = move.domain
        to = move.to
        blockers = move.gate.blockers + move.gate.unknowns
        warnings = move.gate.warnings
    }
}

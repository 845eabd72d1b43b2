import Foundation

/// What the operator supplied to pass a gate: the typed domain name and, for blockers, a reason.
public struct GateOverride: Codable, Sendable, Hashable {
    public var typedDomain: String?
    public var reason: String?
    public init(typedDomain: String? = nil, reason: String? = nil) {
        self.typedDomain = typedDomain
        self.reason = reason
    }
}

/// Whether a move may go ahead (STYLE.md: blockers and unchecked parts disable the action unless overridden by
/// typing the domain and a reason; warnings need the typed domain as acknowledgement).
public enum GateDecision: Codable, Sendable, Hashable {
    /// Nothing to acknowledge.
    case allowed
    /// Warnings acknowledged by typing the domain.
    case acknowledged
    /// Blockers overridden with the typed domain and a reason (goes to the audit log).
    case overridden(reason: String)
    /// Refused: why, in words.
    case refused(String)

    public var isAllowed: Bool {
        if case .refused = self { return false }
        return true
    }

    public static func decide(_ gate: GateResult, _ override: GateOverride) -> GateDecision {
        let typedMatches = override.typedDomain.map { MXMatcher.normalize($0.trimmingCharacters(in: .whitespaces)) } == gate.domain
        let reason = (override.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // A part the checker could not look at is refused like a blocker: nothing is known about it.
        let refusing = gate.blockers.count + gate.unknowns.count
        if refusing > 0 {
            let what = gate.blockers.isEmpty ? "\(gate.unknowns.count) part(s) could not be checked"
                : "\(gate.blockers.count) blocker(s)" + (gate.unknowns.isEmpty ? "" : " and \(gate.unknowns.count) part(s) not checked")
            guard typedMatches else {
                return .refused("\(what); to override, type the domain name (\(gate.domain)) and give a reason")
            }
            guard !reason.isEmpty else { return .refused("\(what); an override needs a reason") }
            return .overridden(reason: reason)
        }
        if !gate.warnings.isEmpty {
            guard typedMatches else {
                return .refused("\(gate.warnings.count) warning(s) to acknowledge; type the domain name (\(gate.domain)) to confirm")
            }
            return .acknowledged
        }
        return .allowed
    }
}

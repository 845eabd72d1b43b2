import Foundation
import MTASTSCore
import TerminalUI

/// What the one-line prompt or the modal is asking for.
public enum Prompt: Sendable, Equatable {
    case filter(TextInput)
    case command(TextInput)
    case addDomain(TextInput)
    /// Remove a domain: `y` confirms, anything else cancels (focus on No).
    case confirmRemove(domain: String)
    /// A gate's typed confirmation: the domain name, and a reason to override blockers.
    case gate(GateModal)
}

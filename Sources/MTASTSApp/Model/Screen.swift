import Foundation
import MTASTSCore
import TerminalUI

/// A screen of the stack; `Esc` pops.
public enum Screen: Sendable, Equatable {
    case list
    case detail(domain: String)
    case help
    /// `T`: every domain with reported TLS failures in the last 30 days, worst first.
    case triage
    /// `p`: the rollout panel of a domain (plan, publish, verify, gate).
    case rollout(domain: String)
    /// `H`: a domain's audit log and timeline of live stages.
    case history(domain: String)
}

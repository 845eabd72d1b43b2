import Foundation
import MTASTSCore
import TerminalUI

/// The panes of the domain detail screen, in Tab order.
public enum Pane: String, Sendable, CaseIterable {
    case dns = "DNS"
    case policy = "Policy"
    case certificates = "Certificates"
    case mx = "MX / STARTTLS"
    /// TLS-RPT reports received for the domain (RFC 8460), beside the live findings.
    case reports = "Reports"

    /// The findings group the pane shows; `nil` for Reports (its own content).
    var group: FindingGroup? {
        switch self {
        case .dns: .dns
        case .policy: .policy
        case .certificates: .certificates
        case .mx: .mx
        case .reports: nil
        }
    }
}

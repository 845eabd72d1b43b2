/// The panes findings are shown in, the same in the TUI and the CLI.
public enum FindingGroup: String, Codable, Sendable, CaseIterable {
    case dns = "DNS"
    case policy = "Policy"
    case certificates = "Certificates"
    case mx = "MX / STARTTLS"
}

extension FindingCode {
    /// The pane a finding belongs to.
    public var group: FindingGroup {
        switch area {
        case "sts-record", "tlsrpt-record", "dnssec": return .dns
        case "policy": return .policy
        case "policy-cert", "mx-cert": return .certificates
        case "check": return self == .checkSMTPBlocked ? .mx : .dns
        case "dane": return .mx
        default:
            return [.mxNone, .mxNull, .mxLookupFailed, .mxUnresolvable].contains(self) ? .dns : .mx
        }
    }
}

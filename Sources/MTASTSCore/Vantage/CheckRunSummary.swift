import Foundation

/// What a run of checks established, said once: how many domains were judged, how many the
/// checker could not judge and why, and whether port 25 looked blocked from this machine. The
/// CLI prints it, the terminal UI flashes it, the exit code follows it.
public struct CheckRunSummary: Codable, Sendable, Hashable {
    /// Domains whose live stage was observed.
    public var checked: Int
    /// Domains the checker could not judge (live stage `unknown`).
    public var couldNotCheck: Int
    /// The reasons, most frequent first: one message per distinct code.
    public var reasons: [String]
    /// No MX address of the run accepted a connection on the SMTP port while HTTPS worked.
    public var smtpBlocked: Bool
    public var smtpPort: Int?

    public static func of(_ reports: [DomainReport]) -> CheckRunSummary {
        let unknown = reports.filter(\.isUnknown)
        var counts: [FindingCode: (Int, String)] = [:]
        for report in unknown {
            guard let finding = report.couldNotCheck.first else { continue }
            let message = finding.code == .checkResolverUnreachable
                ? "the resolver \(report.observation.resolver ?? "(system)") answered none of the lookups"
                : finding.message
            counts[finding.code, default: (0, message)].0 += 1
        }
        let reasons = counts.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key < $1.key }.map { $0.value.1 }
        let vantage = reports.compactMap(\.observation.vantage).first
        return CheckRunSummary(
            checked: reports.count - unknown.count, couldNotCheck: unknown.count, reasons: reasons,
            smtpBlocked: vantage?.smtpLooksBlocked == true, smtpPort: vantage?.smtpPort)
    }

    /// Nothing to say beyond the count: every domain was judged and port 25 answered.
    public var isComplete: Bool { couldNotCheck == 0 && !smtpBlocked }

    /// The lines to print once for the run (empty when complete).
    public var lines: [String] {
        var out: [String] = []
        if couldNotCheck > 0 {
            out.append("could not check \(couldNotCheck) of \(checked + couldNotCheck) domain(s): "
                       + reasons.joined(separator: "; ") + " (this says nothing about the domains; check the resolver with --resolver, or try again)")
        }
        if smtpBlocked {
            let port = smtpPort ?? 25
            out.append("port \(port) looks blocked from this machine: no MX address accepted a connection while HTTPS worked, so the MX hosts could not be checked; run from a host that may connect to port \(port) (or --smtp-port for a lab)")
        }
        return out
    }
}

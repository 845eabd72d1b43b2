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

    /// Counts per reason code, for ``reasons``.
    private var reasonCounts: [FindingCode: Int] = [:]
    private var reasonText: [FindingCode: String] = [:]

    public init() {
        checked = 0
        couldNotCheck = 0
        reasons = []
        smtpBlocked = false
    }

    public static func of(_ reports: [DomainReport]) -> CheckRunSummary {
        var summary = CheckRunSummary()
        for report in reports { summary.add(report) }
        return summary
    }

    /// Counts one more report of the run (streaming: memory does not grow with the run).
    public mutating func add(_ report: DomainReport) {
        if let vantage = report.observation.vantage {
            smtpBlocked = vantage.smtpLooksBlocked
            smtpPort = vantage.smtpPort
        }
        guard report.isUnknown else {
            checked += 1
            return
        }
        couldNotCheck += 1
        guard let finding = report.couldNotCheck.first else { return }
        reasonCounts[finding.code, default: 0] += 1
        if reasonText[finding.code] == nil {
            reasonText[finding.code] = finding.code == .checkResolverUnreachable
                ? "the resolver \(report.observation.resolver ?? "(system)") answered none of the lookups"
                : finding.message
        }
        reasons = reasonCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.compactMap { reasonText[$0.key] }
    }

    enum CodingKeys: String, CodingKey {
        case checked, couldNotCheck, reasons, smtpBlocked, smtpPort
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

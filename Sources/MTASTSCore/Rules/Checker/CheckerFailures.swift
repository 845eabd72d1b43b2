import Foundation

/// Codes of the checker's own failures: severity `unknown`, never the domain's fault.
extension FindingCode {
    public static let checkResolverUnreachable: FindingCode = "check.resolver-unreachable"
    public static let checkLookupFailed: FindingCode = "check.lookup-failed"
    public static let checkSMTPBlocked: FindingCode = "check.smtp-blocked"
}

extension EvaluationContext {
    /// "Could not check" for a lookup the configured resolver did not answer, refused, or that
    /// could not reach it: no claim about the record (DESIGN.md: the machine may be the problem).
    func checkerLookupFailure(_ status: DNSStatus, name: String, summary: String) -> Finding {
        let resolver = observation.resolver ?? "system"
        let what: String
        switch status {
        case .timeout: what = "no answer from the resolver (\(resolver)) in time"
        case .refused: what = "the resolver (\(resolver)) refused the query"
        default: what = "the resolver (\(resolver)) could not be asked"
        }
        return Finding(
            code: .checkLookupFailed, subject: name,
            message: "could not look up `\(name)`: \(what); nothing is known about this record",
            evidence: summary)
    }

    /// Every lookup of the observation failed on the checker's side.
    var resolverUnreachable: Bool {
        let o = observation
        return o.mx.status.isCheckerFailure && o.stsTXT.status.isCheckerFailure && o.tlsrptTXT.status.isCheckerFailure
    }

    /// The one finding that replaces the per-lookup ones when the resolver answered nothing.
    var resolverUnreachableFinding: Finding {
        let o = observation
        return Finding(
            code: .checkResolverUnreachable, subject: o.resolver ?? "system resolver",
            message: "could not check \(MXMatcher.normalize(o.domain)): the resolver \(o.resolver ?? "(system)") answered none of the lookups",
            evidence: "MX: \(o.mx.summary); _mta-sts: \(o.stsTXT.summary); _smtp._tls: \(o.tlsrptTXT.summary)")
    }

    /// The run's vantage says no MX address accepted a connection on the SMTP port while HTTPS
    /// worked: MX connection failures say nothing about the domain.
    var smtpBlockedHere: Bool { observation.vantage?.smtpLooksBlocked == true }

    func smtpBlockedFinding(host: String, probes: [SMTPProbe]) -> Finding {
        let vantage = observation.vantage
        let port = probes.first?.port ?? vantage?.smtpPort ?? 25
        return Finding(
            code: .checkSMTPBlocked, subject: host,
            message: "could not check `\(host)`: no MX address of this run (\(vantage?.smtpAddressesTried ?? 0) tried) accepted a connection on port \(port) while HTTPS worked; outbound port \(port) looks blocked from this machine",
            evidence: probes.map { "\($0.address): \($0.failure?.description ?? "no failure recorded")" }.joined(separator: "; "))
    }
}

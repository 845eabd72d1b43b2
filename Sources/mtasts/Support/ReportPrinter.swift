import Foundation
import MTASTSCore

/// Prints a domain report grouped as the TUI panes: DNS, Policy, Certificates, MX / STARTTLS.
/// It renders the report's verdicts; it judges nothing itself.
struct ReportPrinter {
    var style: TextStyle

    func print(_ report: DomainReport) {
        for line in lines(report) { Swift.print(line) }
    }

    func lines(_ report: DomainReport) -> [String] {
        let o = report.observation
        let findings = FindingPrinter(style: style)
        var out: [String] = []
        out.append(style.bold(report.domain) + "  stage: \(style.bold(report.liveStage.rawValue))  enforce: \(readiness(report.enforce))")
        out.append(style.dim("  checked \(report.checkedAt.formatted(.iso8601))" + (o.resolver.map { " via \($0)" } ?? "")))
        for group in FindingGroup.allCases {
            out.append("")
            out.append(style.bold(group.rawValue))
            out += facts(group, report).map { "  " + $0 }
            let groupFindings = report.findings(in: group)
            if groupFindings.isEmpty {
                out.append("  " + style.okBadge)
            } else {
                for finding in groupFindings { out += findings.lines(for: finding) }
            }
        }
        return out
    }

    /// The report-level enforce gate in a few words (``GateResult/state``), with what blocks it.
    func readiness(_ gate: GateResult) -> String {
        switch gate.state {
        case .ready: return style.okBadge.replacingOccurrences(of: "OK", with: "ready")
        case .acknowledge: return style.paint("ready with \(gate.warnings.count) warning(s) to acknowledge", .warning)
        case .blocked: return style.paint("NOT ready, \(gate.headline)", .error)
        case .unknown: return style.paint("could not check, \(gate.headline)", .unknown)
        }
    }

    /// The evidence lines shown above a group's findings.
    func facts(_ group: FindingGroup, _ report: DomainReport) -> [String] {
        let o = report.observation
        switch group {
        case .dns:
            let mx = o.mx.status == .ok
                ? o.mx.records.sorted { $0.preference < $1.preference }.map { "\($0.preference) \($0.exchange)" }.joined(separator: ", ")
                : o.mx.summary
            return [
                "MX          \(mx)\(ttl(o.mx))",
                "_mta-sts    \(txt(o.stsTXT))",
                "_smtp._tls  \(txt(o.tlsrptTXT))",
            ]
        case .policy:
            guard let fetch = o.policyFetch else { return ["\(o.policyURL): not fetched"] }
            var line = fetch.url
            if let status = fetch.status {
                line += "  HTTP \(status)"
                if let type = fetch.header("Content-Type") { line += "  \(type)" }
                if let body = fetch.body { line += "  \(body.count) bytes" }
            } else if let failure = fetch.failure {
                line += "  failed: \(failure)"
            }
            if let ms = fetch.elapsedMilliseconds { line += "  \(ms) ms" }
            var out = [line]
            if let policy = report.policy {
                out.append("mode \(policy.mode.rawValue), max_age \(policy.maxAge), mx: \(policy.mx.joined(separator: ", "))")
            }
            return out
        case .certificates:
            let out = report.certificates.map(certificateLine)
            return out.isEmpty ? ["no certificates observed"] : out
        case .mx:
            var out: [String] = []
            for host in o.mxHosts {
                let coverage = report.coverage(of: host.host).map {
                    $0.pattern.map { "  covered by \($0)" } ?? "  NOT covered"
                } ?? ""
                if host.probes.isEmpty { out.append("\(host.host)  no address probed\(coverage)") }
                for probe in host.probes {
                    var line = "\(host.host)  \(probe.address):\(probe.port)"
                    if let offered = probe.starttlsOffered { line += offered ? "  STARTTLS" : "  no STARTTLS" }
                    if let tls = probe.tls { line += "  \(tls.version ?? "TLS ?") \(tls.cipher ?? "")" }
                    if let failure = probe.failure { line += "  failed: \(failure.stage.rawValue) \(failure.kind.rawValue)" }
                    out.append(line + coverage)
                }
                if let dane = report.dane(of: host.host), dane.state != .notApplicable {
                    let matched = dane.addresses.map { "\($0.address) " + ($0.matched.map { "matched \($0.usageName)" } ?? "no match") }
                    out.append("  DANE \(dane.state.rawValue): \(dane.records.count) TLSA record(s)"
                               + (matched.isEmpty ? "" : "; " + matched.joined(separator: ", ")))
                }
            }
            return out.isEmpty ? ["MX hosts not probed"] : out
        }
    }

    func certificateLine(_ c: CertificateStatus) -> String {
        let role = c.role == .leaf ? "" : " [\(c.role.rawValue)]"
        return "\(c.host)\(role): \(c.subject), issuer \(c.issuer), expires \(c.notAfter.formatted(.iso8601.year().month().day())) (\(c.daysLeft) d, \(c.validity.rawValue))"
    }

    func ttl<R>(_ lookup: DNSLookup<R>) -> String {
        var parts: [String] = []
        if let ttl = lookup.ttl, lookup.status == .ok { parts.append("TTL \(ttl)") }
        if let ad = lookup.authenticated, lookup.status == .ok { parts.append(ad ? "DNSSEC ✓" : "unsigned") }
        return parts.isEmpty ? "" : "  (" + parts.joined(separator: ", ") + ")"
    }

    func txt(_ lookup: DNSLookup<TXTRecord>) -> String {
        guard lookup.status == .ok else { return lookup.summary }
        return lookup.records.map { "\"" + $0.strings.joined(separator: "\" \"") + "\"" }.joined(separator: " | ") + ttl(lookup)
    }
}

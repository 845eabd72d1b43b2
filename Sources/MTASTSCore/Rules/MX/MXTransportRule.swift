/// Each MX host must resolve, accept SMTP, offer STARTTLS (RFC 3207) and complete a TLS
/// handshake (RFC 8461 §4.2); TLS older than 1.2 is deprecated (RFC 8996).
struct MXTransportRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let hosts = context.mxHosts
        guard !hosts.isEmpty else { return [] }
        let observed = context.observation.mxHosts
        if observed.isEmpty {
            return [Finding(code: .mxNotProbed, subject: hosts.joined(separator: ", "),
                            message: "the MX hosts were not probed over SMTP in this observation")]
        }
        var out: [Finding] = []
        for host in hosts {
            guard let entry = observed.first(where: { MXMatcher.normalize($0.host) == host }) else {
                out.append(Finding(code: .mxNotProbed, subject: host, message: "`\(host)` was not probed"))
                continue
            }
            out += findings(for: entry, in: context)
        }
        return out
    }

    func findings(for entry: MXHostObservation, in context: EvaluationContext) -> [Finding] {
        let host = MXMatcher.normalize(entry.host)
        if entry.addresses.isEmpty {
            if let checker = [entry.ipv4, entry.ipv6].first(where: \.status.isCheckerFailure) {
                return [context.checkerLookupFailure(checker.status, name: host, summary: "A: \(entry.ipv4.summary); AAAA: \(entry.ipv6.summary)")]
            }
            let failed = [entry.ipv4, entry.ipv6].filter { !$0.status.isDefinite }
            return [Finding(
                code: failed.isEmpty ? .mxUnresolvable : .mxLookupFailed, subject: host,
                message: failed.isEmpty ? "`\(host)` has no A or AAAA record" : "the address lookup for `\(host)` failed",
                evidence: "A: \(entry.ipv4.summary); AAAA: \(entry.ipv6.summary)")]
        }
        // Port 25 blocked from this machine: the connections say nothing about the host.
        if context.smtpBlockedHere, !entry.probes.isEmpty, entry.probes.allSatisfy({ !$0.reachedServer }) {
            return [context.smtpBlockedFinding(host: host, probes: entry.probes)]
        }
        var out: [Finding] = []
        for probe in entry.probes {
            let place = "\(probe.address) port \(probe.port)"
            if let failure = probe.failure, [.resolve, .connect, .banner, .ehlo].contains(failure.stage),
                probe.starttlsOffered == nil
            {
                // A host the checker cannot route to over IPv6 says more about the checker.
                let noRoute = failure.kind == .unreachable && probe.address.contains(":")
                out.append(Finding(
                    code: .mxUnreachable, severity: noRoute ? .info : nil, subject: host,
                    message: noRoute
                        ? "no IPv6 route from this checker to \(probe.address)"
                        : "\(place): \(failure.stage.rawValue) failed from this machine (\(failure.kind.rawValue))",
                    evidence: failure.message + transcriptTail(probe)))
                continue
            }
            if probe.starttlsOffered == false {
                out.append(Finding(
                    code: .mxStarttlsMissing, subject: host,
                    message: "\(place) does not offer STARTTLS",
                    evidence: "EHLO keywords: \(probe.extensions.joined(separator: " "))" + transcriptTail(probe)))
                continue
            }
            if let failure = probe.failure, [.starttls, .handshake].contains(failure.stage) {
                out.append(Finding(
                    code: .mxTLSFailed, subject: host,
                    message: "\(place): \(failure.stage == .starttls ? "STARTTLS was refused" : "the TLS handshake failed")",
                    evidence: failure.message + transcriptTail(probe)))
                continue
            }
            if let version = probe.tls?.version, Self.isOld(version) {
                out.append(Finding(
                    code: .mxTLSVersionOld, subject: host,
                    message: "\(place) negotiated \(version)",
                    evidence: probe.tls?.cipher.map { "cipher \($0)" } ?? "negotiated \(version)"))
            }
        }
        return out
    }

    static func isOld(_ version: String) -> Bool {
        let v = version.uppercased().replacingOccurrences(of: " ", with: "")
        return ["SSLV3", "TLSV1", "TLSV1.0", "TLSV1.1"].contains(v)
    }

    func transcriptTail(_ probe: SMTPProbe) -> String {
        probe.transcript.isEmpty ? "" : " | " + probe.transcript.suffix(3).joined(separator: " | ")
    }
}

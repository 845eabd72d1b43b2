/// The `_smtp._tls` TXT RRset (RFC 8460 §3).
struct TLSRPTRecordRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let lookup = context.observation.tlsrptTXT
        switch lookup.status {
        case .ok, .nodata, .nxdomain:
            return context.tlsrpt.findings.map { finding in
                guard finding.code == .tlsrptRecordMissing else { return finding }
                var finding = finding
                finding.evidence = lookup.summary
                return finding
            }
        case .timeout, .refused, .error:
            return [context.checkerLookupFailure(
                lookup.status, name: "_smtp._tls." + MXMatcher.normalize(context.observation.domain), summary: lookup.summary)]
        case .servfail:
            return [Finding(
                code: .tlsrptRecordLookupFailed,
                subject: "_smtp._tls." + MXMatcher.normalize(context.observation.domain),
                message: "the `_smtp._tls` lookup failed (\(lookup.status.rawValue))", evidence: lookup.summary)]
        }
    }
}

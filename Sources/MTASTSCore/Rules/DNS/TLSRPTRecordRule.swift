/// The `_smtp._tls` TXT RRset (RFC 8460 §3).
///
/// An invalid record has the effect of a missing one: senders that cannot use it "MUST assume
/// the recipient domain does not implement TLSRPT" (RFC 8460 §3) and send no reports. TLS-RPT
/// only reports (RFC 8460 §1); it never changes how mail is delivered, so nothing here blocks
/// `enforce`: every finding is at most a warning, the level of `tlsrpt-record.missing`.
struct TLSRPTRecordRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let lookup = context.observation.tlsrptTXT
        switch lookup.status {
        case .ok, .nodata, .nxdomain:
            return context.tlsrpt.findings.map { finding in
                var finding = finding
                finding.severity = min(finding.severity, .warning)
                if finding.code == .tlsrptRecordMissing { finding.evidence = lookup.summary }
                return finding
            }
        case .timeout, .refused, .error:
            return [context.checkerLookupFailure(
                lookup.status, name: "_smtp._tls." + MXMatcher.normalize(context.observation.domain), summary: lookup.summary)]
        case .servfail:
            return [Finding(
                code: .tlsrptRecordLookupFailed,
                subject: "_smtp._tls." + MXMatcher.normalize(context.observation.domain),
                message: "the `_smtp._tls` lookup failed: \(lookup.servfailCause)", evidence: lookup.summary)]
        }
    }
}

/// The `_mta-sts` TXT RRset as senders read it (RFC 8461 §3.1). A temporary lookup failure is
/// kept apart from "no record": senders keep a cached policy on the former (RFC 8461 §5.1).
struct STSRecordRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let lookup = context.observation.stsTXT
        let subject = "_mta-sts." + MXMatcher.normalize(context.observation.domain)
        switch lookup.status {
        case .ok, .nodata, .nxdomain:
            return context.sts.findings.map { finding in
                guard finding.code == .stsRecordMissing else { return finding }
                var finding = finding
                finding.evidence = lookup.summary
                return finding
            }
        case .timeout, .refused, .error:
            return [context.checkerLookupFailure(lookup.status, name: subject, summary: lookup.summary)]
        case .servfail:
            return [Finding(
                code: .stsRecordLookupFailed, subject: subject,
                message: "the `_mta-sts` lookup failed: \(lookup.servfailCause)", evidence: lookup.summary)]
        }
    }
}

/// The domain's MX RRset. MTA-STS constrains delivery to MX hosts (RFC 8461 §4.1); a domain
/// without MX records (implicit MX, RFC 5321 §5.1) or with a null MX (RFC 7505) has nothing
/// for a policy to protect.
struct MXRecordsRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let lookup = context.observation.mx
        let domain = MXMatcher.normalize(context.observation.domain)
        switch lookup.status {
        case .nxdomain:
            return [Finding(code: .mxNone, subject: domain, message: "the domain does not exist (NXDOMAIN)",
                            evidence: lookup.summary)]
        case .nodata:
            return [Finding(code: .mxNone, subject: domain,
                            message: "no MX records; senders fall back to the address record and MTA-STS protects nothing",
                            evidence: lookup.summary)]
        case .ok:
            if lookup.records.isEmpty {
                return [Finding(code: .mxNone, subject: domain, message: "no MX records", evidence: lookup.summary)]
            }
            if lookup.records.contains(where: \.isNull) {
                let others = lookup.records.filter { !$0.isNull }
                return [Finding(
                    code: .mxNull, severity: others.isEmpty ? nil : .error, subject: domain,
                    message: others.isEmpty
                        ? "null MX: the domain accepts no mail"
                        : "a null MX is published together with other MX records, which RFC 7505 §3 forbids",
                    evidence: lookup.records.map { "\($0.preference) \($0.exchange)" }.joined(separator: ", "))]
            }
            return []
        case .timeout, .refused, .error:
            return [context.checkerLookupFailure(lookup.status, name: domain + " MX", summary: lookup.summary)]
        case .servfail:
            return [Finding(code: .mxLookupFailed, subject: domain,
                            message: "the MX lookup failed: \(lookup.servfailCause)", evidence: lookup.summary)]
        }
    }
}

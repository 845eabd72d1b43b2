/// Whether the DNS answers were DNSSEC-authenticated (the AD bit, RFC 4035 §3.2.3). MTA-STS
/// works without DNSSEC (RFC 8461 §10.1); this is information, not a problem.
struct DNSSECRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        let o = context.observation
        let lookups: [(String, DNSStatus, Bool?)] = [
            ("MX", o.mx.status, o.mx.authenticated),
            ("_mta-sts", o.stsTXT.status, o.stsTXT.authenticated),
            ("_smtp._tls", o.tlsrptTXT.status, o.tlsrptTXT.authenticated),
        ]
        let unsigned = lookups.filter { $0.1.isDefinite && $0.2 == false }.map(\.0)
        guard !unsigned.isEmpty else { return [] }
        return [Finding(
            code: .dnssecUnsigned, subject: MXMatcher.normalize(o.domain),
            message: "answers were not DNSSEC-authenticated: \(unsigned.joined(separator: ", "))",
            evidence: "resolver \(o.resolver ?? "system"), AD bit clear")]
    }
}

/// The policy host's certificate (RFC 8461 §3.3: "the certificate presented by the HTTPS
/// server MUST be valid for the `mta-sts` host name").
struct PolicyCertificateRule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        guard let tls = context.observation.policyFetch?.tls else { return [] }
        return CertificateChecks.findings(
            tls: tls, host: context.observation.policyHostName,
            where: context.observation.policyFetch?.address.map { " (at \($0))" } ?? "",
            now: context.now, codes: CertificateChecks.policyCodes
        ).map(context.unlessPublished)
    }
}

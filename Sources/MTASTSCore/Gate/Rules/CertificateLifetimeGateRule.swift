/// Certificates valid for the policy's lifetime: under `mode: enforce` a sender refuses an MX
/// host whose certificate has expired (RFC 8461 §4.2, §5) and stops using a policy host whose
/// certificate has (§3.3). Every certificate of every chain that expires within
/// ``CertificateClock/expiringWithin`` blocks the move, though the finding itself is only a
/// warning today: enforced now, it bounces mail within the policy's lifetime.
struct CertificateLifetimeGateRule: GateRule {
    let name = "certificate-lifetime"

    func items(in context: ReportGateContext) -> [GateItem] {
        context.certificates.filter { $0.validity == .expiring }.map { certificate in
            let code: FindingCode = certificate.isPolicyHost ? .policyCertExpiring : .mxCertExpiring
            let which = certificate.role == .leaf ? "the certificate" : "the \(certificate.role.rawValue) certificate `\(certificate.subject)`"
            return GateItem(
                kind: .blocker, code: code, subject: certificate.host,
                message: "\(which) expires in \(certificate.daysLeft) day(s); enforce needs certificates valid for at least \(Int(CertificateClock.expiringWithin / 86_400)) days",
                evidence: "not after \(certificate.notAfter.formatted(.iso8601.year().month().day()))"
                    + (certificate.addresses.isEmpty ? "" : " (at \(certificate.addresses.joined(separator: ", ")))"),
                rule: name)
        }
    }
}

import Foundation

/// The checks shared by the policy host and MX certificates: chain trust, name, validity
/// period. RFC 8461 §3.3 (policy host) and §4.2 (MX) both require a certificate that chains to
/// a trusted root, names the host (RFC 6125) and is not expired.
struct CertificateChecks {
    struct Codes {
        var untrusted: FindingCode
        var nameMismatch: FindingCode
        var expired: FindingCode
        var expiring: FindingCode
    }

    static let policyCodes = Codes(
        untrusted: .policyCertUntrusted, nameMismatch: .policyCertNameMismatch,
        expired: .policyCertExpired, expiring: .policyCertExpiring)
    static let mxCodes = Codes(
        untrusted: .mxCertUntrusted, nameMismatch: .mxCertNameMismatch,
        expired: .mxCertExpired, expiring: .mxCertExpiring)

    static func findings(tls: TLSObservation, host: String, where place: String, now: Date, codes: Codes) -> [Finding] {
        guard let leaf = tls.leaf else { return [] }
        var out: [Finding] = []
        let leafEvidence = describe(leaf) + place
        if let trust = tls.trust, !trust.trusted {
            let selfSigned = leaf.isSelfIssued == true || (leaf.subject == leaf.issuer && tls.chain.count == 1)
            out.append(Finding(
                code: codes.untrusted, subject: host,
                message: selfSigned
                    ? "the certificate is self-signed; senders do not trust it"
                    : "the certificate does not chain to a trusted root" + (trust.reason.map { ": \($0)" } ?? ""),
                evidence: leafEvidence + "; chain of \(tls.chain.count), anchors: \(trust.anchors.joined(separator: ", "))"))
        }
        if !CertificateNameMatcher.matches(certificate: leaf, host: host) {
            out.append(Finding(
                code: codes.nameMismatch, subject: host,
                message: "the certificate is not valid for `\(host)`",
                evidence: "names: \(leaf.dnsNames.isEmpty ? "(no DNS names; CN \(leaf.subject))" : leaf.dnsNames.joined(separator: ", "))" + place))
        }
        // RFC 5280 §6.1.3 (a)(2): every certificate of the path must be within its validity period.
        for (certificate, role) in CertificateStatus.chain(of: tls) {
            let which = role == .leaf ? "the certificate" : "the \(role.rawValue) certificate `\(certificate.subject)`"
            let evidence = describe(certificate) + place
            let days = CertificateClock.days(from: now, to: certificate.notAfter)
            switch CertificateClock.validity(notBefore: certificate.notBefore, notAfter: certificate.notAfter, at: now) {
            case .expired:
                out.append(Finding(code: codes.expired, subject: host,
                                   message: "\(which) expired \(days.magnitude) day(s) ago", evidence: evidence))
            case .notYetValid:
                out.append(Finding(code: codes.expired, subject: host,
                                   message: "\(which) is not valid yet (starts \(iso(certificate.notBefore)))", evidence: evidence))
            case .expiring:
                out.append(Finding(code: codes.expiring, subject: host,
                                   message: "\(which) expires in \(days) day(s)", evidence: evidence))
            case .valid:
                break
            }
        }
        return out
    }

    static func describe(_ cert: CertificateInfo) -> String {
        "subject \(cert.subject), issuer \(cert.issuer), valid \(iso(cert.notBefore)) to \(iso(cert.notAfter))"
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

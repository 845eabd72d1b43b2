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

    /// A certificate expiring sooner than this is a warning.
    static let expiringWithin: TimeInterval = 14 * 86_400

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
        if now > leaf.notAfter {
            out.append(Finding(
                code: codes.expired, subject: host,
                message: "the certificate expired \(days(leaf.notAfter.timeIntervalSince(now)).magnitude) day(s) ago",
                evidence: leafEvidence))
        } else if now < leaf.notBefore {
            out.append(Finding(
                code: codes.expired, subject: host,
                message: "the certificate is not valid yet (starts \(iso(leaf.notBefore)))", evidence: leafEvidence))
        } else if leaf.notAfter.timeIntervalSince(now) < expiringWithin {
            out.append(Finding(
                code: codes.expiring, subject: host,
                message: "the certificate expires in \(days(leaf.notAfter.timeIntervalSince(now))) day(s)",
                evidence: leafEvidence))
        }
        return out
    }

    static func days(_ interval: TimeInterval) -> Int { Int((interval / 86_400).rounded(.down)) }

    static func describe(_ cert: CertificateInfo) -> String {
        "subject \(cert.subject), issuer \(cert.issuer), valid \(iso(cert.notBefore)) to \(iso(cert.notAfter))"
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

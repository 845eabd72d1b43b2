import Foundation

/// Codes of the DANE rules (RFC 7672, RFC 7671); documented in ``FindingCatalog``.
extension FindingCode {
    public static let daneMismatch: FindingCode = "dane.mismatch"
    public static let daneTLSAIndeterminate: FindingCode = "dane.tlsa-indeterminate"
    public static let daneUnusableOnly: FindingCode = "dane.unusable-only"
    public static let daneInsecureTLSA: FindingCode = "dane.insecure-tlsa"
    public static let daneSingleKey: FindingCode = "dane.single-key"
    public static let daneFullCertificate: FindingCode = "dane.full-certificate"
    public static let daneEmptyDigest: FindingCode = "dane.empty-digest"
}

/// Each MX host as a DANE-validating sender sees it (``DANEValidation``), plus the operational
/// checks the field learned at key renewals (RFC 7671 §5.1, §8.1).
struct DANERule: Rule {
    func findings(in context: EvaluationContext) -> [Finding] {
        var out: [Finding] = []
        for (host, status) in zip(context.observation.mxHosts, context.dane) {
            let name = status.host
            let listed = status.records.map(\.description).joined(separator: "; ")
            switch status.state {
            case .mismatch:
                for result in status.addresses where result.matched == nil {
                    let probe = host.probes.first { $0.address == result.address }
                    let leaf = probe?.tls?.leaf
                    out.append(Finding(
                        code: .daneMismatch, subject: name,
                        message: "\(result.address) presented a certificate no usable TLSA record matches; DANE senders defer mail to it",
                        evidence: "TLSA: \(listed); leaf \(leaf?.subject ?? "?"), SPKI sha256 \(leaf?.spkiSHA256 ?? "?")"))
                }
            case .indeterminate:
                out.append(Finding(
                    code: .daneTLSAIndeterminate, subject: "_25._tcp.\(status.tlsaBase ?? name)",
                    message: "the TLSA lookup failed in a DNSSEC-signed zone (\(host.tlsa?.servfailCause ?? "SERVFAIL")): DANE senders must not use \(name)",
                    evidence: host.tlsa?.summary ?? ""))
            case .unusable:
                out.append(Finding(
                    code: .daneUnusableOnly, subject: "_25._tcp.\(status.tlsaBase ?? name)",
                    message: "the TLSA records are DNSSEC-secure but none is usable for SMTP (usage 2 or 3): DANE senders require TLS without authenticating it",
                    evidence: "TLSA: \(listed)"))
            case .insecure:
                out.append(Finding(
                    code: .daneInsecureTLSA, subject: "_25._tcp.\(status.tlsaBase ?? name)",
                    message: "TLSA records are published but not DNSSEC-authenticated: DANE senders ignore them",
                    evidence: "TLSA: \(listed); AD bit clear"))
            case .notApplicable, .none, .validated, .unchecked:
                break
            }
            guard status.state == .validated || status.state == .mismatch || status.state == .unchecked else { continue }
            out += operational(status, name: name)
        }
        return out
    }

    /// Rollover safety of a secure, usable TLSA RRset (RFC 7671 §5.1, §8.1).
    func operational(_ status: DANEHostStatus, name: String) -> [Finding] {
        var out: [Finding] = []
        let usable = status.records.filter(\.isUsableForSMTP)
        let listed = status.records.map(\.description).joined(separator: "; ")
        if usable.allSatisfy({ $0.usage == 3 }) && Set(usable.map(\.data)).count == 1 {
            out.append(Finding(
                code: .daneSingleKey, subject: "_25._tcp.\(status.tlsaBase ?? name)",
                message: "one DANE-EE key only: the next key change (an ACME renewal with a new key) breaks DANE for \(name)",
                evidence: "TLSA: \(listed)"))
        }
        for record in status.records where record.usage == 3 && record.selector == 0 {
            out.append(Finding(
                code: .daneFullCertificate, subject: "_25._tcp.\(status.tlsaBase ?? name)",
                message: "`\(record.usage) \(record.selector) \(record.matchingType)` pins the whole certificate: it changes at every renewal, even with the same key",
                evidence: record.description))
        }
        for record in status.records where TLSARecord.emptyDigests.contains(record.data) {
            out.append(Finding(
                code: .daneEmptyDigest, subject: "_25._tcp.\(status.tlsaBase ?? name)",
                message: "a TLSA record holds the digest of nothing (a tooling mistake): it matches no certificate",
                evidence: record.description))
        }
        return out
    }
}

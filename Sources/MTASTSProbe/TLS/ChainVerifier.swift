import Foundation
import MTASTSCore
@_spi(FixedExpiryValidationTime) import X509

/// Builds a path from a presented leaf to the trust roots with swift-certificates
/// (RFC 5280 §6). Expiry and the host name are judged by the core from the leaf's fields, so
/// when the path fails "now" it is built again at the middle of the leaf's validity: a chain
/// that is only expired counts as trusted here and `*-cert.expired` says the rest.
public enum ChainVerifier {
    public static func verify(chainDER: [[UInt8]], roots: TrustRoots, now: Date = Date()) async -> ChainTrust {
        let certificates = chainDER.compactMap { try? Certificate(derEncoded: $0) }
        guard let leaf = certificates.first else {
            return ChainTrust(trusted: false, reason: "the server presented no parsable certificate", anchors: roots.sources)
        }
        if roots.certificates.isEmpty {
            return ChainTrust(trusted: false, reason: "no trust roots loaded (no system bundle and no --ca-file)",
                              anchors: roots.sources)
        }
        let intermediates = CertificateStore(certificates.dropFirst())
        let store = CertificateStore(roots.certificates)
        if await validate(leaf: leaf, intermediates: intermediates, roots: store, at: now).trusted {
            return ChainTrust(trusted: true, anchors: roots.sources)
        }
        let middle = leaf.notValidBefore.addingTimeInterval(leaf.notValidAfter.timeIntervalSince(leaf.notValidBefore) / 2)
        let second = await validate(leaf: leaf, intermediates: intermediates, roots: store, at: middle)
        if second.trusted { return ChainTrust(trusted: true, anchors: roots.sources) }
        if leaf.subject == leaf.issuer {
            return ChainTrust(trusted: false, reason: "self-signed certificate (\(leaf.subject)) not among the trust roots",
                              anchors: roots.sources)
        }
        let why = second.reason
            ?? missingIssuerReason(leaf: leaf, presented: Array(certificates.dropFirst()), roots: roots.certificates)
        return ChainTrust(trusted: false, reason: "no path from \(leaf.subject) to a trusted root: \(why)", anchors: roots.sources)
    }

    static func validate(
        leaf: Certificate, intermediates: CertificateStore, roots: CertificateStore, at time: Date
    ) async -> (trusted: Bool, reason: String?) {
        var verifier = Verifier(rootCertificates: roots) {
            RFC5280Policy(fixedExpiryValidationTime: time)
        }
        switch await verifier.validate(leaf: leaf, intermediates: intermediates) {
        case .validCertificate: return (true, nil)
        case .couldNotValidate(let failures):
            if let failure = failures.first { return (false, failure.policyFailureReason.description) }
            return (false, nil)
        }
    }

    /// Why no candidate chain was found at all (the verifier reports no policy failure then).
    /// swift-certificates' diagnostics say it only as text (`VerificationDiagnostic` has no
    /// public fields), so the explanation is derived from the certificates themselves: follow
    /// the presented chain by issuer name from the leaf; the last issuer named is the one
    /// missing, the usual cause being a server that does not send its intermediate.
    static func missingIssuerReason(leaf: Certificate, presented: [Certificate], roots: [Certificate]) -> String {
        var path = [leaf]
        var tip = leaf
        while tip.issuer != tip.subject,
            let next = presented.first(where: { $0.subject == tip.issuer && !path.contains($0) })
        {
            path.append(next)
            tip = next
        }
        if tip.issuer == tip.subject {
            return "the presented root \(tip.subject) is not among the trust roots"
        }
        if roots.contains(where: { $0.subject == tip.issuer }) {
            return "the trust root \(tip.issuer) does not validate \(tip.subject) (signature or extensions)"
        }
        return "issuer \(tip.issuer) not found among the trust roots or the presented intermediates"
    }
}

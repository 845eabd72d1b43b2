import Foundation
import MTASTSCore
import SwiftASN1
@_spi(DisableValidityCheck) import X509

/// Builds a path from a presented leaf to the trust roots with swift-certificates
/// (RFC 5280 §6) with the validity check disabled: the core judges every certificate's
/// `notBefore`/`notAfter` of the recorded path at its own evaluation time, so a chain that is
/// only expired counts as trusted here and `*-cert.expired` says the rest. No diagnostics are
/// collected on the way: a failure is explained from the certificates themselves.
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
        var verifier = Verifier(rootCertificates: CertificateStore(roots.certificates)) {
            RFC5280Policy.withValidityCheckDisabled()
        }
        switch await verifier.validate(leaf: leaf, intermediates: CertificateStore(certificates.dropFirst())) {
        case .validCertificate(let path):
            // Dates, names and digests of the path; the DER stays out (the presented chain has it).
            let infos = path.map { certificate -> CertificateInfo in
                var serializer = DER.Serializer()
                try? serializer.serialize(certificate)
                var info = CertificateInspector.info(certificate, der: serializer.serializedBytes)
                info.der = nil
                return info
            }
            return ChainTrust(trusted: true, anchors: roots.sources, path: infos)
        case .couldNotValidate(let failures):
            if leaf.subject == leaf.issuer {
                return ChainTrust(trusted: false, reason: "self-signed certificate (\(leaf.subject)) not among the trust roots",
                                  anchors: roots.sources)
            }
            let why = failures.first.map { $0.policyFailureReason.description }
                ?? missingIssuerReason(leaf: leaf, presented: Array(certificates.dropFirst()), roots: roots.certificates)
            return ChainTrust(trusted: false, reason: "no path from \(leaf.subject) to a trusted root: \(why)", anchors: roots.sources)
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

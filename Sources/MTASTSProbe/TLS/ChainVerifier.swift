import Foundation
import MTASTSCore
import SwiftASN1
@_spi(DisableValidityCheck) import X509

/// Builds a path from a presented leaf to the trust roots with swift-certificates
/// (RFC 5280 §6) with the validity check disabled: the core judges every certificate's
/// `notBefore`/`notAfter` of the recorded path at its own evaluation time, so a chain that is
/// only expired counts as trusted here and `*-cert.expired` says the rest.
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
        let notes = DiagnosticNotes()
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(certificates.dropFirst())) { diagnostic in
            notes.add(diagnostic)
        }
        switch result {
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
            let why = failures.first.map { $0.policyFailureReason.description } ?? notes.summary
            let selfSigned = leaf.subject == leaf.issuer
            let reason = selfSigned
                ? "self-signed certificate (\(leaf.subject)) not among the trust roots"
                : "no path from \(leaf.subject) to a trusted root" + (why.map { ": \($0)" } ?? "")
            return ChainTrust(trusted: false, reason: reason, anchors: roots.sources)
        }
    }
}

/// Collects the verifier's diagnostics to explain a failure in one line.
final class DiagnosticNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var missingIssuer: String?

    func add(_ diagnostic: VerificationDiagnostic) {
        let text = String(describing: diagnostic)
        lock.lock()
        defer { lock.unlock() }
        if text.contains("searchingForIssuerOfPartialChain"), missingIssuer == nil,
            let range = text.range(of: "issuer: ")
        {
            missingIssuer = String(text[range.upperBound...].prefix { $0 != "," && $0 != ")" && $0 != "\n" })
        }
    }

    var summary: String? {
        lock.lock()
        defer { lock.unlock() }
        return missingIssuer.map { "issuer \($0) not found among the trust roots or the presented intermediates" }
            ?? "issuer not found among the trust roots or the presented intermediates"
    }
}

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
        let selfSigned = leaf.subject == leaf.issuer
        let reason = selfSigned
            ? "self-signed certificate (\(leaf.subject)) not among the trust roots"
            : "no path from \(leaf.subject) to a trusted root" + (second.reason.map { ": \($0)" } ?? "")
        return ChainTrust(trusted: false, reason: reason, anchors: roots.sources)
    }

    static func validate(
        leaf: Certificate, intermediates: CertificateStore, roots: CertificateStore, at time: Date
    ) async -> (trusted: Bool, reason: String?) {
        var verifier = Verifier(rootCertificates: roots) {
            RFC5280Policy(fixedExpiryValidationTime: time)
        }
        let notes = DiagnosticNotes()
        let result = await verifier.validate(leaf: leaf, intermediates: intermediates) { diagnostic in
            notes.add(diagnostic)
        }
        switch result {
        case .validCertificate: return (true, nil)
        case .couldNotValidate(let failures):
            if let failure = failures.first { return (false, failure.policyFailureReason.description) }
            return (false, notes.summary)
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

import Foundation
import MTASTSCore
import Testing
import X509
@testable import MTASTSProbe

/// Path building against a throwaway root → intermediate → leaf made at test time (every
/// certificate signed with the fixed test key of ``FetchTestCertificate``).
@Suite("Chain verification")
struct ChainVerifierTests {
    static let key = try! Certificate.PrivateKey(pemEncoded: FetchTestCertificate.keyPEM)
    static let now = Date()

    static func make(_ subject: String, issuer: String, ca: Bool, notAfter: Date = now.addingTimeInterval(86_400)) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-30 * 86_400), notValidAfter: notAfter,
            issuer: try DistinguishedName { CommonName(issuer) }, subject: try DistinguishedName { CommonName(subject) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(ca ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority)
                if !ca { SubjectAlternativeNames([.dnsName("mx.chain.test")]) }
            },
            issuerPrivateKey: key)
    }

    static func der(_ certificates: [Certificate]) throws -> [[UInt8]] {
        try certificates.map { try $0.serializeAsPEM().derBytes }
    }

    let root = try! make("Chain Test Root", issuer: "Chain Test Root", ca: true)
    let intermediate = try! make("Chain Test Intermediate", issuer: "Chain Test Root", ca: true)
    let leaf = try! make("mx.chain.test", issuer: "Chain Test Intermediate", ca: false)

    func roots(_ certificates: [Certificate]) -> TrustRoots { TrustRoots(certificates: certificates, sources: ["test"]) }

    @Test("leaf + intermediate to a trusted root is trusted")
    func trusted() async throws {
        let trust = await ChainVerifier.verify(chainDER: try Self.der([leaf, intermediate]), roots: roots([root]))
        #expect(trust.trusted, "\(trust)")
        #expect(trust.anchors == ["test"])
    }

    @Test("a chain that is only expired is still trusted (expiry is the core's finding)")
    func expiredOnly() async throws {
        let expired = try Self.make("mx.chain.test", issuer: "Chain Test Intermediate", ca: false,
                                    notAfter: Self.now.addingTimeInterval(-86_400))
        let trust = await ChainVerifier.verify(chainDER: try Self.der([expired, intermediate]), roots: roots([root]))
        #expect(trust.trusted, "\(trust)")
    }

    @Test("a server that does not send its intermediate: the missing issuer is named")
    func missingIntermediate() async throws {
        let trust = await ChainVerifier.verify(chainDER: try Self.der([leaf]), roots: roots([root]))
        #expect(!trust.trusted)
        let reason = try #require(trust.reason)
        #expect(reason.hasPrefix("no path from CN=mx.chain.test to a trusted root: "), "\(reason)")
        #expect(reason.hasSuffix("issuer CN=Chain Test Intermediate not found among the trust roots or the presented intermediates"),
                "\(reason)")
    }

    @Test("a presented root that is not a trust root is named as such")
    func untrustedRoot() async throws {
        let other = try Self.make("Some Other Root", issuer: "Some Other Root", ca: true)
        let trust = await ChainVerifier.verify(chainDER: try Self.der([leaf, intermediate, root]), roots: roots([other]))
        #expect(!trust.trusted)
        #expect(trust.reason?.hasSuffix("the presented root CN=Chain Test Root is not among the trust roots") == true,
                "\(String(describing: trust.reason))")
    }

    @Test("a self-signed leaf and an empty root set say so")
    func selfSignedAndNoRoots() async throws {
        let selfSigned = try Self.make("mx.chain.test", issuer: "mx.chain.test", ca: false)
        let trust = await ChainVerifier.verify(chainDER: try Self.der([selfSigned]), roots: roots([root]))
        #expect(trust.reason == "self-signed certificate (CN=mx.chain.test) not among the trust roots")
        let none = await ChainVerifier.verify(chainDER: try Self.der([leaf, intermediate]), roots: roots([]))
        #expect(none.reason?.hasPrefix("no trust roots loaded") == true)
    }
}

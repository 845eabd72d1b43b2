import Crypto
import Foundation
import NIOSSL
import X509

/// The certificate the TLS context starts with before the SNI callback replaces it. It is
/// never presented: a handshake whose name no loaded certificate covers is refused
/// (``SNICertificateSelector``). Made in memory at start, with a fresh key.
enum PlaceholderCertificate {
    static func make() throws -> (NIOSSLCertificate, NIOSSLPrivateKey) {
        let key = P256.Signing.PrivateKey()
        let certificateKey = Certificate.PrivateKey(key)
        let name = try DistinguishedName { CommonName("mtasts-serve.invalid") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: certificateKey.publicKey,
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions { SubjectAlternativeNames([.dnsName("mtasts-serve.invalid")]) },
            issuerPrivateKey: certificateKey)
        let pem = try certificate.serializeAsPEM().pemString
        return (
            try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem),
            try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem)
        )
    }
}

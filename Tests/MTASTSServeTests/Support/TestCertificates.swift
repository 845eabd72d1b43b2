import Crypto
import Foundation
import X509

/// A throwaway CA and leaf certificates made in code for the serve tests, written in the
/// layouts ACME clients use (certbot `live/<name>/fullchain.pem` + `privkey.pem`).
struct TestCertificates {
    let caKey = P256.Signing.PrivateKey()
    let caCertificate: Certificate
    let caName: DistinguishedName

    init() throws {
        caName = try DistinguishedName { CommonName("mtasts serve test CA") }
        let key = Certificate.PrivateKey(caKey)
        let now = Date()
        caCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-86_400), notValidAfter: now.addingTimeInterval(365 * 86_400),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: key)
    }

    var caPEM: String { (try? caCertificate.serializeAsPEM().pemString) ?? "" }

    /// A leaf for `names`, valid from `notBefore` to `notAfter`, and its key, as PEM.
    func leaf(_ names: [String], notBefore: Date = Date().addingTimeInterval(-3600), notAfter: Date = Date().addingTimeInterval(90 * 86_400))
        throws -> (chain: String, key: String)
    {
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName { CommonName(names.first ?? "leaf") }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PrivateKey(key).publicKey,
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames(names.map { .dnsName($0) })
                try ExtendedKeyUsage([.serverAuth])
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        return (try certificate.serializeAsPEM().pemString + "\n" + caPEM + "\n", key.pemRepresentation)
    }

    /// Writes a leaf in the certbot layout under `directory/live/<folder>/`.
    @discardableResult
    func writeCertbot(_ names: [String], into directory: String, folder: String? = nil, notBefore: Date? = nil, notAfter: Date? = nil) throws -> String {
        let (chain, key) = try leaf(
            names, notBefore: notBefore ?? Date().addingTimeInterval(-3600), notAfter: notAfter ?? Date().addingTimeInterval(90 * 86_400))
        let live = directory + "/live/" + (folder ?? names[0])
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        try Data(chain.utf8).write(to: URL(fileURLWithPath: live + "/fullchain.pem"))
        try Data(key.utf8).write(to: URL(fileURLWithPath: live + "/privkey.pem"))
        return live
    }

    /// Writes the CA certificate to a file (for curl and the probe).
    func writeCA(to path: String) throws {
        try Data(caPEM.utf8).write(to: URL(fileURLWithPath: path))
    }
}

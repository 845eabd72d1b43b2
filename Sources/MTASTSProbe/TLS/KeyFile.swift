import Crypto
import Foundation
import MTASTSCore
import SwiftASN1
import X509

/// The SubjectPublicKeyInfo of a PEM file, for TLSA authoring (RFC 6698 §2.1.2 selector 1): a
/// certificate (the first of a chain), a public key, or a private key (its public half).
public enum KeyFile {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case noKey(String)
        public var description: String {
            switch self {
            case .unreadable(let why): "cannot read the PEM file: \(why)"
            case .noKey(let what): "no certificate or key in the PEM file (\(what))"
            }
        }
    }

    /// The SPKI DER and a label for the record's comment.
    public static func subjectPublicKeyInfo(pem text: String) throws(Failure) -> (spki: [UInt8], label: String) {
        let documents: [PEMDocument]
        do { documents = try PEMDocument.parseMultiple(pemString: text) } catch { throw .unreadable("\(error)") }
        guard let first = documents.first else { throw .noKey("empty") }
        switch first.discriminator {
        case "CERTIFICATE":
            guard let certificate = try? Certificate(derEncoded: first.derBytes),
                let spki = CertificateInspector.subjectPublicKeyInfo(der: first.derBytes)
            else { throw .noKey("an unparsable certificate") }
            return (spki, "certificate \(certificate.subject), expires \(certificate.notValidAfter.formatted(.iso8601.year().month().day()))")
        case "PUBLIC KEY":
            return (first.derBytes, "public key")
        default:
            guard let key = try? Certificate.PrivateKey(pemDocument: first) else { throw .noKey(first.discriminator) }
            var serializer = DER.Serializer()
            do { try serializer.serialize(key.publicKey) } catch { throw .unreadable("\(error)") }
            return (serializer.serializedBytes, "public half of a private key")
        }
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String { CertificateInspector.hex(SHA256.hash(data: bytes)) }
}

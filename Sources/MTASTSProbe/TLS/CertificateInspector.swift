import Crypto
import Foundation
import MTASTSCore
import SwiftASN1
import X509

/// Extracts what the core judges from a DER certificate (RFC 5280 §4.1, §4.2.1.6).
public enum CertificateInspector {
    public static func info(der: [UInt8]) -> CertificateInfo? {
        guard let certificate = try? Certificate(derEncoded: der) else { return nil }
        return info(certificate, der: der)
    }

    public static func info(_ certificate: Certificate, der: [UInt8]) -> CertificateInfo {
        var dnsNames: [String] = []
        var ipAddresses: [String] = []
        if let san = try? certificate.extensions.subjectAlternativeNames {
            for name in san {
                switch name {
                case .dnsName(let value): dnsNames.append(value)
                case .ipAddress(let octets): ipAddresses.append(addressText(Array(octets.bytes)))
                default: break
                }
            }
        }
        let digest = hex(SHA256.hash(data: der))
        let spki = subjectPublicKeyInfo(der: der)
        return CertificateInfo(
            subject: certificate.subject.description,
            issuer: certificate.issuer.description,
            dnsNames: dnsNames,
            ipAddresses: ipAddresses,
            notBefore: certificate.notValidBefore,
            notAfter: certificate.notValidAfter,
            serialNumber: certificate.serialNumber.description,
            keyType: keyType(certificate.publicKey),
            sha256: digest,
            isSelfIssued: certificate.subject == certificate.issuer,
            der: Data(der),
            sha512: hex(SHA512.hash(data: der)),
            spki: spki.map { Data($0) },
            spkiSHA256: spki.map { hex(SHA256.hash(data: $0)) },
            spkiSHA512: spki.map { hex(SHA512.hash(data: $0)) })
    }

    /// RFC 6698 §2.1.2 selector 1: the SubjectPublicKeyInfo exactly as encoded in the
    /// certificate (RFC 5280 §4.1: the seventh field of tbsCertificate, after the optional
    /// `[0]` version), not re-encoded.
    static func subjectPublicKeyInfo(der: [UInt8]) -> [UInt8]? {
        guard let root = try? DER.parse(der), case .constructed(let certificate) = root.content,
            let tbs = certificate.first(where: { _ in true }), case .constructed(let fields) = tbs.content
        else { return nil }
        let nodes = Array(fields)
        let versioned = nodes.first?.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        let index = (versioned ? 1 : 0) + 5
        return index < nodes.count ? Array(nodes[index].encodedBytes) : nil
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    static func keyType(_ key: Certificate.PublicKey) -> String {
        let text = key.description  // "RSA2048.PublicKey", "P256.PublicKey"
        let name = text.hasSuffix(".PublicKey") ? String(text.dropLast(10)) : text
        if name.hasPrefix("RSA") { return "RSA " + name.dropFirst(3) }
        if name.hasPrefix("P") { return "P-" + name.dropFirst(1) }
        return name
    }

    static func addressText(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if bytes.count == 16 {
            return stride(from: 0, to: 16, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }
                .joined(separator: ":")
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}

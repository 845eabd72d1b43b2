import Foundation
import MTASTSCore
import NIOSSL
import X509

/// A certificate chain and key `serve` can present, loaded from the files an ACME client
/// writes, with what the rest of `serve` needs to know about it: its DNS names (the leaf's
/// subjectAltName dNSNames, RFC 5280 §4.2.1.6) and its validity.
public struct ServedCertificate: Sendable {
    public var chainPath: String
    public var keyPath: String
    public var dnsNames: [String]
    public var notBefore: Date
    public var notAfter: Date
    public var subject: String
    let chain: [NIOSSLCertificate]
    let key: NIOSSLPrivateKey

    /// Reads and checks a PEM chain (leaf first, as `fullchain.pem` is) and its PEM key.
    public static func load(chainPath: String, keyPath: String) throws(CertificateLoadError) -> ServedCertificate {
        let chainBytes = try read(chainPath)
        let keyBytes = try read(keyPath)
        let leaf: Certificate
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(chainBytes)
            guard let first = chain.first else { throw CertificateLoadError(path: chainPath, reason: "no certificate in the file") }
            leaf = try Certificate(derEncoded: try first.toDERBytes())
        } catch let error as CertificateLoadError {
            throw error
        } catch {
            throw CertificateLoadError(path: chainPath, reason: "not a PEM certificate chain (\(error))")
        }
        let key: NIOSSLPrivateKey
        let parsedKey: Certificate.PrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: keyBytes, format: .pem)
            parsedKey = try Certificate.PrivateKey(pemEncoded: String(decoding: keyBytes, as: UTF8.self))
        } catch {
            throw CertificateLoadError(path: keyPath, reason: "not a PEM private key (\(error))")
        }
        guard parsedKey.publicKey == leaf.publicKey else {
            throw CertificateLoadError(path: keyPath, reason: "the key does not belong to the certificate in \(chainPath)")
        }
        var names: [String] = []
        if let san = try? leaf.extensions.subjectAlternativeNames {
            for case .dnsName(let name) in san { names.append(name) }
        }
        return ServedCertificate(
            chainPath: chainPath, keyPath: keyPath, dnsNames: names, notBefore: leaf.notValidBefore,
            notAfter: leaf.notValidAfter, subject: leaf.subject.description, chain: chain, key: key)
    }

    /// Whether this certificate is valid for `host` (RFC 6125 §6.4, as senders check the policy
    /// host's certificate, RFC 8461 §3.3).
    public func covers(_ host: String) -> Bool {
        dnsNames.contains { CertificateNameMatcher.matches(dnsName: $0, host: host) }
    }

    /// Whether `host` is one of the names exactly, not through a wildcard.
    func namesExactly(_ host: String) -> Bool {
        dnsNames.contains { MXMatcher.normalize($0) == host }
    }

    /// Certificate and key files are small; anything past this is not one.
    static let maximumFileBytes = 1 << 20

    private static func read(_ path: String) throws(CertificateLoadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CertificateLoadError(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "missing")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumFileBytes + 1)) ?? nil
        guard let data else { throw CertificateLoadError(path: path, reason: "cannot be read") }
        guard data.count <= maximumFileBytes else { throw CertificateLoadError(path: path, reason: "larger than 1 MiB") }
        return [UInt8](data)
    }
}

/// A certificate or key file `serve` could not use, and why.
public struct CertificateLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

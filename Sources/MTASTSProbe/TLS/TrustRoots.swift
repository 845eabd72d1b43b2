import Foundation
import SwiftASN1
import X509

/// The trust anchors certificates are verified against: the system bundle (what senders on
/// this host trust) plus any CA files the operator adds (`--ca-file`).
public struct TrustRoots: Sendable {
    public let certificates: [Certificate]
    /// Where the anchors came from, for evidence (`system`, file paths).
    public let sources: [String]

    public static let systemBundlePaths = [
        "/etc/ssl/certs/ca-certificates.crt",  // Debian, Ubuntu
        "/etc/pki/tls/certs/ca-bundle.crt",  // Fedora, RHEL
        "/etc/ssl/cert.pem",  // Alpine, macOS, BSD
    ]

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(certificates: [Certificate], sources: [String]) {
        self.certificates = certificates
        self.sources = sources
    }

    /// Loads the system bundle (unless `includeSystem` is false) and `caFiles`. A CA file that
    /// cannot be read or holds no certificate is an error; a missing system bundle is not.
    public static func load(includeSystem: Bool = true, caFiles: [String] = []) throws -> TrustRoots {
        var certificates: [Certificate] = []
        var sources: [String] = []
        if includeSystem, let path = systemBundlePaths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let loaded = parsePEMBundle(text)
                certificates += loaded
                sources.append("system (\(loaded.count) roots)")
            }
        }
        for file in caFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw LoadError(description: "cannot read CA file \(file)")
            }
            let loaded = parsePEMBundle(text)
            guard !loaded.isEmpty else { throw LoadError(description: "no PEM certificate in CA file \(file)") }
            certificates += loaded
            sources.append(file)
        }
        return TrustRoots(certificates: certificates, sources: sources)
    }

    /// Every certificate of a PEM bundle; blocks that do not parse are skipped.
    static func parsePEMBundle(_ text: String) -> [Certificate] {
        var out: [Certificate] = []
        var current: [Substring] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed == "-----BEGIN CERTIFICATE-----" {
                inside = true
                current = [Substring(trimmed)]
            } else if inside {
                current.append(Substring(trimmed))
                if trimmed == "-----END CERTIFICATE-----" {
                    inside = false
                    if let cert = try? Certificate(pemEncoded: current.joined(separator: "\n")) { out.append(cert) }
                }
            }
        }
        return out
    }
}

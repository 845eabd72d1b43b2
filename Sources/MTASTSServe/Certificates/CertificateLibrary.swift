import Foundation
import MTASTSCore

/// Every certificate `serve` loaded, and the files it could not use: an immutable snapshot,
/// replaced whole on reload, read by the TLS handshake (``certificate(for:at:)``) and by the
/// status and metrics (``status(of:at:)``).
public struct CertificateLibrary: Sendable {
    public var certificates: [ServedCertificate]
    public var loadErrors: [CertificateLoadError]
    /// The files' fingerprint when loaded (``CertificateFileLayout/fingerprint(of:)``).
    public var fingerprint: [String]

    public init(certificates: [ServedCertificate] = [], loadErrors: [CertificateLoadError] = [], fingerprint: [String] = []) {
        self.certificates = certificates
        self.loadErrors = loadErrors
        self.fingerprint = fingerprint
    }

    /// Loads every pair under `directories`; a bad pair is a load error, never fatal.
    public static func load(directories: [String]) -> CertificateLibrary {
        let pairs = CertificateFileLayout.pairs(in: directories)
        var library = CertificateLibrary(fingerprint: CertificateFileLayout.fingerprint(of: pairs))
        for pair in pairs {
            do {
                library.certificates.append(try ServedCertificate.load(chainPath: pair.chainPath, keyPath: pair.keyPath))
            } catch {
                library.loadErrors.append(error)
            }
        }
        return library
    }

    /// The certificate to present for `host` (the TLS SNI name): among those covering it,
    /// one currently valid before an expired one, an exact name before a wildcard, then the
    /// one valid longest (a renewed certificate beside the old one wins).
    public func certificate(for host: String, at now: Date) -> ServedCertificate? {
        let name = MXMatcher.normalize(host)
        return certificates.filter { $0.covers(name) }.max { a, b in
            Self.rank(a, name, now) < Self.rank(b, name, now)
        }
    }

    private static func rank(_ certificate: ServedCertificate, _ host: String, _ now: Date) -> (Int, Int, Date) {
        let usable = certificate.notBefore <= now && now <= certificate.notAfter
        return (usable ? 1 : 0, certificate.namesExactly(host) ? 1 : 0, certificate.notAfter)
    }

    /// The state of the certificate each hosted name would get.
    public func status(of hosts: [String], at now: Date) -> [HostCertificateStatus] {
        hosts.map { host in
            guard let certificate = certificate(for: host, at: now) else {
                return HostCertificateStatus(host: host, state: .missing, certificate: nil, daysLeft: nil)
            }
            let validity = CertificateClock.validity(notBefore: certificate.notBefore, notAfter: certificate.notAfter, at: now)
            return HostCertificateStatus(
                host: host, state: HostCertificateStatus.State(validity), certificate: certificate.chainPath,
                daysLeft: CertificateClock.days(from: now, to: certificate.notAfter), notAfter: certificate.notAfter)
        }
    }
}

/// Whether a hosted name has a certificate senders accept (RFC 8461 §3.3: the policy host's
/// certificate must be valid for it; an expired one makes every sender's fetch fail).
public struct HostCertificateStatus: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case valid, expiring, expired, missing
        case notYetValid = "not-yet-valid"

        init(_ validity: CertificateValidity) {
            switch validity {
            case .valid: self = .valid
            case .expiring: self = .expiring
            case .expired: self = .expired
            case .notYetValid: self = .notYetValid
            }
        }

        /// Senders cannot fetch the policy from this name (`expiring` still works).
        public var breaksFetch: Bool { self == .expired || self == .missing || self == .notYetValid }
    }
    public var host: String
    public var state: State
    /// The chain file presented, if any.
    public var certificate: String?
    public var daysLeft: Int?
    public var notAfter: Date?

    /// One line for the log and `status`: what is wrong, and what to do.
    public var problem: String? {
        switch state {
        case .valid: nil
        case .expiring: "\(host): the certificate \(certificate ?? "") expires in \(daysLeft ?? 0) days; renew it"
        case .expired: "\(host): the certificate \(certificate ?? "") has expired; senders cannot fetch the policy until it is renewed"
        case .notYetValid: "\(host): the certificate \(certificate ?? "") is not valid yet"
        case .missing: "\(host): no certificate covers this name (looked in --certs); senders cannot fetch the policy"
        }
    }
}

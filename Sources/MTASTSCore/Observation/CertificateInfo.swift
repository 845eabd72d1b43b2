import Foundation

/// What the core needs to know about one certificate of a presented chain; extracted by the
/// probe (which parses DER), judged by the core.
public struct CertificateInfo: Codable, Sendable, Hashable {
    public var subject: String
    public var issuer: String
    /// subjectAltName dNSName entries (RFC 5280 §4.2.1.6).
    public var dnsNames: [String]
    /// subjectAltName iPAddress entries.
    public var ipAddresses: [String]
    public var notBefore: Date
    public var notAfter: Date
    public var serialNumber: String?
    /// e.g. `RSA 2048`, `P-256`.
    public var keyType: String?
    /// SHA-256 of the DER, hex.
    public var sha256: String?
    public var isSelfIssued: Bool?
    /// The certificate itself, DER, base64 in JSON.
    public var der: Data?
    /// DANE matching material (RFC 6698 §2.1.2, §2.1.3), computed by the probe: SHA-512 of the
    /// DER, the DER SubjectPublicKeyInfo and its SHA-256 and SHA-512 (hex). `nil` in
    /// observations made before they were recorded.
    public var sha512: String?
    public var spki: Data?
    public var spkiSHA256: String?
    public var spkiSHA512: String?

    public init(
        subject: String, issuer: String, dnsNames: [String], ipAddresses: [String] = [],
        notBefore: Date, notAfter: Date, serialNumber: String? = nil, keyType: String? = nil,
        sha256: String? = nil, isSelfIssued: Bool? = nil, der: Data? = nil, sha512: String? = nil, spki: Data? = nil,
        spkiSHA256: String? = nil, spkiSHA512: String? = nil
    ) {
        self.subject = subject
        self.issuer = issuer
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.serialNumber = serialNumber
        self.keyType = keyType
        self.sha256 = sha256
        self.isSelfIssued = isSelfIssued
        self.der = der
        self.sha512 = sha512
        self.spki = spki
        self.spkiSHA256 = spkiSHA256
        self.spkiSHA512 = spkiSHA512
    }
}

/// The outcome of building a path from the presented leaf to a trusted root, done by the probe
/// with the trust store and the validity check disabled: expiry and name are judged by the core,
/// for every certificate of `path`, at the evaluation time.
public struct ChainTrust: Codable, Sendable, Hashable {
    public var trusted: Bool
    /// Why not, in the verifier's words (no path to a root, self-signed, bad signature, …).
    public var reason: String?
    /// The trust anchors the probe used (`system`, a CA file path).
    public var anchors: [String]
    /// The validated path, leaf first, ending at the trust anchor (RFC 5280 §6.1); `nil` when
    /// untrusted or recorded before paths were kept.
    public var path: [CertificateInfo]?

    public init(trusted: Bool, reason: String? = nil, anchors: [String] = [], path: [CertificateInfo]? = nil) {
        self.trusted = trusted
        self.reason = reason
        self.anchors = anchors
        self.path = path
    }
}

/// One TLS handshake as seen by the probe.
public struct TLSObservation: Codable, Sendable, Hashable {
    /// Negotiated protocol, e.g. `TLSv1.3`.
    public var version: String?
    public var cipher: String?
    /// The SNI name sent.
    public var serverName: String?
    /// The presented chain, leaf first.
    public var chain: [CertificateInfo]
    public var trust: ChainTrust?

    public init(version: String?, cipher: String? = nil, serverName: String? = nil, chain: [CertificateInfo],
                trust: ChainTrust?) {
        self.version = version
        self.cipher = cipher
        self.serverName = serverName
        self.chain = chain
        self.trust = trust
    }

    public var leaf: CertificateInfo? { chain.first }
}

import Foundation

/// One certificate a sender would rely on, judged at the evaluation time: where it was
/// presented, its place in the chain, days left and validity. ``DomainReport/certificates``
/// lists every certificate of every presented chain and validated path (RFC 5280 §6.1.3: each
/// certificate of the path must be within its validity period), so views render days and
/// status instead of computing them.
public struct CertificateStatus: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable {
        case leaf, intermediate, root
    }

    /// The host it was presented for: the policy host `mta-sts.<domain>` or an MX host.
    public var host: String
    /// True for the policy host (RFC 8461 §3.3), false for an MX host (§4.2).
    public var isPolicyHost: Bool
    /// The addresses that presented it.
    public var addresses: [String]
    public var role: Role
    public var subject: String
    public var issuer: String
    public var notBefore: Date
    public var notAfter: Date
    /// Whole days left at the evaluation time (negative: expired).
    public var daysLeft: Int
    public var validity: CertificateValidity
    /// subjectAltName DNS names and key type, as presented.
    public var dnsNames: [String]
    public var keyType: String?
    /// For a leaf: the path-building outcome and how many certificates the server presented.
    public var trust: ChainTrust?
    public var presented: Int?

    public init(host: String, isPolicyHost: Bool, addresses: [String], role: Role, certificate: CertificateInfo, now: Date,
                trust: ChainTrust? = nil, presented: Int? = nil) {
        self.host = host
        self.isPolicyHost = isPolicyHost
        self.addresses = addresses
        self.role = role
        subject = certificate.subject
        issuer = certificate.issuer
        notBefore = certificate.notBefore
        notAfter = certificate.notAfter
        daysLeft = CertificateClock.days(from: now, to: certificate.notAfter)
        validity = CertificateClock.validity(notBefore: certificate.notBefore, notAfter: certificate.notAfter, at: now)
        dnsNames = certificate.dnsNames
        keyType = certificate.keyType
        self.trust = trust
        self.presented = presented
    }

    /// Every certificate of `tls` (the presented chain and the validated path), once each,
    /// leaf first.
    static func chain(of tls: TLSObservation) -> [(CertificateInfo, Role)] {
        var seen: Set<String> = []
        var out: [(CertificateInfo, Role)] = []
        let path = tls.trust?.path ?? []
        for (index, certificate) in (tls.chain + path).enumerated() {
            let key = certificate.sha256 ?? "\(certificate.subject)|\(certificate.issuer)|\(certificate.notAfter.timeIntervalSince1970)"
            guard seen.insert(key).inserted else { continue }
            let isRoot = path.count > 1 && key == (path.last?.sha256 ?? "")
            let role: Role = index == 0 ? .leaf : (isRoot || (certificate.isSelfIssued == true && index > 0) ? .root : .intermediate)
            out.append((certificate, role))
        }
        return out
    }

    /// The certificates of an observation, policy host first, then MX hosts in probe order;
    /// one entry per certificate and host, with every address that presented it.
    static func all(in observation: Observation, now: Date) -> [CertificateStatus] {
        var out: [CertificateStatus] = []
        func add(_ tls: TLSObservation, host: String, isPolicyHost: Bool, address: String?) {
            for (certificate, role) in chain(of: tls) {
                if let index = out.firstIndex(where: {
                    $0.host == host && $0.subject == certificate.subject && $0.notAfter == certificate.notAfter && $0.role == role
                }) {
                    if let address, !out[index].addresses.contains(address) { out[index].addresses.append(address) }
                    continue
                }
                out.append(CertificateStatus(
                    host: host, isPolicyHost: isPolicyHost, addresses: address.map { [$0] } ?? [], role: role,
                    certificate: certificate, now: now, trust: role == .leaf ? tls.trust : nil,
                    presented: role == .leaf ? tls.chain.count : nil))
            }
        }
        if let fetch = observation.policyFetch, let tls = fetch.tls {
            add(tls, host: observation.policyHostName, isPolicyHost: true, address: fetch.address)
        }
        for host in observation.mxHosts {
            for probe in host.probes {
                if let tls = probe.tls { add(tls, host: MXMatcher.normalize(host.host), isPolicyHost: false, address: probe.address) }
            }
        }
        return out
    }
}

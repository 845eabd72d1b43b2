import Foundation
import Testing
@testable import MTASTSCore

/// A bad input and why it is bad, for parameterised tables (one row per case, as in mox's
/// `mtasts/parse_test.go`).
struct BadInput: Sendable, CustomTestStringConvertible {
    var input: String
    var reason: String
    /// The finding code the input must produce.
    var code: FindingCode

    init(_ input: String, _ code: FindingCode, _ reason: String) {
        self.input = input
        self.code = code
        self.reason = reason
    }

    var testDescription: String { "\(reason): \(input.debugDescription)" }
}

/// An input that must be rejected, and why.
struct Rejected: Sendable, CustomTestStringConvertible {
    var input: String
    var reason: String

    init(_ input: String, _ reason: String) {
        self.input = input
        self.reason = reason
    }

    var testDescription: String { "\(reason): \(input.debugDescription)" }
}

/// A good input and what it must parse to.
struct GoodInput<Expected: Sendable>: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: Expected
    var reason: String

    init(_ input: String, _ expected: Expected, _ reason: String) {
        self.input = input
        self.expected = expected
        self.reason = reason
    }

    var testDescription: String { "\(reason): \(input.debugDescription)" }
}

extension Array where Element == Finding {
    var errors: [Finding] { filter { $0.severity == .error } }
    var codes: [FindingCode] { map(\.code) }
    /// Codes and severities, for readable failure messages.
    var summary: String { map { "\($0.code)(\($0.severity.rawValue)) \($0.subject): \($0.message)" }.joined(separator: "\n") }
}

/// Builds observations in code. The defaults describe a healthy `mode: enforce` deployment of
/// `example.com` with two MX hosts, DNSSEC-signed answers and valid certificates, observed at
/// ``Fixture/now``; each test changes the one thing it is about.
enum Fixture {
    /// 2025-06-15T12:00:00Z, a whole second so ISO 8601 JSON round-trips exactly.
    static let now = Date(timeIntervalSince1970: 1_749_988_800)
    static let day: TimeInterval = 86_400
    static let domain = "example.com"
    static let mxHosts = ["mx1.example.com", "mx2.example.com"]
    static let stsRecord = "v=STSv1; id=20250615120000abcd;"
    static let tlsrptRecord = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"

    static func certificate(
        names: [String], notBefore: Date? = nil, notAfter: Date? = nil, subject: String? = nil,
        issuer: String = "CN=Test CA", selfIssued: Bool = false
    ) -> CertificateInfo {
        CertificateInfo(
            subject: subject ?? "CN=\(names.first ?? "none")", issuer: selfIssued ? (subject ?? "CN=\(names.first ?? "none")") : issuer,
            dnsNames: names, notBefore: notBefore ?? now - 30 * day, notAfter: notAfter ?? now + 60 * day,
            serialNumber: "01", keyType: "P-256", isSelfIssued: selfIssued)
    }

    static func tls(
        names: [String], version: String = "TLSv1.3", trusted: Bool = true, notBefore: Date? = nil,
        notAfter: Date? = nil, selfIssued: Bool = false
    ) -> TLSObservation {
        TLSObservation(
            version: version, cipher: "TLS_AES_128_GCM_SHA256", serverName: names.first,
            chain: [certificate(names: names, notBefore: notBefore, notAfter: notAfter, selfIssued: selfIssued)],
            trust: ChainTrust(trusted: trusted, reason: trusted ? nil : "no path to a trusted root", anchors: ["system"]))
    }

    /// A policy body, one field per line, with `terminator` after each line.
    static func policyText(
        mode: STSMode = .enforce, mx: [String] = mxHosts, maxAge: Int = 1_209_600, terminator: String = "\r\n"
    ) -> String {
        STSPolicy(mode: mode, maxAge: maxAge, mx: mx).text(terminator: terminator)
    }

    static func fetch(
        body: String? = policyText(), status: Int? = 200, contentType: String? = "text/plain",
        tls: TLSObservation? = Fixture.tls(names: ["mta-sts.example.com"]), failure: ProbeFailure? = nil,
        redirect: String? = nil, truncated: Bool = false
    ) -> PolicyFetch {
        var headers: [NameValue] = []
        if let contentType { headers.append(NameValue(name: "Content-Type", value: contentType)) }
        if let redirect { headers.append(NameValue(name: "Location", value: redirect)) }
        return PolicyFetch(
            url: "https://mta-sts.example.com/.well-known/mta-sts.txt", address: "192.0.2.10",
            elapsedMilliseconds: 42, status: status, headers: headers, body: body.map { Array($0.utf8) },
            bodyTruncated: truncated, redirectLocation: redirect, tls: tls, failure: failure)
    }

    static func smtp(
        address: String, starttls: Bool? = true, tls: TLSObservation?, failure: ProbeFailure? = nil
    ) -> SMTPProbe {
        SMTPProbe(
            address: address, elapsedMilliseconds: 30, banner: "220 ready",
            extensions: starttls == true ? ["PIPELINING", "STARTTLS"] : ["PIPELINING"],
            starttlsOffered: starttls, tls: tls, failure: failure,
            transcript: ["S: 220 ready", "C: EHLO checker", "S: 250 ok"])
    }

    /// A probed MX host with one IPv4 address and a good STARTTLS handshake.
    static func mxHost(
        _ host: String, index: Int = 1, tls: TLSObservation? = nil, starttls: Bool? = true,
        failure: ProbeFailure? = nil, ipv6: [SMTPProbe] = []
    ) -> MXHostObservation {
        let address = "192.0.2.\(20 + index)"
        let probe = smtp(address: address, starttls: starttls, tls: tls ?? Fixture.tls(names: [host]), failure: failure)
        return MXHostObservation(
            host: host, ipv4: .answer([address], authenticated: true),
            ipv6: .answer(ipv6.map(\.address), authenticated: true), probes: [probe] + ipv6)
    }

    static func txt(_ records: [String], authenticated: Bool = true) -> DNSLookup<TXTRecord> {
        records.isEmpty
            ? DNSLookup(status: .nxdomain, authenticated: authenticated)
            : .answer(records.map { TXTRecord($0) }, authenticated: authenticated)
    }

    static func observation(
        domain: String = domain,
        mx: [String] = mxHosts,
        sts: [String] = [stsRecord],
        tlsrpt: [String] = [tlsrptRecord],
        authenticated: Bool = true,
        policyHost: DNSLookup<String>? = .answer(["192.0.2.10"], authenticated: true),
        fetch: PolicyFetch? = Fixture.fetch(),
        probedHosts: [MXHostObservation]? = nil
    ) -> Observation {
        let mxLookup: DNSLookup<MXRecord> = mx.isEmpty
            ? DNSLookup(status: .nodata, authenticated: authenticated)
            : .answer(mx.enumerated().map { MXRecord(preference: UInt16(10 * ($0.offset + 1)), exchange: $0.element + ".") },
                      authenticated: authenticated)
        return Observation(
            domain: domain, observedAt: now, resolver: "system", mx: mxLookup,
            stsTXT: txt(sts, authenticated: authenticated), tlsrptTXT: txt(tlsrpt, authenticated: authenticated),
            policyHost: policyHost, policyFetch: fetch,
            mxHosts: probedHosts ?? mx.enumerated().map { mxHost($0.element, index: $0.offset + 1) })
    }
}

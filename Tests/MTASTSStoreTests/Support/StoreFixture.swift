import Foundation
import MTASTSCore
@testable import MTASTSStore

/// Observations built in code for store tests, with whole-second dates so the ISO 8601 JSON
/// round-trips exactly.
enum StoreFixture {
    /// 2026-01-15T12:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_768_478_400)
    static let day: TimeInterval = 86_400

    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Examples/observations/example.org.json`: testing mode, an uncovered MX, no STARTTLS.
    static func exampleOrg() throws -> Observation {
        let url = packageRoot.appendingPathComponent("Examples/observations/example.org.json")
        return try JSONCoding.decoder().decode(Observation.self, from: Data(contentsOf: url))
    }

    /// A deployment of `domain` in `mode` with one MX host covered by the policy and a
    /// certificate valid for 60 days after `at`.
    static func observation(_ domain: String, at: Date = now, mode: STSMode = .testing, id: String = "20260101") -> Observation {
        let mx = "mx.\(domain)"
        let certificate = CertificateInfo(
            subject: "CN=\(mx)", issuer: "CN=Test CA", dnsNames: [mx, "mta-sts.\(domain)"],
            notBefore: at.addingTimeInterval(-30 * day), notAfter: at.addingTimeInterval(60 * day))
        let tls = TLSObservation(version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", chain: [certificate],
                                 trust: ChainTrust(trusted: true, anchors: ["system"]))
        let body = "version: STSv1\r\nmode: \(mode.rawValue)\r\nmx: \(mx)\r\nmax_age: 604800\r\n"
        return Observation(
            domain: domain, observedAt: at, resolver: "system",
            mx: .answer([MXRecord(preference: 10, exchange: mx + ".")], authenticated: true),
            stsTXT: .answer([TXTRecord("v=STSv1; id=\(id)")], authenticated: true),
            tlsrptTXT: .answer([TXTRecord("v=TLSRPTv1; rua=mailto:tlsrpt@\(domain)")], authenticated: true),
            policyHost: .answer(["192.0.2.80"], authenticated: true),
            policyFetch: PolicyFetch(
                url: "https://mta-sts.\(domain)/.well-known/mta-sts.txt", address: "192.0.2.80", status: 200,
                headers: [NameValue(name: "Content-Type", value: "text/plain")], body: Array(body.utf8), tls: tls),
            mxHosts: [MXHostObservation(
                host: mx, ipv4: .answer(["192.0.2.25"]), ipv6: .answer([]),
                probes: [SMTPProbe(address: "192.0.2.25", extensions: ["STARTTLS"], starttlsOffered: true, tls: tls)])])
    }

    /// An observation of a domain without any MTA-STS record.
    static func unpublished(_ domain: String, at: Date = now) -> Observation {
        Observation(
            domain: domain, observedAt: at,
            mx: .answer([MXRecord(preference: 10, exchange: "mx.\(domain).")]),
            stsTXT: DNSLookup(status: .nxdomain), tlsrptTXT: DNSLookup(status: .nxdomain))
    }
}

/// A directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A workspace in a fresh temporary directory; the directory goes away in `body`'s aftermath.
func withTemporaryWorkspace<T>(_ body: (Workspace, TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let workspace = try Workspace.open(path: directory.path("workspace.sqlite"))
    return try body(workspace, directory)
}

/// Wall-clock seconds taken by `body`.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

import Foundation
import MTASTSCore
import NIOCore
import NIOPosix
import Testing
@testable import MTASTSProbe

/// The prober against the lab's aiosmtpd MX hosts (scripts/lab/README.md), then its observations
/// through the core: each MX variant gives the finding senders would act on.
@Suite("SMTP prober against the lab", .enabled(if: Lab.isUsable))
struct SMTPProberLabTests {
    static let group = MultiThreadedEventLoopGroup.singleton

    struct MX: Sendable, CustomTestStringConvertible {
        var host: String
        var address: String
        /// The mx / mx-cert findings the core must give, and no other.
        var codes: Set<FindingCode>
        var testDescription: String { host }
    }

    static let hosts: [MX] = [
        MX(host: "mx-good.lab.test", address: "127.0.0.30", codes: []),
        MX(host: "mx-good2.lab.test", address: "127.0.0.31", codes: []),
        MX(host: "mx-expired.lab.test", address: "127.0.0.32", codes: [.mxCertExpired]),
        MX(host: "mx-wrongname.lab.test", address: "127.0.0.33", codes: [.mxCertNameMismatch]),
        MX(host: "mx-selfsigned.lab.test", address: "127.0.0.34", codes: [.mxCertUntrusted]),
        MX(host: "mx-nostarttls.lab.test", address: "127.0.0.35", codes: [.mxStarttlsMissing]),
        MX(host: "mx-expiring.lab.test", address: "127.0.0.36", codes: [.mxCertExpiring]),
        MX(host: "mx-oldtls.lab.test", address: "127.0.0.37", codes: [.mxTLSVersionOld]),
        MX(host: "mx-down.lab.test", address: "127.0.0.38", codes: [.mxUnreachable]),
        MX(host: "mx-badtls.lab.test", address: "127.0.0.39", codes: [.mxTLSFailed]),
    ]

    static func probe(_ host: String, _ address: String) async throws -> SMTPProbe {
        let lab = try Lab.require()
        var settings = ProbeSettings()
        settings.connectTimeout = 2
        settings.stepTimeout = 3
        settings.totalTimeout = 8
        settings.smtpPort = lab.smtpPort
        let roots = try TrustRoots.load(includeSystem: false, caFiles: [lab.caFile])
        let prober = SMTPProber(group: group, settings: settings, roots: roots)
        return await prober.probe(host: host, address: address, port: lab.smtpPort)
    }

    static func leaf(_ probe: SMTPProbe) throws -> CertificateInfo { try #require(probe.tls?.leaf, "\(probe)") }

    @Test("mx-good: STARTTLS, TLS 1.2+, a trusted chain for the host, QUIT over TLS")
    func good() async throws {
        let probe = try await Self.probe("mx-good.lab.test", "127.0.0.30")
        #expect(probe.failure == nil, "\(probe)")
        #expect(probe.banner?.contains("mx-good.lab.test") == true)
        #expect(probe.starttlsOffered == true)
        #expect(probe.extensions.contains("STARTTLS"))
        let tls = try #require(probe.tls)
        #expect(["TLSv1.2", "TLSv1.3"].contains(tls.version ?? ""), "\(tls.version ?? "nil")")
        #expect(tls.serverName == "mx-good.lab.test")
        #expect(tls.trust?.trusted == true, "\(String(describing: tls.trust))")
        #expect(try Self.leaf(probe).dnsNames.contains("mx-good.lab.test"))
        #expect(try Self.leaf(probe).sha256?.count == 64)
        #expect(probe.transcript.first?.hasPrefix("S: 220 ") == true)
        #expect(probe.transcript.contains("C: STARTTLS"))
        #expect(probe.transcript.suffix(2).first == "C: QUIT", "QUIT over TLS: \(probe.transcript)")
        #expect(probe.transcript.last?.hasPrefix("S: 221") == true, "\(probe.transcript)")
        #expect((probe.elapsedMilliseconds ?? .max) < 10_000, "alone ~10 ms")
        print("[smtp-lab] mx-good: \(tls.version ?? "?"), \(probe.elapsedMilliseconds ?? -1) ms")
    }

    @Test("mx-expired: the handshake completes, the chain is trusted, the leaf's notAfter is in the past")
    func expired() async throws {
        let probe = try await Self.probe("mx-expired.lab.test", "127.0.0.32")
        #expect(probe.failure == nil, "\(probe)")
        #expect(probe.tls?.trust?.trusted == true, "only expired: ChainVerifier still finds the path")
        #expect(try Self.leaf(probe).notAfter < Date())
    }

    @Test("mx-wrongname: the leaf does not name the host")
    func wrongName() async throws {
        let probe = try await Self.probe("mx-wrongname.lab.test", "127.0.0.33")
        #expect(probe.failure == nil, "\(probe)")
        let leaf = try Self.leaf(probe)
        #expect(!leaf.dnsNames.contains("mx-wrongname.lab.test"), "\(leaf.dnsNames)")
        #expect(probe.tls?.trust?.trusted == true)
    }

    @Test("mx-selfsigned: the chain does not reach the lab CA")
    func selfSigned() async throws {
        let probe = try await Self.probe("mx-selfsigned.lab.test", "127.0.0.34")
        #expect(probe.failure == nil, "\(probe)")
        #expect(probe.tls?.trust?.trusted == false)
        #expect(probe.tls?.trust?.reason?.contains("self-signed") == true, "\(String(describing: probe.tls?.trust))")
        #expect(try Self.leaf(probe).isSelfIssued == true)
    }

    @Test("mx-nostarttls: EHLO without STARTTLS, QUIT in clear, no TLS")
    func noStarttls() async throws {
        let probe = try await Self.probe("mx-nostarttls.lab.test", "127.0.0.35")
        #expect(probe.failure == nil, "\(probe)")
        #expect(probe.starttlsOffered == false)
        #expect(!probe.extensions.isEmpty)
        #expect(probe.tls == nil)
        #expect(probe.transcript.contains("C: QUIT"))
    }

    @Test("mx-oldtls: TLS 1.0 or 1.1 is negotiated and recorded, not a failure")
    func oldTLS() async throws {
        let probe = try await Self.probe("mx-oldtls.lab.test", "127.0.0.37")
        print("[smtp-lab] mx-oldtls: version \(probe.tls?.version ?? "nil"), failure \(probe.failure.map(String.init(describing:)) ?? "none")")
        #expect(probe.failure == nil, "\(probe)")
        #expect(["TLSv1.0", "TLSv1.1"].contains(probe.tls?.version ?? ""), "\(String(describing: probe.tls?.version))")
        #expect(probe.tls?.trust?.trusted == true)
    }

    @Test("mx-badtls: plain text after STARTTLS's 220 is a TLS failure at the handshake")
    func badTLS() async throws {
        let probe = try await Self.probe("mx-badtls.lab.test", "127.0.0.39")
        #expect(probe.failure?.stage == .handshake, "\(probe)")
        #expect(probe.failure?.kind == .tls)
        #expect(probe.starttlsOffered == true)
        #expect(probe.tls == nil)
    }

    @Test("mx-down: nothing listens, the connection is refused")
    func down() async throws {
        let probe = try await Self.probe("mx-down.lab.test", "127.0.0.38")
        #expect(probe.failure?.stage == .connect)
        #expect(probe.failure?.kind == .refused)
        #expect(probe.starttlsOffered == nil)
    }

    @Test("each lab MX, probed and evaluated by the core, gives exactly its expected mx findings", arguments: hosts)
    func core(_ mx: MX) async throws {
        let probe = try await Self.probe(mx.host, mx.address)
        let now = Date()
        let observation = Observation(
            domain: "probe.lab.test", observedAt: now,
            mx: .answer([MXRecord(preference: 10, exchange: mx.host + ".")]),
            stsTXT: .answer([]), tlsrptTXT: .answer([]),
            mxHosts: [MXHostObservation(host: mx.host, ipv4: .answer([mx.address]), ipv6: .answer([]), probes: [probe])])
        let report = Evaluator.evaluate(observation, at: now)
        let codes = Set(report.findings.map(\.code).filter { $0.area == "mx" || $0.area == "mx-cert" })
        #expect(codes == mx.codes, "\(report.findings.map { "\($0.code): \($0.message)" })")
        print("[smtp-lab] \(mx.host): \(probe.elapsedMilliseconds ?? -1) ms, \(probe.tls?.version ?? "no TLS"), codes \(codes.map(\.rawValue).sorted())")
    }
}

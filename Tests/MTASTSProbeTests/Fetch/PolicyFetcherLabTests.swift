import Foundation
import MTASTSCore
import NIOPosix
import Testing
@testable import MTASTSProbe

/// The policy fetcher against the lab's nginx (scripts/lab/README.md, "Scenarios"), and each
/// result judged by the core: the recorded exchange must carry what the rules need.
@Suite("Policy fetch against the lab", .enabled(if: Lab.isUsable))
struct PolicyFetcherLabTests {
    /// `mta-sts.policy-down.lab.test` points here; nothing listens (README, "Servers").
    static let downAddress = "127.0.0.21"

    /// Every code a fetch result can give; each scenario must give exactly its own.
    static let fetchCodes: Set<FindingCode> = [
        .policyFetchFailed, .policyHTTPStatus, .policyRedirect, .policyContentType, .policyTooLarge,
        .policyCertUntrusted, .policyCertNameMismatch, .policyCertExpired, .policyCertExpiring,
    ]

    struct Scenario: Sendable, CustomTestStringConvertible {
        var domain: String
        var address: String?
        var status: Int?
        var codes: Set<FindingCode>
        var stage: LiveStage
        var testDescription: String { domain }
    }

    static let scenarios: [Scenario] = [
        Scenario(domain: "good.lab.test", status: 200, codes: [], stage: .enforce),
        Scenario(domain: "policy-404.lab.test", status: 404, codes: [.policyHTTPStatus], stage: .broken),
        Scenario(domain: "policy-redirect.lab.test", status: 301, codes: [.policyRedirect], stage: .broken),
        Scenario(domain: "policy-html.lab.test", status: 200, codes: [.policyContentType], stage: .broken),
        Scenario(domain: "policy-expired-cert.lab.test", status: 200, codes: [.policyCertExpired], stage: .broken),
        Scenario(domain: "policy-wrongname.lab.test", status: 200, codes: [.policyCertNameMismatch], stage: .broken),
        Scenario(domain: "policy-selfsigned.lab.test", status: 200, codes: [.policyCertUntrusted], stage: .broken),
        Scenario(domain: "policy-expiring-cert.lab.test", status: 200, codes: [.policyCertExpiring], stage: .testing),
        Scenario(domain: "policy-invalid.lab.test", status: 200, codes: [], stage: .broken),
        Scenario(domain: "policy-down.lab.test", address: downAddress, status: nil, codes: [.policyFetchFailed],
                 stage: .broken),
    ]

    static func fetch(_ domain: String, address: String? = nil) async throws -> PolicyFetch {
        let lab = try Lab.require()
        var settings = ProbeSettings()
        settings.httpsPort = lab.httpsPort
        settings.connectTimeout = 2
        settings.stepTimeout = 3
        settings.totalTimeout = 5
        let roots = try TrustRoots.load(includeSystem: false, caFiles: [lab.caFile])
        let fetcher = PolicyFetcher(group: MultiThreadedEventLoopGroup.singleton, settings: settings, roots: roots)
        return await fetcher.fetch(domain: domain, address: address ?? lab.httpsAddress)
    }

    /// A small observation around the fetch: a valid `_mta-sts` record (so nothing is demoted
    /// to "not published yet"), the MX hosts the lab's policies list, the policy host's address.
    static func report(_ domain: String, _ fetch: PolicyFetch) -> DomainReport {
        let mx = domain == "good.lab.test"
            ? [MXRecord(preference: 10, exchange: "mx-good.lab.test."), MXRecord(preference: 20, exchange: "mx-good2.lab.test.")]
            : [MXRecord(preference: 10, exchange: "mx-good.lab.test.")]
        let observation = Observation(
            domain: domain, observedAt: Date(), resolver: "lab",
            mx: .answer(mx),
            stsTXT: .answer([TXTRecord("v=STSv1; id=20250101T000000;")]),
            tlsrptTXT: .answer([TXTRecord("v=TLSRPTv1; rua=mailto:tlsrpt@\(domain)")]),
            policyHost: .answer([fetch.address ?? "127.0.0.20"]),
            policyFetch: fetch)
        return Evaluator.evaluate(observation)
    }

    @Test("each scenario is recorded so the core finds exactly its codes", arguments: scenarios)
    func scenario(_ scenario: Scenario) async throws {
        let fetch = try await Self.fetch(scenario.domain, address: scenario.address)
        #expect(fetch.url == "https://mta-sts.\(scenario.domain)/.well-known/mta-sts.txt")
        #expect(fetch.status == scenario.status, "\(String(describing: fetch.failure))")
        #expect(!fetch.bodyTruncated)
        let report = Self.report(scenario.domain, fetch)
        let codes = Set(report.findings.map(\.code)).intersection(Self.fetchCodes)
        #expect(codes == scenario.codes, "\(report.findings.map { "\($0.code): \($0.message)" })")
        #expect(report.liveStage == scenario.stage)
        for finding in report.findings where scenario.codes.contains(finding.code) {
            #expect(!finding.message.contains("no `_mta-sts` record yet"), "not demoted: \(finding.code)")
        }
    }

    @Test("good.lab.test: 200, text/plain, a valid policy, a trusted chain for the right name")
    func good() async throws {
        let fetch = try await Self.fetch("good.lab.test")
        #expect(fetch.failure == nil)
        #expect(fetch.status == 200)
        #expect(fetch.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(fetch.redirectLocation == nil)
        let body = try #require(fetch.body)
        let parsed = PolicyParser.parse(body)
        #expect(parsed.isValid, "\(parsed.findings)")
        #expect(parsed.value?.mode == .enforce)
        let tls = try #require(fetch.tls)
        #expect(tls.trust?.trusted == true, "\(String(describing: tls.trust))")
        #expect(tls.serverName == "mta-sts.good.lab.test")
        #expect(tls.version == "TLSv1.3" || tls.version == "TLSv1.2")
        let leaf = try #require(tls.leaf)
        #expect(CertificateNameMatcher.matches(certificate: leaf, host: "mta-sts.good.lab.test"))
        #expect(leaf.notAfter > Date())
        #expect((fetch.elapsedMilliseconds ?? 100_000) < 10_000)
        #expect(fetch.address == "127.0.0.20")
    }

    @Test("policy-redirect: the Location is recorded, not followed")
    func redirect() async throws {
        let fetch = try await Self.fetch("policy-redirect.lab.test")
        #expect(fetch.status == 301)
        #expect(fetch.redirectLocation == "https://example.invalid/")
        #expect(fetch.failure == nil)
    }

    @Test("certificate scenarios: trust and names as the verifier sees them")
    func certificates() async throws {
        let expired = try await Self.fetch("policy-expired-cert.lab.test")
        #expect(expired.tls?.trust?.trusted == true, "only expired: the path is built inside its validity")
        #expect((expired.tls?.leaf?.notAfter ?? .distantFuture) < Date())

        let selfSigned = try await Self.fetch("policy-selfsigned.lab.test")
        #expect(selfSigned.tls?.trust?.trusted == false)
        #expect(selfSigned.tls?.leaf?.isSelfIssued == true)

        let wrongName = try await Self.fetch("policy-wrongname.lab.test")
        #expect(wrongName.tls?.trust?.trusted == true)
        let leaf = try #require(wrongName.tls?.leaf)
        #expect(!CertificateNameMatcher.matches(certificate: leaf, host: "mta-sts.policy-wrongname.lab.test"))
    }

    @Test("policy-down: connection refused at the connect stage")
    func down() async throws {
        let fetch = try await Self.fetch("policy-down.lab.test", address: Self.downAddress)
        #expect(fetch.failure?.stage == .connect)
        #expect(fetch.failure?.kind == .refused)
        #expect(fetch.tls == nil)
        #expect(fetch.address == Self.downAddress)
    }
}

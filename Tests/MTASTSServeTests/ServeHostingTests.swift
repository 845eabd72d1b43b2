import Foundation
import MTASTSCore
import MTASTSProbe
import MTASTSStore
import NIOPosix
import Testing
@testable import MTASTSServe

/// The policy files `serve` hosts, fetched over real TLS on loopback the way senders fetch
/// them (RFC 8461 §3.3): by the project's own prober and by curl.
@Suite("serve: policy hosting", .serialized)
struct ServeHostingTests {
    static let enforceBody = "version: STSv1\r\nmode: enforce\r\nmx: mx.a.test\r\nmax_age: 604800\r\n"

    func fetch(_ bed: ServeTestBed, _ domain: String) async throws -> PolicyFetch {
        var settings = ProbeSettings()
        settings.httpsPort = bed.publicPort
        let roots = try TrustRoots.load(includeSystem: false, caFiles: [bed.caFile])
        return await PolicyFetcher(group: MultiThreadedEventLoopGroup.singleton, settings: settings, roots: roots)
            .fetch(domain: domain, address: "127.0.0.1")
    }

    func curl(_ bed: ServeTestBed, _ host: String, _ extra: [String] = []) async throws -> Subprocess.Result {
        try await Subprocess.run("/usr/bin/curl", [
            "-sS", "--max-time", "10", "--cacert", bed.caFile, "--resolve", "\(host):\(bed.publicPort):127.0.0.1",
            "-o", "-", "-w", "\n%{http_code} %{content_type}",
        ] + extra + ["https://\(host):\(bed.publicPort)/.well-known/mta-sts.txt"])
    }

    @Test("the prober and curl get exactly the plan's body; advancing the plan changes it")
    func servesAndFollowsThePlan() async throws {
        try await ServeTestBed.with(prepare: { bed in
            try bed.certificates.writeCertbot(["mta-sts.a.test"], into: bed.certsDirectory)
            try bed.plan("a.test", body: ServeTestBed.policyA)
        }) { bed in
        let fetched = try await fetch(bed, "a.test")
        #expect(fetched.status == 200)
        #expect(fetched.body == Array(ServeTestBed.policyA.utf8))
        #expect(fetched.failure == nil)
        #expect(fetched.redirectLocation == nil)
        #expect(PolicyParser.parse(String(decoding: fetched.body ?? [], as: UTF8.self), subject: "served").value?.mode == .testing)
        #expect(fetched.tls?.trust?.trusted == true, "the chain verifies against the test CA for mta-sts.a.test")

        let curled = try await curl(bed, "mta-sts.a.test")
        #expect(curled.status == 0, "\(curled.stderr)")
        #expect(curled.text == ServeTestBed.policyA + "\n200 text/plain")

        try bed.plan("a.test", target: .enforce, body: Self.enforceBody, id: "20260102T000000")
        let changed = await bed.eventually { (try? await fetch(bed, "a.test"))?.body == Array(Self.enforceBody.utf8) }
        #expect(changed, "the advanced plan's body is served")
        }
    }

    @Test("a hosted name without a certificate, an expired one and a renewal are reported and followed")
    func certificateProblems() async throws {
        try await ServeTestBed.with(prepare: { bed in
            try bed.certificates.writeCertbot(["mta-sts.a.test"], into: bed.certsDirectory)
            try bed.certificates.writeCertbot(
                ["mta-sts.old.test"], into: bed.certsDirectory, notBefore: Date().addingTimeInterval(-90 * 86_400),
                notAfter: Date().addingTimeInterval(-86_400))
            try bed.plan("a.test", body: ServeTestBed.policyA)
            try bed.plan("b.test", body: ServeTestBed.policyA)
            try bed.plan("old.test", body: ServeTestBed.policyA)
        }) { bed in
        let state = try #require(bed.runner?.state)
        let status = Dictionary(uniqueKeysWithValues: state.certificateStatus(at: Date()).map { ($0.host, $0.state) })
        #expect(status == ["mta-sts.a.test": .valid, "mta-sts.b.test": .missing, "mta-sts.old.test": .expired])

        let missing = try await fetch(bed, "b.test")
        #expect(missing.status == nil && missing.failure != nil, "no certificate for the name: the handshake is refused")

        let metrics = try await Subprocess.run("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(bed.adminPort)/metrics"]).text
        #expect(metrics.contains(#"mtasts_serve_certificate_ok{host="mta-sts.b.test",state="missing"} 0"#))
        #expect(metrics.contains(#"mtasts_serve_certificate_ok{host="mta-sts.old.test",state="expired"} 0"#))
        #expect(metrics.contains(#"mtasts_serve_certificate_ok{host="mta-sts.a.test",state="valid"} 1"#))

        try bed.certificates.writeCertbot(["mta-sts.b.test"], into: bed.certsDirectory)
        let renewed = await bed.eventually { (try? await fetch(bed, "b.test"))?.status == 200 }
        #expect(renewed, "a certificate added under --certs is used without a restart")
        #expect(state.certificateStatus(at: Date()).first { $0.host == "mta-sts.b.test" }?.state == .valid)
        }
    }

    @Test("a wildcard certificate covers one label; without SNI the default name's certificate answers")
    func wildcardAndDefault() async throws {
        try await ServeTestBed.with(defaultHost: "mta-sts.a.test", prepare: { bed in
            try bed.certificates.writeCertbot(["a.test", "*.a.test"], into: bed.certsDirectory, folder: "a.test")
            try bed.plan("a.test", body: ServeTestBed.policyA)
        }) { bed in
        #expect(try await fetch(bed, "a.test").status == 200)
        let (status, body, headers) = try await HTTPSClient.with(caFile: bed.caFile) { client in
            try await client.get("https://127.0.0.1:\(bed.publicPort)/.well-known/mta-sts.txt", host: "mta-sts.a.test")
        }
        #expect(status == 200 && body == ServeTestBed.policyA)
        #expect(headers["Content-Type"] == ["text/plain"])
        }
    }
}

@Suite("serve: the rollout sees what serve hosts", .serialized)
struct ServeHostingRecordTests {
    @Test("serve records what it hosts; the plan's next step says the file is hosted; a changed plan is recorded again")
    func recordsHosting() async throws {
        try await ServeTestBed.with(prepare: { bed in
            try bed.certificates.writeCertbot(["mta-sts.a.test"], into: bed.certsDirectory)
            try bed.plan("a.test", body: ServeTestBed.policyA)
        }) { bed in
            let reader = try Workspace.open(path: bed.workspacePath)
            #expect(try reader.hosting(domain: "a.test")?.body == ServeTestBed.policyA)
            let step = try reader.rolloutAssessment(domain: "a.test", report: nil).instructions?.steps.first
            #expect(step?.hasPrefix("Done: mtasts serve hosts the policy file") == true)
            try bed.plan("a.test", target: .enforce, body: ServeHostingTests.enforceBody, id: "20260102T000000")
            let followed = await bed.eventually { (try? reader.hosting(domain: "a.test"))?.body == ServeHostingTests.enforceBody }
            #expect(followed)
        }
    }
}

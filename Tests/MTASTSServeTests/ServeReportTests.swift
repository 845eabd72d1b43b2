import Foundation
import MTASTSCore
import MTASTSStore
import NIOCore
import NIOPosix
import Testing
@testable import MTASTSServe

/// TLS-RPT reports POSTed to `serve` (RFC 8460 §3), over real TLS on loopback.
@Suite("serve: reports over HTTPS", .serialized)
struct ServeReportTests {
    static func report(id: String, domain: String = "a.test", failures: Int = 1) -> [UInt8] {
        Array("""
            {"organization-name": "Reporter", "contact-info": "tlsrpt@reporter.test", "report-id": "\(id)",
             "date-range": {"start-datetime": "2026-12-01T00:00:00Z", "end-datetime": "2026-12-01T23:59:59Z"},
             "policies": [{"policy": {"policy-type": "sts", "policy-domain": "\(domain)"},
               "summary": {"total-successful-session-count": 10, "total-failure-session-count": \(failures)},
               "failure-details": [{"result-type": "certificate-expired", "receiving-mx-hostname": "mx.\(domain)", "failed-session-count": \(failures)}]}]}
            """.utf8)
    }

    static func prepare(_ bed: ServeTestBed) throws {
        try bed.certificates.writeCertbot(["reports.a.test", "mta-sts.a.test"], into: bed.certsDirectory)
        try bed.plan("a.test", body: ServeTestBed.policyA)
    }

    static let limits = ServeLimits(requestBodyBytes: 64 * 1024, decompressedBytes: 1024 * 1024, requestSeconds: 1, reportBurst: 5, reportsPerSecond: 0.01)

    @Test("a report as JSON and as gzip is stored once; a second copy is answered 200, not stored again")
    func storesJSONAndGzip() async throws {
        try await ServeTestBed.with(limits: Self.limits, defaultHost: "reports.a.test", prepare: Self.prepare) { bed in
            try await HTTPSClient.with(caFile: bed.caFile) { client in
            let url = "https://127.0.0.1:\(bed.publicPort)/tlsrpt"
            let first = try await client.post(url, body: Self.report(id: "r1"), contentType: "application/tlsrpt+json")
            #expect(first.0 == 201, "\(first.1)")
            let again = try await client.post(url, body: Self.report(id: "r1"), contentType: "application/tlsrpt+json")
            #expect(again.0 == 200 && again.1.contains("already stored"))
            let gzip = try await client.post(url, body: try Subprocess.gzip(Self.report(id: "r2")), contentType: "application/tlsrpt+gzip")
            #expect(gzip.0 == 201, "\(gzip.1)")
            }
            let summary = try bed.workspace.reportSummary(domain: "a.test")
            #expect(summary.reports == 2)
            let stored = try bed.workspace.storedReports(reportID: "r1")
            #expect(stored.count == 1)
        }
    }

    @Test("wrong type 415, garbage 400, oversized 413, a gzip bomb 413, a flood 429; nothing stored")
    func refusals() async throws {
        try await ServeTestBed.with(limits: Self.limits, defaultHost: "reports.a.test", prepare: Self.prepare) { bed in
            try await HTTPSClient.with(caFile: bed.caFile) { client in
            let url = "https://127.0.0.1:\(bed.publicPort)/tlsrpt"
            #expect(try await client.post(url, body: Self.report(id: "x1"), contentType: "text/plain").0 == 415)
            #expect(try await client.post(url, body: Array("{not json".utf8), contentType: "application/tlsrpt+json").0 == 400)
            let big = [UInt8](repeating: 0x20, count: 100 * 1024) + Self.report(id: "x2")
            #expect(try await client.post(url, body: big, contentType: "application/tlsrpt+json").0 == 413)
            let bomb = try Subprocess.gzip([UInt8](repeating: 0x20, count: 8 * 1024 * 1024))
            #expect(bomb.count < Self.limits.requestBodyBytes, "the bomb itself is small: \(bomb.count) bytes")
            #expect(try await client.post(url, body: bomb, contentType: "application/tlsrpt+gzip").0 == 413)
            // The burst is 5 per client and these were 4; the 5th passes, the 6th is limited.
            #expect(try await client.post(url, body: Self.report(id: "x3"), contentType: "application/tlsrpt+json").0 == 201)
            let limited = try await client.post(url, body: Self.report(id: "x4"), contentType: "application/tlsrpt+json")
            #expect(limited.0 == 429)
            }
            #expect(try bed.workspace.reportSummary().reports == 1)
        }
    }

    @Test("a client dripping its request is cut off at the request limit while another is served")
    func slowClientIsCutOff() async throws {
        try await ServeTestBed.with(limits: Self.limits, defaultHost: "reports.a.test", prepare: Self.prepare) { bed in
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: bed.publicPort).get()
            let dripping = Task {
                // A TLS ClientHello never completed: one byte at a time.
                for byte in [UInt8]([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03] + [UInt8](repeating: 0, count: 200)) {
                    guard channel.isActive else { return }
                    try? await channel.writeAndFlush(ByteBuffer(bytes: [byte]))
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            let served = try await HTTPSClient.with(caFile: bed.caFile) { client in
                try await client.get("https://127.0.0.1:\(bed.publicPort)/.well-known/mta-sts.txt", host: "mta-sts.a.test")
            }
            #expect(served.0 == 200, "another client is served while one drips")
            // The server closes the dripping connection after requestSeconds (1 s); the drip
            // would go on for 21 s.
            let closed = await bed.eventually(8) { !channel.isActive }
            #expect(closed, "the dripping connection was closed by the server")
            dripping.cancel()
            try? await channel.close()
        }
    }
}

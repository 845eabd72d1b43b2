import Foundation
import MTASTSCore
import NIOCore
import NIOPosix
import Testing
@testable import MTASTSProbe

/// The policy fetcher against small hostile servers on loopback: every misbehaviour ends in a
/// recorded failure (step budget 1 s, total 3 s), never a hang or a 10 MB read. One real-socket
/// pass per case, asserting outcomes; the exact timing of each budget is proven in virtual time
/// by `PolicyFetchHandlerTests`, where a busy machine cannot move it.
@Suite("Policy fetch against hostile servers")
struct PolicyFetcherHostileTests {
    static let group = MultiThreadedEventLoopGroup.singleton
    static let domain = "Hostile.Test."
    static let host = FetchTestCertificate.host

    static func settings(port: Int) -> ProbeSettings {
        var settings = ProbeSettings()
        settings.httpsPort = port
        settings.connectTimeout = 1
        settings.stepTimeout = 1
        settings.totalTimeout = 3
        return settings
    }

    /// Fetches from `server` (the wall time is printed, not asserted).
    func fetch(
        _ server: FetchTestServer, roots: TrustRoots = TrustRoots(certificates: [], sources: []),
        label: String = #function
    ) async -> PolicyFetch {
        await fetch(port: server.port, roots: roots, label: label)
    }

    func fetch(port: Int, roots: TrustRoots, label: String) async -> PolicyFetch {
        let fetcher = PolicyFetcher(group: Self.group, settings: Self.settings(port: port), roots: roots)
        let start = ContinuousClock.now
        let result = await fetcher.fetch(domain: Self.domain, address: "127.0.0.1")
        let elapsed = ContinuousClock.now - start
        print("[policy-fetch] \(label): \(elapsed) -> \(result.failure.map(String.init(describing:)) ?? "ok, status \(result.status ?? 0)")")
        return result
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// One chunk of a chunked body (RFC 9112 §7.1): hex size, CRLF, data, CRLF.
    static func chunk(_ text: String) -> String { String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n" }

    // MARK: before TLS

    @Test("a server that accepts and stays silent is a handshake timeout after the step budget")
    func silentTCP() async throws {
        let server = try await FetchTestServer.start(.silent, tls: false, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .handshake)
        #expect(result.failure?.kind == .timeout)
        #expect(result.status == nil && result.tls == nil)
    }

    @Test("plain text instead of a ServerHello is a TLS failure")
    func garbageInsteadOfTLS() async throws {
        let server = try await FetchTestServer.start(
            .sendOnConnect(Self.bytes("HTTP/1.0 200 OK\r\n\r\nthis is not TLS at all\r\n")), tls: false, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .handshake)
        #expect(result.failure?.kind == .tls, "\(String(describing: result.failure))")
        #expect(result.tls == nil, "no certificate was presented")
    }

    @Test("a close in the middle of the handshake is recorded at the handshake stage")
    func closeMidHandshake() async throws {
        let server = try await FetchTestServer.start(.closeOnFirstRead, tls: false, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .handshake)
        #expect([.closed, .reset].contains(result.failure?.kind), "\(String(describing: result.failure))")
    }

    @Test("nothing listening is `refused` at the connect stage, at once")
    func refused() async throws {
        let port = try await FetchTestServer.closedPort(group: Self.group)
        let result = await fetch(port: port, roots: TrustRoots(certificates: [], sources: []), label: "refused")
        #expect(result.failure?.stage == .connect)
        #expect(result.failure?.kind == .refused, "\(String(describing: result.failure))")
        #expect(result.address == "127.0.0.1")
    }

    // MARK: after the TLS handshake

    @Test("silence after the handshake is a response timeout; the chain is still recorded")
    func silentAfterHandshake() async throws {
        let server = try await FetchTestServer.start(.silent, tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .response)
        #expect(result.failure?.kind == .timeout)
        let tls = try #require(result.tls)
        #expect(tls.serverName == Self.host)
        #expect(tls.version == "TLSv1.3")
        #expect(tls.cipher == nil)
        #expect(tls.chain.count == 1)
        #expect(tls.leaf?.dnsNames == [Self.host])
        #expect(tls.trust?.trusted == false, "self-signed and not among the (empty) roots")
    }

    @Test("a head dripped one byte per 200 ms times out after the step budget")
    func dripHead() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
        let server = try await FetchTestServer.start(
            .drip(Self.bytes(head), every: .milliseconds(200)), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .response)
        #expect(result.failure?.kind == .timeout)
        #expect(result.status == nil)
    }

    @Test("silence after the head is a body timeout after the step budget")
    func silentBody() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 40\r\n\r\n"
        let server = try await FetchTestServer.start(
            .respond(Self.bytes(head), close: false), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.status == 200)
        #expect(result.failure?.stage == .body)
        #expect(result.failure?.kind == .timeout)
    }

    @Test("a body dripped with every gap under the step budget stops at the total budget")
    func dripBodyTotalBudget() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 40\r\n\r\n"
        let server = try await FetchTestServer.start(
            .drip(prefix: Self.bytes(head), Self.bytes(String(repeating: "x", count: 40)), every: .milliseconds(500)),
            tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.status == 200)
        #expect(result.failure?.stage == .body)
        #expect(result.failure?.kind == .timeout)
        #expect(result.failure?.message.contains("total") == true, "\(String(describing: result.failure))")
        #expect((result.body?.count ?? 0) > 0, "the bytes that arrived are kept")
    }

    @Test("a 10 MB body is cut at 64 KiB and the fetch returns at once")
    func largeBody() async throws {
        let count = 10 * 1024 * 1024
        let server = try await FetchTestServer.start(
            .largeBody(head: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(count)\r\n\r\n", count: count),
            tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure == nil)
        #expect(result.status == 200)
        #expect(result.body?.count == 64 * 1024)
        #expect(result.bodyTruncated)
    }

    @Test("a body of exactly the limit is not truncated")
    func bodyAtLimit() async throws {
        let count = 64 * 1024
        let server = try await FetchTestServer.start(
            .largeBody(head: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(count)\r\n\r\n", count: count),
            tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure == nil)
        #expect(result.body?.count == count)
        #expect(!result.bodyTruncated)
    }

    @Test("something that is not HTTP is a protocol violation")
    func garbageInsteadOfHTTP() async throws {
        let server = try await FetchTestServer.start(
            .respond(Self.bytes("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"), close: false), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .response)
        #expect(result.failure?.kind == .protocolViolation, "\(String(describing: result.failure))")
    }

    static let oversizedHeads = [
        "many headers": "HTTP/1.1 200 OK\r\n" + String(repeating: "X-Padding: " + String(repeating: "p", count: 100) + "\r\n", count: 200),
        "endless status line": "HTTP/1.1 200 " + String(repeating: "O", count: 40_000),
    ]

    @Test("a response head over the limit is too-large", arguments: ["many headers", "endless status line"])
    func headTooLarge(label: String) async throws {
        let head = try #require(Self.oversizedHeads[label])
        let server = try await FetchTestServer.start(.respond(Self.bytes(head), close: false), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server, label: "headTooLarge (\(label))")
        #expect(result.failure?.stage == .response)
        #expect(result.failure?.kind == .tooLarge, "\(String(describing: result.failure))")
    }

    @Test("a chunked body is read to its end; the request is what RFC 8461 §3.3 asks for")
    func chunked() async throws {
        let response = "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Self.chunk("version: STSv1\r\n") + Self.chunk("mode: testing\r\n") + "0\r\n\r\n"
        let server = try await FetchTestServer.start(.respond(Self.bytes(response), close: false), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let roots = TrustRoots(certificates: [FetchTestCertificate.certificate], sources: ["test"])
        let result = await fetch(server, roots: roots)
        // The server keeps the connection open: waiting for its close would end in a body timeout.
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.status == 200)
        #expect(result.body.map { String(decoding: $0, as: UTF8.self) } == "version: STSv1\r\nmode: testing\r\n")
        #expect(!result.bodyTruncated)
        #expect(result.headers.map(\.name) == ["Server", "Content-Type", "Transfer-Encoding"], "all headers, in order")
        #expect(result.header("content-type") == "text/plain; charset=utf-8")
        #expect(result.url == "https://mta-sts.hostile.test/.well-known/mta-sts.txt", "lower-cased, no trailing dot, no port")
        #expect(result.address == "127.0.0.1")
        #expect((result.elapsedMilliseconds ?? -1) >= 0)
        #expect(result.tls?.trust?.trusted == true)
        #expect(result.tls?.trust?.path?.count == 1, "the validated path is recorded for the core to judge")

        let request = try #require(server.requests.all.first)
        let lines = request.components(separatedBy: "\r\n")
        #expect(lines.first == "GET /.well-known/mta-sts.txt HTTP/1.1")
        #expect(lines.contains("Host: mta-sts.hostile.test:\(server.port)"))
        #expect(lines.contains("Connection: close"))
        #expect(lines.contains("Accept: text/plain"))
        #expect(lines.contains { $0.hasPrefix("User-Agent: mtasts/") })
    }

    @Test("a close-delimited body is complete at the close")
    func closeDelimited() async throws {
        let response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nversion: STSv1\r\n"
        let server = try await FetchTestServer.start(.respond(Self.bytes(response), close: true), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.body.map { String(decoding: $0, as: UTF8.self) } == "version: STSv1\r\n")
    }

    @Test("a TCP reset after the request is `reset` at the response stage")
    func resetAfterRequest() async throws {
        let server = try await FetchTestServer.start(.resetAfterRequest, tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure?.stage == .response)
        #expect(result.failure?.kind == .reset, "\(String(describing: result.failure))")
        #expect(result.tls?.chain.count == 1, "the handshake had completed")
    }

    @Test("a 301 is recorded with its Location and not followed")
    func redirect() async throws {
        let response = "HTTP/1.1 301 Moved Permanently\r\nLocation: https://elsewhere.example/policy\r\nContent-Length: 0\r\n\r\n"
        let server = try await FetchTestServer.start(.respond(Self.bytes(response), close: false), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.failure == nil)
        #expect(result.status == 301)
        #expect(result.redirectLocation == "https://elsewhere.example/policy")
        #expect(result.body == [])
        #expect(server.requests.all.count == 1)
    }

    @Test("a close before Content-Length bytes arrived is `closed` at the body stage")
    func shortBody() async throws {
        let response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nshort"
        let server = try await FetchTestServer.start(.respond(Self.bytes(response), close: true), tls: true, group: Self.group)
        defer { Task { await server.stop() } }
        let result = await fetch(server)
        #expect(result.status == 200)
        #expect(result.failure?.stage == .body)
        #expect(result.failure?.kind == .closed, "\(String(describing: result.failure))")
        #expect(result.body == Self.bytes("short"), "what arrived is kept as evidence")
    }

    @Test("the Host header has no port on 443 (RFC 9110 §7.2)")
    func hostHeader() {
        #expect(PolicyFetcher.request(host: "mta-sts.example.org", port: 443).headers["Host"] == ["mta-sts.example.org"])
        #expect(PolicyFetcher.request(host: "mta-sts.example.org", port: 8443).headers["Host"] == ["mta-sts.example.org:8443"])
        #expect(PolicyFetcher.policyURL(for: "EXAMPLE.org.") == "https://mta-sts.example.org/.well-known/mta-sts.txt")
    }
}

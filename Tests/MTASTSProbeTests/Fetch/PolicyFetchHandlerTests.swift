import Foundation
import MTASTSCore
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOSSL
import NIOTLS
import Testing
@testable import MTASTSProbe

/// The fetch pipeline (``PolicyFetchPipeline``: head limiter, NIOHTTP1, the handler) on an
/// `EmbeddedChannel`: bytes in by hand, the request out, virtual time for the budgets. A stand-in
/// sits where NIOSSL would and records the closes that pass it: a polite close goes through TLS
/// (close_notify), an immediate one goes round it to the socket.
@Suite("Policy fetch handler (embedded channel)")
struct PolicyFetchHandlerTests {
    /// Where NIOSSL sits in the real pipeline: counts the closes that go through it.
    final class TLSStandIn: ChannelOutboundHandler, RemovableChannelHandler {
        typealias OutboundIn = NIOAny
        private(set) var closes = 0

        func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
            closes += 1
            context.close(mode: mode, promise: promise)
        }
    }

    final class Harness {
        let channel = EmbeddedChannel()
        let standIn = TLSStandIn()
        let promise: EventLoopPromise<FetchOutcome>
        /// The outcome once the handler completed its promise.
        private(set) var result: FetchOutcome?
        private(set) var completions = 0

        init(step: Int64 = 10, total: Int64 = 30, maxBody: Int = 64 * 1024, maxHead: Int = 16 * 1024) throws {
            let loop = channel.embeddedEventLoop
            promise = loop.makePromise()
            let conversation = PolicyFetchConversation(limits: .init(
                stepSeconds: Double(step), totalSeconds: Double(total), maxBodyBytes: maxBody))
            let fetcher = PolicyFetchHandler(
                conversation: conversation, request: PolicyFetcher.request(host: "mta-sts.example.test", port: 443),
                budget: .init(total: .seconds(total), startedAt: loop.now), promise: promise, closer: SocketCloser())
            try PolicyFetchPipeline.add(to: channel.pipeline.syncOperations, tls: standIn, fetcher: fetcher, maxHeadBytes: maxHead)
            promise.futureResult.assumeIsolated().whenSuccess { [unowned self] in
                self.result = $0
                self.completions += 1
            }
            channel.connect(to: try SocketAddress(ipAddress: "192.0.2.1", port: 443), promise: nil)
        }

        /// What NIOSSL signals when the handshake is done; the request goes out at once, and
        /// nothing else (``finishClean`` finds anything written later).
        func handshake(sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try written() == "", "nothing is sent before the handshake", sourceLocation: sourceLocation)
            channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
            #expect(try written() == PolicyFetchHandlerTests.request, sourceLocation: sourceLocation)
        }

        func send(_ text: String) throws { try send(Array(text.utf8)) }

        func send(_ bytes: [UInt8]) throws {
            guard channel.isActive else { return }
            try channel.writeInbound(channel.allocator.buffer(bytes: bytes))
        }

        /// Feeds `text` one byte per call.
        func drip(_ text: String) throws {
            for byte in text.utf8 { try send([byte]) }
        }

        func advance(milliseconds: Int64) { channel.embeddedEventLoop.advanceTime(by: .milliseconds(milliseconds)) }

        /// Everything written so far, as text.
        func written() throws -> String {
            var out = ""
            while let data = try channel.readOutbound(as: IOData.self) {
                guard case .byteBuffer(let buffer) = data else { Issue.record("a file region was written"); continue }
                out += String(buffer: buffer)
            }
            return out
        }

        /// After the outcome: no timer still armed changes it, nothing was forwarded past the
        /// handler or left unwritten, and the channel is closed.
        func finishClean(sourceLocation: SourceLocation = #_sourceLocation) throws {
            advance(milliseconds: 3_600_000)
            #expect(completions == 1, "the promise is completed once", sourceLocation: sourceLocation)
            #expect(!channel.isActive, "the connection is closed", sourceLocation: sourceLocation)
            let leftOvers = try channel.finish(acceptAlreadyClosed: true)
            guard case .clean = leftOvers else {
                Issue.record("left over: \(leftOvers)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    static let request = "GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: mta-sts.example.test\r\n"
        + "User-Agent: \(PolicyFetcher.userAgent)\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"

    static func chunk(_ text: String) -> String { String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n" }

    @Test("nothing is sent before the handshake; then exactly the request; a response fed byte by byte is complete")
    func byteByByte() throws {
        let h = try Harness()
        #expect(try h.written() == "", "no request in clear text before TLS")
        try h.handshake()
        try h.drip("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n\r\n")
        #expect(h.result == nil)
        try h.drip("version: STSv1\r")
        #expect(h.result == nil, "one byte short of Content-Length")
        try h.drip("\n")
        let outcome = try #require(h.result)
        #expect(outcome.failure == nil)
        #expect(outcome.status == 200)
        #expect(outcome.headers == [NameValue(name: "Content-Type", value: "text/plain"), NameValue(name: "Content-Length", value: "16")])
        #expect(outcome.body == Array("version: STSv1\r\n".utf8))
        #expect(!outcome.bodyTruncated)
        #expect(outcome.handshakeCompleted)
        #expect(h.standIn.closes == 1, "a complete response is closed through TLS (close_notify)")
        try h.finishClean()
    }

    @Test("a chunked body fed byte by byte is de-chunked and complete at the last chunk, not at the close")
    func chunked() throws {
        let h = try Harness()
        try h.handshake()
        try h.drip("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Self.chunk("version: STSv1\r\n") + Self.chunk("mode: testing\r\n"))
        #expect(h.result == nil)
        try h.drip("0\r\n\r\n")
        let outcome = try #require(h.result)
        #expect(outcome.failure == nil)
        #expect(outcome.body.map { String(decoding: $0, as: UTF8.self) } == "version: STSv1\r\nmode: testing\r\n")
        try h.finishClean()
    }

    @Test("silence before the handshake is a handshake timeout after exactly the step budget")
    func silentHandshake() throws {
        let h = try Harness(step: 2)
        h.advance(milliseconds: 1999)
        #expect(h.result == nil)
        h.advance(milliseconds: 1)
        #expect(h.result?.failure == ProbeFailure(stage: .handshake, kind: .timeout, message: "no TLS handshake completed within 2 s"))
        #expect(h.standIn.closes == 0, "dropped at once, round TLS")
        #expect(try h.written() == "")
        try h.finishClean()
    }

    @Test("silence after the handshake is a response timeout after exactly the step budget")
    func silentAfterHandshake() throws {
        let h = try Harness(step: 1)
        h.advance(milliseconds: 600)
        try h.handshake()
        h.advance(milliseconds: 999)
        #expect(h.result == nil, "the step restarted at the handshake")
        h.advance(milliseconds: 1)
        #expect(h.result?.failure == ProbeFailure(stage: .response, kind: .timeout, message: "no response head received within 1 s"))
        #expect(h.result?.status == nil)
        try h.finishClean()
    }

    @Test("a head dripped one byte per 200 ms does not restart the step: timeout at 1 s")
    func dripHead() throws {
        let h = try Harness(step: 1)
        try h.handshake()
        var sent = 0
        for byte in "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8 {
            try h.send([byte])
            sent += 1
            h.advance(milliseconds: 200)
            if h.result != nil { break }
        }
        #expect(sent == 5, "five bytes in 1 s")
        #expect(h.result?.failure?.stage == .response)
        #expect(h.result?.failure?.kind == .timeout)
        try h.finishClean()
    }

    @Test("a body dripped with every gap under the step budget stops at exactly the total budget")
    func dripBody() throws {
        let h = try Harness(step: 1, total: 3)
        try h.handshake()
        try h.send("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n")
        var sent = 0
        while h.result == nil, sent < 40 {
            h.advance(milliseconds: 500)
            try h.send("x")
            if h.result == nil { sent += 1 }
        }
        #expect(sent == 5, "bytes at 0.5 … 2.5 s, then the total budget at 3 s")
        let outcome = try #require(h.result)
        #expect(outcome.failure == ProbeFailure(
            stage: .body, kind: .timeout, message: "the fetch did not complete within its total budget of 3 s (stopped during body)"))
        #expect(outcome.body == Array("xxxxx".utf8), "the bytes that arrived are kept")
        try h.finishClean()
    }

    @Test("silence after the head is a body timeout; each body read restarts the step")
    func silentBody() throws {
        let h = try Harness(step: 1)
        try h.handshake()
        try h.send("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n")
        h.advance(milliseconds: 900)
        try h.send("abc")
        h.advance(milliseconds: 999)
        #expect(h.result == nil)
        h.advance(milliseconds: 1)
        #expect(h.result?.failure == ProbeFailure(stage: .body, kind: .timeout, message: "no body data received within 1 s"))
        #expect(h.result?.status == 200)
        #expect(h.result?.body == Array("abc".utf8))
        try h.finishClean()
    }

    @Test("something that is not HTTP is a protocol violation at the response stage, dropped round TLS")
    func garbage() throws {
        let h = try Harness()
        try h.handshake()
        try h.send("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
        #expect(h.result?.failure?.stage == .response)
        #expect(h.result?.failure?.kind == .protocolViolation, "\(String(describing: h.result?.failure))")
        #expect(h.standIn.closes == 0)
        try h.finishClean()
    }

    @Test("a head over the limit is too-large as soon as the limit is passed")
    func headTooLarge() throws {
        let h = try Harness(maxHead: 1024)
        try h.handshake()
        try h.send("HTTP/1.1 200 OK\r\n")
        for _ in 0..<100 where h.result == nil { try h.send("X-Padding: " + String(repeating: "p", count: 100) + "\r\n") }
        #expect(h.result?.failure?.stage == .response)
        #expect(h.result?.failure?.kind == .tooLarge, "\(String(describing: h.result?.failure))")
        try h.finishClean()
    }

    @Test("a 10 MB body is cut at the limit in the chunk that passes it, and nothing more is read")
    func oversizeBody() throws {
        let h = try Harness(maxBody: 64 * 1024)
        try h.handshake()
        try h.send("HTTP/1.1 200 OK\r\nContent-Length: \(10 * 1024 * 1024)\r\n\r\n")
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
        var chunks = 0
        while h.channel.isActive, chunks < 640 {
            try h.send(chunk)
            chunks += 1
        }
        #expect(chunks == 5, "64 KiB fill four chunks; the fifth passes the limit")
        let outcome = try #require(h.result)
        #expect(outcome.failure == nil)
        #expect(outcome.body?.count == 64 * 1024)
        #expect(outcome.bodyTruncated)
        #expect(h.standIn.closes == 0, "dropped at once, without waiting for TLS")
        try h.finishClean()
    }

    @Test("an early close after the 200 head is `closed` at the body stage, keeping what arrived")
    func earlyCloseAfter200() throws {
        let h = try Harness()
        try h.handshake()
        try h.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort")
        h.channel.pipeline.fireChannelInactive()
        let outcome = try #require(h.result)
        #expect(outcome.status == 200)
        // The decoder sees the short body first (RFC 9112 §6.3: an incomplete message).
        #expect(outcome.failure == ProbeFailure(
            stage: .body, kind: .closed, message: "the server closed the connection before the end of the response"))
        #expect(outcome.body == Array("short".utf8))
        try h.finishClean()
    }

    @Test("a close-delimited body is complete at the close, also after a TLS unclean shutdown")
    func closeDelimited() throws {
        let h = try Harness()
        try h.handshake()
        try h.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nversion: STSv1\r\n")
        #expect(h.result == nil)
        h.channel.pipeline.fireErrorCaught(NIOSSLError.uncleanShutdown)
        #expect(h.result == nil, "a ragged EOF is judged by the HTTP framing")
        h.channel.pipeline.fireChannelInactive()
        #expect(h.result?.failure == nil)
        #expect(h.result?.body == Array("version: STSv1\r\n".utf8))
        try h.finishClean()
    }

    @Test("a 301 is recorded with its Location and not followed: one request (finishClean), polite close")
    func redirect() throws {
        let h = try Harness()
        try h.handshake()
        try h.drip("HTTP/1.1 301 Moved Permanently\r\nLocation: https://elsewhere.example/policy\r\nContent-Length: 0\r\n\r\n")
        let outcome = try #require(h.result)
        #expect(outcome.failure == nil)
        #expect(outcome.status == 301)
        #expect(outcome.redirectLocation == "https://elsewhere.example/policy")
        #expect(outcome.body == [])
        #expect(h.standIn.closes == 1)
        try h.finishClean()
    }

    @Test("1xx responses are skipped; the final head counts")
    func informational() throws {
        let h = try Harness()
        try h.handshake()
        try h.send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        #expect(h.result?.status == 200)
        #expect(h.result?.body == Array("ok".utf8))
        try h.finishClean()
    }

    @Test("a reset after the request is `reset` at the response stage")
    func reset() throws {
        let h = try Harness()
        try h.handshake()
        h.channel.pipeline.fireErrorCaught(IOError(errnoCode: ECONNRESET, reason: "read"))
        #expect(h.result?.failure?.stage == .response)
        #expect(h.result?.failure?.kind == .reset)
        try h.finishClean()
    }

    @Test("the total budget counts from the start, including the connect")
    func totalIncludesConnect() throws {
        let channel = EmbeddedChannel()
        let loop = channel.embeddedEventLoop
        let startedAt = loop.now
        loop.advanceTime(by: .seconds(2))
        let promise = loop.makePromise(of: FetchOutcome.self)
        let fetcher = PolicyFetchHandler(
            conversation: PolicyFetchConversation(limits: .init(stepSeconds: 10, totalSeconds: 3, maxBodyBytes: 100)),
            request: PolicyFetcher.request(host: "h", port: 443), budget: .init(total: .seconds(3), startedAt: startedAt),
            promise: promise, closer: SocketCloser())
        try PolicyFetchPipeline.add(to: channel.pipeline.syncOperations, tls: nil, fetcher: fetcher, maxHeadBytes: 1024)
        channel.connect(to: try SocketAddress(ipAddress: "192.0.2.1", port: 443), promise: nil)
        var outcome: FetchOutcome?
        promise.futureResult.assumeIsolated().whenSuccess { outcome = $0 }
        loop.advanceTime(by: .milliseconds(999))
        #expect(outcome == nil)
        loop.advanceTime(by: .milliseconds(1))
        #expect(outcome?.failure?.stage == .handshake)
        #expect(outcome?.failure?.message.contains("total budget of 3 s") == true)
        _ = try channel.finish(acceptAlreadyClosed: true)
    }
}

import MTASTSCore
import NIOCore
import NIOEmbedded
import NIOSSL
import Testing
@testable import MTASTSProbe

/// The channel handler on an `EmbeddedChannel`: bytes in by hand, commands out, virtual time
/// for the budgets.
@Suite("SMTP probe handler (embedded channel)")
struct SMTPProbeHandlerTests {
    struct TestError: Error {}

    final class Harness {
        let channel = EmbeddedChannel()
        let promise: EventLoopPromise<SMTPProbeHandler.Completion>
        let handler: SMTPProbeHandler

        init(step: Int64 = 10, total: Int64 = 30, line: Int = 4096, tls: (@Sendable () throws -> NIOSSLHandler)? = nil) throws {
            promise = channel.embeddedEventLoop.makePromise()
            let makeTLS: @Sendable () throws -> NIOSSLHandler = tls ?? {
                try NIOSSLClientHandler(context: TLSClientSettings.context(minimum: .tlsv1), serverHostname: "mx.example.test")
            }
            handler = SMTPProbeHandler(
                conversation: SMTPConversation(ehloName: "probe.example.test", maxLineBytes: line, maxReplyBytes: 65536),
                budget: .init(step: .seconds(step), quit: .seconds(2), total: .seconds(total)), promise: promise,
                makeTLSHandler: makeTLS)
            try channel.pipeline.syncOperations.addHandler(handler)
            promise.futureResult.assumeIsolated().whenSuccess { [unowned self] in self.result = $0.outcome }
            channel.connect(to: try SocketAddress(ipAddress: "192.0.2.1", port: 25), promise: nil)
        }

        func send(_ text: String) throws { try send(Array(text.utf8)) }

        func send(_ bytes: [UInt8]) throws {
            guard channel.isActive else { return }
            try channel.writeInbound(channel.allocator.buffer(bytes: bytes))
        }

        /// Every command written so far, as text.
        func written() throws -> String {
            var out = ""
            while let buffer = try channel.readOutbound(as: ByteBuffer.self) { out += String(buffer: buffer) }
            return out
        }

        /// The outcome once the handler completed its promise.
        private(set) var result: SMTPConversation.Outcome?
    }

    @Test("a clear-text conversation fed one byte at a time: EHLO, no STARTTLS, QUIT, 221, closed")
    func byteByByte() throws {
        let h = try Harness()
        for byte in "220-mx.example.test\r\n220 ESMTP\r\n".utf8 { try h.send([byte]) }
        #expect(try h.written() == "EHLO probe.example.test\r\n")
        for byte in "250-mx.example.test\r\n250-SIZE 100\r\n250 8BITMIME\r\n".utf8 { try h.send([byte]) }
        #expect(try h.written() == "QUIT\r\n")
        #expect(h.channel.isActive)
        try h.send("221 2.0.0 bye\r\n")
        #expect(!h.channel.isActive, "closed after QUIT's reply")
        let outcome = try #require(h.result)
        #expect(outcome.starttlsOffered == false)
        #expect(outcome.extensions == ["SIZE", "8BITMIME"])
        #expect(outcome.failure == nil)
    }

    @Test("STARTTLS 220 puts TLS in place at once: the next bytes out are a ClientHello; plain text back fails the handshake")
    func startTLSThenPlainText() throws {
        let h = try Harness()
        try h.send("220 hi\r\n")
        try h.send("250-hi\r\n250 STARTTLS\r\n")
        #expect(try h.written() == "EHLO probe.example.test\r\nSTARTTLS\r\n")
        try h.send("220 2.0.0 ready\r\n")
        let hello = try #require(try h.channel.readOutbound(as: ByteBuffer.self))
        #expect(hello.getInteger(at: hello.readerIndex, as: UInt8.self) == 0x16, "a TLS handshake record")
        try h.send("this is not TLS\r\n")
        let outcome = try #require(h.result)
        #expect(outcome.failure?.stage == .handshake)
        #expect(outcome.failure?.kind == .tls)
        #expect(!outcome.tlsEstablished)
        #expect(!h.channel.isActive)
    }

    @Test("a TLS handler that cannot be made is a TLS failure, not a crash")
    func tlsHandlerFails() throws {
        let h = try Harness(tls: { throw TestError() })
        try h.send("220 hi\r\n")
        try h.send("250-hi\r\n250 STARTTLS\r\n")
        try h.send("220 go\r\n")
        let outcome = try #require(h.result)
        #expect(outcome.failure?.stage == .handshake)
        #expect(outcome.failure?.kind == .tls)
        #expect(outcome.failure?.message.contains("cannot start TLS") == true)
    }

    @Test("each step has its budget: silence after the greeting times out at EHLO after exactly the step timeout")
    func stepTimeout() throws {
        let h = try Harness(step: 2)
        try h.send("220 hi\r\n")
        h.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1999))
        #expect(h.result == nil)
        h.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        let outcome = try #require(h.result)
        #expect(outcome.failure == ProbeFailure(stage: .ehlo, kind: .timeout, message: "no complete reply within 2 s"))
        #expect(!h.channel.isActive)
    }

    @Test("a drip does not reset the step budget")
    func dripDoesNotResetStep() throws {
        let h = try Harness(step: 1)
        for byte in "220 a very slow greeting".utf8 {
            try h.send([byte])
            h.channel.embeddedEventLoop.advanceTime(by: .milliseconds(200))
            if h.result != nil { break }
        }
        #expect(h.result?.failure?.stage == .banner)
        #expect(h.result?.failure?.kind == .timeout)
    }

    @Test("the whole conversation has its budget even when every step is in time")
    func totalTimeout() throws {
        let h = try Harness(step: 2, total: 3)
        h.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1500))
        try h.send("220 hi\r\n")
        h.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1500))
        let outcome = try #require(h.result)
        #expect(outcome.failure?.stage == .ehlo)
        #expect(outcome.failure?.kind == .timeout)
        #expect(outcome.failure?.message.contains("whole-probe budget") == true)
    }

    @Test("a 10 MB flood without line ends stops at the line limit, in the first chunk")
    func flood() throws {
        let h = try Harness(line: 4096)
        let chunk = [UInt8](repeating: UInt8(ascii: "2"), count: 3) + [UInt8](repeating: UInt8(ascii: " "), count: 65533)
        var chunks = 0
        while h.channel.isActive, chunks < 160 {
            try h.send(chunk)
            chunks += 1
        }
        #expect(chunks == 1)
        #expect(h.result?.failure?.kind == .protocolViolation)
        #expect(h.result?.failure?.message.contains("longer than 4096") == true)
    }

    @Test("EOF in the middle of the EHLO reply is `closed` at the EHLO stage")
    func eof() throws {
        let h = try Harness()
        try h.send("220 hi\r\n250-hi\r")
        #expect(h.result?.failure?.stage == .banner, "the 250 came before EHLO was sent")
        let g = try Harness()
        try g.send("220 hi\r\n")
        try g.send("250-hi\r\n")
        g.channel.pipeline.fireChannelInactive()
        #expect(g.result?.failure == ProbeFailure(stage: .ehlo, kind: .closed, message: "the server closed the connection in the middle of a reply"))
    }
}

import MTASTSCore
import Testing
@testable import MTASTSProbe

/// The conversation state machine without sockets: replies in, commands out.
@Suite("SMTP conversation")
struct SMTPConversationTests {
    func conversation(line: Int = 512, reply: Int = 4096) -> SMTPConversation {
        SMTPConversation(ehloName: "probe.example.test", maxLineBytes: line, maxReplyBytes: reply)
    }

    @Test("the full STARTTLS path: banner, EHLO, STARTTLS, TLS, QUIT over TLS, 221")
    func happyPath() {
        var c = conversation()
        #expect(c.receive(Array("220-mx.example.test ESMTP\r\n220 welcome\r\n".utf8)) == [.send("EHLO probe.example.test")])
        #expect(c.phase == .ehlo)
        #expect(c.receive(Array("250-mx.example.test\r\n250-pipelining\r\n250-SIZE 1000\r\n250 starttls\r\n".utf8)) == [.send("STARTTLS")])
        #expect(c.receive(Array("220 2.0.0 go ahead\r\n".utf8)) == [.startTLS])
        #expect(c.phase == .handshake)
        #expect(c.tlsEstablished(version: "TLSv1.3") == [.send("QUIT")])
        #expect(c.receive(Array("221 bye\r\n".utf8)) == [.close])
        #expect(c.isFinished)
        let outcome = c.result
        #expect(outcome.banner == "mx.example.test ESMTP\nwelcome")
        #expect(outcome.extensions == ["PIPELINING", "SIZE", "STARTTLS"])
        #expect(outcome.starttlsOffered == true)
        #expect(outcome.tlsEstablished && outcome.tlsVersion == "TLSv1.3")
        #expect(outcome.failure == nil)
        #expect(outcome.transcript == [
            "S: 220-mx.example.test ESMTP", "S: 220 welcome", "C: EHLO probe.example.test", "S: 250-mx.example.test",
            "S: 250-pipelining", "S: 250-SIZE 1000", "S: 250 starttls", "C: STARTTLS", "S: 220 2.0.0 go ahead", "C: QUIT",
            "S: 221 bye",
        ])
    }

    @Test("no STARTTLS in EHLO: QUIT in clear, starttlsOffered false, no failure")
    func noStarttls() {
        var c = conversation()
        _ = c.receive(Array("220 hi\r\n".utf8))
        #expect(c.receive(Array("250-hi\r\n250 8BITMIME\r\n".utf8)) == [.send("QUIT")])
        #expect(c.connectionClosed() == [.close], "a close after QUIT is fine")
        #expect(c.result.starttlsOffered == false)
        #expect(c.result.extensions == ["8BITMIME"])
        #expect(c.result.failure == nil)
    }

    @Test("a 554 greeting is a failure at the banner stage, followed by a polite QUIT")
    func banner554() {
        var c = conversation()
        #expect(c.receive(Array("554 5.3.2 no service here\r\n".utf8)) == [.send("QUIT")])
        #expect(c.receive(Array("221 bye\r\n".utf8)) == [.close])
        #expect(c.result.failure?.stage == .banner)
        #expect(c.result.failure?.kind == .protocolViolation)
        #expect(c.result.failure?.message.contains("554") == true)
        #expect(c.result.banner == nil)
        #expect(c.result.starttlsOffered == nil)
    }

    @Test("EHLO refused is a failure at the EHLO stage")
    func ehloRefused() {
        var c = conversation()
        _ = c.receive(Array("220 hi\r\n".utf8))
        #expect(c.receive(Array("502 5.5.1 command not implemented\r\n".utf8)) == [.send("QUIT")])
        #expect(c.result.failure?.stage == .ehlo)
        #expect(c.result.starttlsOffered == nil)
    }

    @Test("STARTTLS answered 454 is a failure at the STARTTLS stage")
    func starttls454() {
        var c = conversation()
        _ = c.receive(Array("220 hi\r\n".utf8))
        _ = c.receive(Array("250-hi\r\n250 STARTTLS\r\n".utf8))
        #expect(c.receive(Array("454 4.7.0 TLS not available\r\n".utf8)) == [.send("QUIT")])
        #expect(c.result.failure?.stage == .starttls)
        #expect(c.result.failure?.message.contains("454") == true)
        #expect(c.result.starttlsOffered == true)
    }

    @Test("plain text right after STARTTLS's 220, in the same read, is refused (RFC 3207 §4.2)")
    func injectionAfter220() {
        var c = conversation()
        _ = c.receive(Array("220 hi\r\n".utf8))
        _ = c.receive(Array("250-hi\r\n250 STARTTLS\r\n".utf8))
        #expect(c.receive(Array("220 go\r\n250 injected\r\n".utf8)) == [.close])
        #expect(c.result.failure?.stage == .starttls)
        #expect(c.result.failure?.kind == .protocolViolation)
    }

    @Test("a second reply after the greeting, unasked, is a protocol violation at the banner stage")
    func unsolicited() {
        var c = conversation()
        #expect(c.receive(Array("220 hi\r\n250 what\r\n".utf8)) == [.close])
        #expect(c.result.failure?.stage == .banner)
        #expect(c.result.transcript.last == "S: 250 what\\x0D\\x0A")
        #expect(!c.result.transcript.contains("C: EHLO probe.example.test"), "the command was never sent")
    }

    @Test("garbage instead of a greeting fails at once and quotes the line")
    func garbage() {
        var c = conversation()
        #expect(c.receive(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8)) == [.close])
        #expect(c.result.failure?.stage == .banner)
        #expect(c.result.failure?.kind == .protocolViolation)
        #expect(c.result.transcript == ["S: HTTP/1.1 400 Bad Request"])
    }

    @Test("an overlong line and an oversized reply")
    func limits() {
        var c = conversation(line: 64, reply: 256)
        #expect(c.receive(Array("220 ".utf8) + [UInt8](repeating: 0x41, count: 100)) == [.close])
        #expect(c.result.failure?.kind == .protocolViolation)
        #expect(c.result.failure?.message.contains("longer than 64 bytes") == true)
        var d = conversation(line: 64, reply: 256)
        _ = d.receive(Array("220 hi\r\n".utf8))
        #expect(d.receive(Array(String(repeating: "250-KEYWORD\r\n", count: 100).utf8)) == [.close])
        #expect(d.result.failure?.stage == .ehlo)
        #expect(d.result.failure?.kind == .tooLarge)
    }

    @Test("EOF, timeouts and errors map to the stage they interrupt")
    func interruptions() {
        var a = conversation()
        _ = a.receive(Array("220 hi\r\n".utf8))
        #expect(a.connectionClosed() == [.close])
        #expect(a.result.failure == ProbeFailure(stage: .ehlo, kind: .closed, message: "the server closed the connection"))

        var b = conversation()
        _ = b.receive(Array("220-hi\r\n".utf8))
        _ = b.connectionClosed()
        #expect(b.result.failure?.message.contains("in the middle of a reply") == true)

        var c = conversation()
        _ = c.timedOut("no complete reply within 1 s")
        #expect(c.result.failure?.stage == .banner)
        #expect(c.result.failure?.kind == .timeout)

        var d = conversation()
        _ = d.receive(Array("220 hi\r\n".utf8))
        _ = d.receive(Array("250 STARTTLS\r\n".utf8))  // a one-line EHLO reply has no keywords
        #expect(d.result.starttlsOffered == false)

        var e = conversation()
        _ = e.receive(Array("220 hi\r\n".utf8))
        _ = e.receive(Array("250-hi\r\n250 STARTTLS\r\n".utf8))
        _ = e.receive(Array("220 go\r\n".utf8))
        #expect(e.tlsFailed("TLS handshake failed: wrong version number") == [.close])
        #expect(e.result.failure?.stage == .handshake)
        #expect(e.result.failure?.kind == .tls)
        #expect(e.timedOut("late") == [], "nothing after the end")
    }

    @Test("anything after QUIT is ignored: garbage, close, timeout")
    func afterQuit() {
        for ending in 0..<3 {
            var c = conversation()
            _ = c.receive(Array("220 hi\r\n".utf8))
            _ = c.receive(Array("250 hi\r\n".utf8))
            #expect(c.phase == .quit)
            switch ending {
            case 0: #expect(c.receive(Array("garbage\r\n".utf8)) == [.close])
            case 1: #expect(c.connectionClosed() == [.close])
            default: #expect(c.timedOut("quit") == [.close])
            }
            #expect(c.result.failure == nil)
        }
    }

    @Test("the transcript keeps the first and last lines of a long conversation, each line cut to 200")
    func transcriptBounds() {
        var c = conversation(line: 4096, reply: 1 << 20)
        _ = c.receive(Array("220 hi\r\n".utf8))
        let many = (0..<100).map { "250-KEY\($0)\r\n" }.joined() + "250-" + String(repeating: "x", count: 500) + "\r\n250 LAST\r\n"
        _ = c.receive(Array(many.utf8))
        let lines = c.result.transcript
        #expect(lines.count == 40)
        #expect(lines.first == "S: 220 hi")
        #expect(lines.last == "C: QUIT")
        #expect(lines.contains { $0.hasPrefix("… ") && $0.hasSuffix("line(s) omitted") })
        #expect(lines.allSatisfy { $0.count <= 200 })
        #expect(c.result.extensions.count == 101, "KEY1…KEY99, the long one, LAST (the first line is the greeting)")
    }

    @Test("the conversation fed one byte at a time gives the same outcome")
    func byteByByte() {
        let script: [(String, SMTPConversation.Action?)] = [
            ("220 hi there\r\n", .send("EHLO probe.example.test")),
            ("250-hi\r\n250-SIZE\r\n250 STARTTLS\r\n", .send("STARTTLS")),
            ("220 go\r\n", .startTLS),
        ]
        var c = conversation()
        for (text, expected) in script {
            var actions: [SMTPConversation.Action] = []
            for byte in text.utf8 { actions += c.receive([byte]) }
            #expect(actions == [expected].compactMap { $0 }, "\(text.debugDescription)")
        }
        #expect(c.phase == .handshake)
    }
}

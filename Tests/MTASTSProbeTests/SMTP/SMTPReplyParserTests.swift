import MTASTSCore
import Testing
@testable import MTASTSProbe

/// The reply parser alone, byte by byte (RFC 5321 §4.2).
@Suite("SMTP reply parser")
struct SMTPReplyParserTests {
    func parse(_ text: String, line: Int = 512, reply: Int = 4096) -> (replies: [SMTPReply], failure: SMTPReplyParser.Failure?) {
        var parser = SMTPReplyParser(maxLineBytes: line, maxReplyBytes: reply)
        return parser.parse(Array(text.utf8))
    }

    @Test("a one-line reply with CRLF")
    func oneLine() {
        let result = parse("220 mx.example.test ESMTP ready\r\n")
        #expect(result.failure == nil)
        #expect(result.replies == [SMTPReply(code: 220, texts: ["mx.example.test ESMTP ready"], lines: ["220 mx.example.test ESMTP ready"])])
    }

    @Test("a multi-line reply: 250- continuation lines end with 250 SP (RFC 5321 §4.2.1)")
    func multiLine() {
        let result = parse("250-mx.example.test hello\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 STARTTLS\r\n")
        #expect(result.failure == nil)
        #expect(result.replies.count == 1)
        #expect(result.replies.first?.code == 250)
        #expect(result.replies.first?.texts == ["mx.example.test hello", "PIPELINING", "SIZE 10240000", "STARTTLS"])
    }

    @Test("bare LF line ends are accepted, and mixed with CRLF")
    func bareLF() {
        let result = parse("250-a\n250-b\r\n250 c\n")
        #expect(result.failure == nil)
        #expect(result.replies.first?.texts == ["a", "b", "c"])
    }

    @Test("code-only lines and empty continuation text")
    func codeOnly() {
        let result = parse("250-\r\n250\r\n221\n")
        #expect(result.failure == nil)
        #expect(result.replies.map(\.code) == [250, 221])
        #expect(result.replies.first?.texts == ["", ""])
    }

    @Test("several replies in one read come out in order")
    func several() {
        #expect(parse("220 a\r\n250 b\r\n221 c\r\n").replies.map(\.code) == [220, 250, 221])
    }

    @Test("a multi-line reply whose code changes is a protocol violation")
    func codeChanged() {
        let result = parse("250-first\r\n251 second\r\n")
        #expect(result.failure == .codeChanged(expected: 250, found: 251))
        #expect(result.failure?.kind == .protocolViolation)
    }

    @Test("garbage fails at its first byte that cannot start a reply", arguments: [
        ("HTTP/1.1 400 Bad Request\r\n", 1), ("SSH-2.0-OpenSSH\r\n", 1), ("199 too low\r\n", 1), ("600 too high\r\n", 1),
        ("260 second digit\r\n", 2), ("25x\r\n", 3), ("250_underscore\r\n", 4), ("\r\n", nil), ("25\r\n", nil),
        ("250\rX\r\n", nil),
    ] as [(String, Int?)])
    func garbage(text: String, failsAt: Int?) {
        var parser = SMTPReplyParser(maxLineBytes: 512, maxReplyBytes: 4096)
        var consumed = 0
        var failure: SMTPReplyParser.Failure?
        for byte in text.utf8 {
            consumed += 1
            if case .failure(let found) = parser.consume(byte) {
                failure = found
                break
            }
        }
        guard case .malformed = failure else {
            Issue.record("expected malformed for \(text.debugDescription), got \(String(describing: failure))")
            return
        }
        if let failsAt { #expect(consumed == failsAt, "\(text.debugDescription)") }
        #expect(parser.consume(UInt8(ascii: "2")) == nil, "nothing is consumed after a failure")
    }

    @Test("a line longer than the limit fails before its end; the limit includes CRLF")
    func overlongLine() {
        // "250 abcd" + CRLF is 10 bytes: fits a 10-byte limit; one more byte does not.
        #expect(parse("250 abcd\r\n", line: 10).failure == nil)
        #expect(parse("250 abcde\r\n", line: 10).failure == .lineTooLong(limit: 10))
        var parser = SMTPReplyParser(maxLineBytes: 100, maxReplyBytes: 1000)
        let result = parser.parse(Array("250 ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(result.failure == .lineTooLong(limit: 100))
        #expect(parser.partialLine.count <= 100, "never buffers beyond the line limit")
    }

    @Test("a reply larger than the limit is too large, even with short lines")
    func tooLarge() {
        let text = String(repeating: "250-x\r\n", count: 1000) + "250 end\r\n"
        let result = parse(text, line: 512, reply: 1000)
        #expect(result.failure == .replyTooLarge(limit: 1000))
        #expect(result.failure?.kind == .tooLarge)
        #expect(parse(text, line: 512, reply: 8000).failure == nil)
    }

    @Test("a reply split at every byte boundary parses the same")
    func everySplit() {
        let text = Array("220-mx.example.test\r\n220 ready\n250-x\r\n250 STARTTLS\r\n".utf8)
        var whole = SMTPReplyParser(maxLineBytes: 512, maxReplyBytes: 4096)
        let expected = whole.parse(text).replies
        #expect(expected.count == 2)
        for first in 0...text.count {
            for second in first...text.count {
                var parser = SMTPReplyParser(maxLineBytes: 512, maxReplyBytes: 4096)
                var replies: [SMTPReply] = []
                for part in [text[..<first], text[first..<second], text[second...]] {
                    let result = parser.parse(part)
                    #expect(result.failure == nil)
                    replies += result.replies
                }
                #expect(replies == expected, "split at \(first), \(second)")
            }
        }
    }

    @Test("server text is made printable: control bytes, escapes and non-ASCII are escaped")
    func printable() {
        let result = parse("220 hi\u{1B}[31m red \u{7F} é\ttab\r\n")
        #expect(result.replies.first?.texts == ["hi\\x1B[31m red \\x7F \\xC3\\xA9 tab"])
    }

    @Test("the idle state tells a clean boundary from a reply in progress")
    func idle() {
        var parser = SMTPReplyParser(maxLineBytes: 512, maxReplyBytes: 4096)
        #expect(parser.isIdle)
        _ = parser.parse(Array("250-a\r\n".utf8))
        #expect(!parser.isIdle)
        _ = parser.parse(Array("250 b\r\n".utf8))
        #expect(parser.isIdle)
        _ = parser.parse(Array("25".utf8))
        #expect(!parser.isIdle)
    }
}

import MTASTSCore

/// A byte-fed parser of SMTP replies (RFC 5321 §4.2), bounded in memory: it holds at most one
/// line (`maxLineBytes`) plus the lines of the reply in progress (`maxReplyBytes`), and fails
/// as soon as a limit is crossed or a byte cannot start a reply line, so a hostile server
/// sending megabytes is stopped after a few kilobytes at most.
///
/// Accepted: CRLF and bare LF line ends (senders are lenient about the latter), code-only lines
/// (`250`), empty continuation text (`250-`). Rejected: a line not starting with a reply code
/// `%x32-35 %x30-35 %x30-39` followed by SP, `-` or the line end (RFC 5321 §4.2), a code
/// that changes inside a multi-line reply (RFC 5321 §4.2.1), a line longer than
/// `maxLineBytes` including its CRLF (RFC 5321 §4.5.3.1.5 sets 512; the limit is generous),
/// a reply larger than `maxReplyBytes`.
struct SMTPReplyParser: Sendable {
    enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// A line reached `limit` bytes without a line end.
        case lineTooLong(limit: Int)
        /// The lines of one reply added up to more than `limit` bytes.
        case replyTooLarge(limit: Int)
        /// The bytes cannot be an SMTP reply line; `reason` says why.
        case malformed(reason: String)
        /// A line of a multi-line reply carries another code than the first.
        case codeChanged(expected: Int, found: Int)

        var kind: ProbeFailure.Kind {
            switch self {
            case .replyTooLarge: .tooLarge
            case .lineTooLong, .malformed, .codeChanged: .protocolViolation
            }
        }

        var description: String {
            switch self {
            case .lineTooLong(let limit):
                "reply line longer than \(limit) bytes (RFC 5321 §4.5.3.1.5)"
            case .replyTooLarge(let limit):
                "reply larger than \(limit) bytes"
            case .malformed(let reason):
                "not an SMTP reply (RFC 5321 §4.2): \(reason)"
            case .codeChanged(let expected, let found):
                "multi-line reply changed its code from \(expected) to \(found) (RFC 5321 §4.2.1)"
            }
        }
    }

    enum Event: Hashable, Sendable {
        /// A complete line; `reply` is set when it was the last line of a reply.
        case line(SMTPReplyLine, reply: SMTPReply?)
        /// The input cannot be parsed further; the parser consumes nothing after this.
        case failure(Failure)
    }

    let maxLineBytes: Int
    let maxReplyBytes: Int

    /// The line in progress, without its LF (a trailing CR is kept until the LF arrives).
    private(set) var partialLine: [UInt8] = []
    /// Complete continuation lines of the reply in progress.
    private var pending: [SMTPReplyLine] = []
    /// Bytes of the reply in progress, line ends included.
    private var replyBytes = 0
    private(set) var failure: Failure?

    init(maxLineBytes: Int, maxReplyBytes: Int) {
        self.maxLineBytes = max(maxLineBytes, 8)
        self.maxReplyBytes = max(maxReplyBytes, self.maxLineBytes)
    }

    /// Nothing buffered: no partial line and no unfinished multi-line reply.
    var isIdle: Bool { partialLine.isEmpty && pending.isEmpty && failure == nil }

    /// Consumes one byte. Returns an event when a line completes or the input turns out bad.
    mutating func consume(_ byte: UInt8) -> Event? {
        guard failure == nil else { return nil }
        replyBytes += 1
        if replyBytes > maxReplyBytes { return fail(.replyTooLarge(limit: maxReplyBytes)) }
        if byte == UInt8(ascii: "\n") { return finishLine() }
        partialLine.append(byte)
        // Reject early what cannot start a reply line, so garbage fails at its first bytes.
        let position = partialLine.count - 1
        switch position {
        case 0 where !(UInt8(ascii: "2")...UInt8(ascii: "5")).contains(byte),
            1 where !(UInt8(ascii: "0")...UInt8(ascii: "5")).contains(byte),
            2 where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return fail(.malformed(reason: "a line must begin with a reply code 200-559, got \"\(SMTPText.printable(partialLine))\""))
        case 3 where ![UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\r")].contains(byte):
            return fail(.malformed(reason: "the reply code must be followed by SP, \"-\" or CRLF, got \"\(SMTPText.printable(partialLine))\""))
        default: break
        }
        // The line and its LF must fit in maxLineBytes.
        if partialLine.count >= maxLineBytes { return fail(.lineTooLong(limit: maxLineBytes)) }
        return nil
    }

    /// Consumes bytes until the input ends or fails: every complete reply, and the failure.
    mutating func parse<Bytes: Sequence>(_ bytes: Bytes) -> (replies: [SMTPReply], failure: Failure?)
    where Bytes.Element == UInt8 {
        var replies: [SMTPReply] = []
        for byte in bytes {
            switch consume(byte) {
            case .line(_, let reply?): replies.append(reply)
            case .failure(let failure): return (replies, failure)
            case .line(_, reply: nil), nil: continue
            }
        }
        return (replies, failure)
    }

    private mutating func finishLine() -> Event {
        var bytes = partialLine
        partialLine.removeAll(keepingCapacity: true)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard bytes.count >= 3 else {
            return fail(.malformed(reason: bytes.isEmpty ? "empty line" : "line too short: \"\(SMTPText.printable(bytes))\""))
        }
        if bytes.count > 3, bytes[3] != UInt8(ascii: " "), bytes[3] != UInt8(ascii: "-") {
            return fail(.malformed(reason: "bare CR after the reply code: \"\(SMTPText.printable(bytes))\""))
        }
        let code = bytes[0..<3].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let isLast = bytes.count == 3 || bytes[3] == UInt8(ascii: " ")
        if let first = pending.first, first.code != code {
            return fail(.codeChanged(expected: first.code, found: code))
        }
        let line = SMTPReplyLine(
            code: code, isLast: isLast, text: SMTPText.printable(bytes.dropFirst(4)), line: SMTPText.printable(bytes))
        guard isLast else {
            pending.append(line)
            return .line(line, reply: nil)
        }
        let all = pending + [line]
        pending.removeAll()
        replyBytes = 0
        return .line(line, reply: SMTPReply(code: code, texts: all.map(\.text), lines: all.map(\.line)))
    }

    private mutating func fail(_ failure: Failure) -> Event {
        self.failure = failure
        return .failure(failure)
    }
}

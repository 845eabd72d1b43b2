import MTASTSCore

/// The client side of one probe conversation as a pure state machine: bytes and events in,
/// actions out, no I/O. ``SMTPProbeHandler`` feeds it from a channel and performs its actions,
/// so every step, including hostile servers, is tested without sockets.
///
/// The conversation (RFC 5321 §3.1, §4.1.1.1; RFC 3207 §4; RFC 8461 §4.2):
/// 1. wait for the greeting, `220` (RFC 5321 §3.1, §4.3.2); anything else ends the probe,
///    after a polite `QUIT` ("the client SHOULD … send QUIT", RFC 5321 §3.1);
/// 2. `EHLO name` (RFC 5321 §4.1.1.1), keep the keywords of the `250` lines after the first;
/// 3. when `STARTTLS` is among them, `STARTTLS` and expect `220` (RFC 3207 §4), then the TLS
///    handshake (``Action/startTLS``); RFC 8461 §4.2 requires it to succeed with a valid
///    certificate, which the core judges from what is recorded here;
/// 4. `QUIT` (RFC 5321 §4.1.1.10), over TLS when it was established, best effort: what happens
///    after `QUIT` is never a failure.
struct SMTPConversation: Sendable {
    enum Phase: Sendable, Hashable {
        case banner, ehlo, starttls, handshake, quit, finished

        var stage: ProbeFailure.Stage {
            switch self {
            case .banner: .banner
            case .ehlo: .ehlo
            case .starttls: .starttls
            case .handshake: .handshake
            case .quit, .finished: .quit
            }
        }
    }

    enum Action: Sendable, Hashable {
        /// Write this command followed by CRLF.
        case send(String)
        /// Put TLS under the conversation now, before any further byte is read
        /// (RFC 3207 §4.2: the handshake starts right after the `220`).
        case startTLS
        /// The conversation is over: close the connection.
        case close
    }

    /// What the conversation observed, for ``SMTPProbe``.
    struct Outcome: Sendable, Hashable {
        var banner: String?
        var extensions: [String] = []
        var starttlsOffered: Bool?
        var tlsEstablished = false
        var tlsVersion: String?
        var failure: ProbeFailure?
        var transcript: [String] = []
    }

    let ehloName: String
    private(set) var phase: Phase = .banner
    private var parser: SMTPReplyParser
    private var log: SMTPTranscript
    private var outcome = Outcome()

    init(ehloName: String, maxLineBytes: Int, maxReplyBytes: Int, transcriptLimit: Int = 40, transcriptLineLimit: Int = 200) {
        self.ehloName = ehloName
        parser = SMTPReplyParser(maxLineBytes: maxLineBytes, maxReplyBytes: maxReplyBytes)
        log = SMTPTranscript(limit: transcriptLimit, lineLimit: transcriptLineLimit)
    }

    var result: Outcome {
        var result = outcome
        result.transcript = log.lines
        return result
    }

    var isFinished: Bool { phase == .finished }

    // MARK: - Input

    /// Bytes from the server (decrypted, once TLS is up).
    mutating func receive<Bytes: Collection>(_ bytes: Bytes) -> [Action] where Bytes.Element == UInt8 {
        guard phase != .finished, !bytes.isEmpty else { return [] }
        if phase == .handshake {
            // Only the TLS layer reads until the handshake completes; clear text here means the
            // TLS handler was not put in place in time.
            log.server(SMTPText.printable(bytes.prefix(160), limit: 160))
            return fail(.protocolViolation, "data arrived before the TLS handshake completed")
        }
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            guard let event = parser.consume(byte) else { continue }
            switch event {
            case .failure(let failure):
                log.server(evidence(parser.partialLine, then: bytes[index...]))
                if phase == .quit { return finish() }
                return fail(failure.kind, failure.description)
            case .line(let line, let reply):
                log.server(line.line)
                guard let reply else { continue }
                let replyPhase = phase
                let actions = handle(reply)
                // After QUIT (or the decision to send it) nothing the server says matters.
                guard index != bytes.endIndex, phase != .finished, phase != .quit else { return logged(actions) }
                // Without PIPELINING the server answers each command with exactly one reply
                // (RFC 5321 §4.2): bytes after the reply in the same read were sent before the
                // next command. After STARTTLS's 220 they would be taken as if they came over TLS
                // (RFC 3207 §4.2; the plaintext injection attack).
                log.server(SMTPText.printable(bytes[index...].prefix(160), limit: 160))
                let after = replyPhase == .starttls
                    ? "the 220 to STARTTLS, before the TLS handshake (RFC 3207 §4.2)"
                    : "its reply, before the next command (RFC 5321 §4.2)"
                outcome.failure = ProbeFailure(
                    stage: replyPhase.stage, kind: .protocolViolation, message: "the server sent data after \(after)")
                return finish()
            }
        }
        return []
    }

    /// The TLS handshake completed (`TLSUserEvent.handshakeCompleted`).
    mutating func tlsEstablished(version: String?) -> [Action] {
        guard phase == .handshake else { return [] }
        outcome.tlsEstablished = true
        outcome.tlsVersion = version
        // RFC 3207 §4.2: nothing learnt before TLS carries over; start from a clean parser.
        parser = SMTPReplyParser(maxLineBytes: parser.maxLineBytes, maxReplyBytes: parser.maxReplyBytes)
        return logged(quit())
    }

    /// The TLS layer failed (handshake error, or an error after it).
    mutating func tlsFailed(_ message: String) -> [Action] {
        switch phase {
        case .handshake: return fail(.tls, message)
        case .quit: return finish()
        default: return networkError(.tls, message)
        }
    }

    /// The server closed the connection (EOF).
    mutating func connectionClosed() -> [Action] {
        switch phase {
        case .finished: return []
        case .quit: return finish()
        default:
            let midReply = parser.isIdle ? "" : " in the middle of a reply"
            return fail(.closed, "the server closed the connection\(midReply)")
        }
    }

    /// A network error (reset, …).
    mutating func networkError(_ kind: ProbeFailure.Kind, _ message: String) -> [Action] {
        switch phase {
        case .finished: return []
        case .quit: return finish()
        default: return fail(kind, message)
        }
    }

    /// The step or the whole conversation ran out of time.
    mutating func timedOut(_ message: String) -> [Action] {
        switch phase {
        case .finished: return []
        case .quit: return finish()
        default: return fail(.timeout, message)
        }
    }

    // MARK: - Steps

    private mutating func handle(_ reply: SMTPReply) -> [Action] {
        switch phase {
        case .banner:
            // RFC 5321 §3.1, §4.3.2: the greeting is 220; 554 (or anything else) means no service.
            guard reply.code == 220 else {
                record(.protocolViolation, "the greeting was \(reply.code), not 220 (RFC 5321 §3.1): \(summary(reply))")
                return quit()
            }
            outcome.banner = reply.texts.joined(separator: "\n")
            phase = .ehlo
            return send("EHLO " + ehloName)
        case .ehlo:
            // RFC 5321 §4.1.1.1: 250, first line the server's name, then one keyword per line.
            guard reply.code == 250 else {
                record(.protocolViolation, "EHLO was answered \(reply.code), not 250 (RFC 5321 §4.1.1.1): \(summary(reply))")
                return quit()
            }
            outcome.extensions = Self.keywords(reply)
            let offered = outcome.extensions.contains("STARTTLS")
            outcome.starttlsOffered = offered
            guard offered else { return quit() }
            phase = .starttls
            return send("STARTTLS")
        case .starttls:
            // RFC 3207 §4: 220 ready to start TLS; 454 TLS not available, 501 syntax error.
            guard reply.code == 220 else {
                record(.protocolViolation, "STARTTLS was answered \(reply.code), not 220 (RFC 3207 §4): \(summary(reply))")
                return quit()
            }
            phase = .handshake
            return [.startTLS]
        case .quit:
            return finish()
        case .handshake, .finished:
            return []
        }
    }

    /// EHLO keywords (RFC 5321 §4.1.1.1 `ehlo-keyword`), upper-cased, from the lines after the
    /// greeting line; duplicates dropped.
    static func keywords(_ reply: SMTPReply) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for text in reply.texts.dropFirst() {
            guard let token = text.split(separator: " ", maxSplits: 1).first else { continue }
            let keyword = String(token.prefix(64)).uppercased()
            if seen.insert(keyword).inserted { out.append(keyword) }
        }
        return out
    }

    private func send(_ command: String) -> [Action] { [.send(command)] }

    /// Records the commands about to be sent in the transcript.
    private mutating func logged(_ actions: [Action]) -> [Action] {
        for case .send(let command) in actions { log.client(command) }
        return actions
    }

    private mutating func quit() -> [Action] {
        phase = .quit
        return send("QUIT")
    }

    private mutating func finish() -> [Action] {
        phase = .finished
        return [.close]
    }

    private mutating func record(_ kind: ProbeFailure.Kind, _ message: String) {
        if outcome.failure == nil {
            outcome.failure = ProbeFailure(stage: phase.stage, kind: kind, message: message)
        }
    }

    private mutating func fail(_ kind: ProbeFailure.Kind, _ message: String) -> [Action] {
        record(kind, message)
        return finish()
    }

    private func summary(_ reply: SMTPReply) -> String {
        SMTPText.truncated(reply.lines.joined(separator: " | "), limit: 160)
    }

    /// The offending line for the transcript: what the parser holds plus what follows it in the
    /// same read, up to the line end.
    private func evidence<Rest: Collection>(_ partial: [UInt8], then rest: Rest) -> String where Rest.Element == UInt8 {
        var bytes = Array(partial.prefix(160))
        if bytes.count < 160 {
            bytes += rest.prefix(160 - bytes.count).prefix { $0 != UInt8(ascii: "\n") }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return SMTPText.printable(bytes, limit: 160)
    }
}

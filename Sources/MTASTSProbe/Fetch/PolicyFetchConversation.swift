import MTASTSCore

/// One policy fetch (RFC 8461 §3.3) as a pure state machine: events in, actions out, no I/O.
/// ``PolicyFetchHandler`` feeds it from a channel and performs its actions, so every step,
/// including hostile servers, is tested without sockets.
///
/// The exchange:
/// 1. the TCP connection is up (``channelActive()``): wait for the TLS handshake;
/// 2. the handshake completed: send the request (``Action/sendRequest``) and wait for the head;
/// 3. the head (RFC 9112 §6: `HTTPResponseDecoder` frames Content-Length, chunked and
///    close-delimited bodies): record status and headers; a 3xx `Location` is recorded, never
///    followed ("HTTP 3xx redirects MUST NOT be followed", RFC 8461 §3.3);
/// 4. the body, up to `maxBodyBytes` (RFC 8461 §3.3: senders "SHOULD" limit the policy body);
///    more than that is cut at the limit and the connection dropped;
/// 5. the end of the response: done, closed politely.
///
/// Budgets: one step timer (handshake, response head, each gap between body reads), restarted by
/// ``Action/startStepTimer``, and one total budget the handler counts; both come back as
/// ``stepTimedOut()`` and ``totalTimedOut()``.
struct PolicyFetchConversation: Sendable {
    enum Phase: Sendable, Hashable {
        case connect, handshake, response, body, finished
    }

    enum CloseMode: Sendable, Hashable {
        /// A complete response: TLS close_notify, not awaited.
        case polite
        /// A truncated body, a timeout or an error: drop the TCP connection at once, under TLS,
        /// so nothing more is read or waited for.
        case immediately
    }

    enum Action: Sendable, Hashable {
        /// Write the request (head and end).
        case sendRequest
        /// (Re)start the step timer: cancel the running one, start a new one of the step budget.
        case startStepTimer
        /// Close the connection.
        case close(CloseMode)
        /// The fetch is over with this outcome (returned exactly once).
        case finish(FetchOutcome)
    }

    struct Limits: Sendable, Hashable {
        /// The step budget, in seconds (the handler's timer and the messages).
        var stepSeconds: Double
        /// The whole exchange, in seconds.
        var totalSeconds: Double
        var maxBodyBytes: Int
    }

    let limits: Limits
    private(set) var phase: Phase = .connect
    private var outcome = FetchOutcome()
    /// What did not happen when the step timer fires.
    private var pendingStep = ""

    init(limits: Limits) {
        self.limits = limits
    }

    var isFinished: Bool { phase == .finished }

    /// The final (non-1xx) response head has been received (``HeadSizeLimiter`` stops counting).
    var headReceived: Bool { outcome.status != nil }

    /// Where the exchange stands, for failures raised outside (error classification).
    var stage: ProbeFailure.Stage {
        switch phase {
        case .connect: .connect
        case .handshake: .handshake
        case .response: .response
        case .body, .finished: .body
        }
    }

    // MARK: - Events

    /// The TCP connection is up; the TLS handshake starts (NIOSSL passes channelActive on first).
    mutating func channelActive() -> [Action] {
        guard phase == .connect else { return [] }
        phase = .handshake
        return step("no TLS handshake completed")
    }

    /// The TLS handshake completed (`TLSUserEvent.handshakeCompleted`). The presented chain is
    /// kept by ``PeerChainRecorder``, which sees it also when the handshake fails.
    mutating func handshakeCompleted(tlsVersion: String?) -> [Action] {
        guard phase == .handshake else { return [] }
        outcome.handshakeCompleted = true
        outcome.tlsVersion = tlsVersion
        phase = .response
        return [.sendRequest] + step("no response head received")
    }

    /// The response head (the final one: 1xx are dropped by the decoder).
    mutating func head(status: Int, headers: [NameValue]) -> [Action] {
        guard phase == .response else { return [] }
        outcome.status = status
        outcome.headers = headers
        // RFC 9110 §15.4: the target of a redirect is in Location; RFC 8461 §3.3: "HTTP 3xx
        // redirects MUST NOT be followed", so it is only recorded.
        if (300..<400).contains(status) {
            outcome.redirectLocation = headers.first { $0.name.lowercased() == "location" }?.value
        }
        outcome.body = []
        phase = .body
        // The decoder stops at a protocol switch (RFC 9110 §15.2.2): there is no body.
        if status == 101 { return finish(failure: nil) }
        return step("no body data received")
    }

    /// A part of the body, as decoded (de-chunked) by the HTTP decoder.
    mutating func bodyPart<Bytes: Collection>(_ bytes: Bytes) -> [Action] where Bytes.Element == UInt8 {
        guard phase == .body else { return [] }
        let room = limits.maxBodyBytes - (outcome.body?.count ?? 0)
        if bytes.count > room {
            // More than the limit arrived: keep the first `maxBodyBytes`, stop reading now.
            outcome.body?.append(contentsOf: bytes.prefix(room))
            outcome.bodyTruncated = true
            return finish(failure: nil)
        }
        outcome.body?.append(contentsOf: bytes)
        return step("no body data received")
    }

    /// The end of the response.
    mutating func end() -> [Action] {
        guard phase == .body else { return [] }
        return finish(failure: nil)
    }

    /// The step timer fired.
    mutating func stepTimedOut() -> [Action] {
        guard phase != .finished else { return [] }
        return fail(.timeout, "\(pendingStep) within \(Self.secondsText(limits.stepSeconds))")
    }

    /// The total budget ran out.
    mutating func totalTimedOut() -> [Action] {
        guard phase != .finished else { return [] }
        let stage = stage
        return fail(.timeout, "the fetch did not complete within its total budget of "
            + "\(Self.secondsText(limits.totalSeconds)) (stopped during \(stage.rawValue))")
    }

    /// An error from the network, TLS or the HTTP decoder, already classified.
    mutating func failed(_ kind: ProbeFailure.Kind, _ message: String) -> [Action] {
        guard phase != .finished else { return [] }
        return fail(kind, message)
    }

    /// The connection closed (EOF). The decoder has already delivered ``end()`` for a
    /// close-delimited body (RFC 9112 §6.3 item 8); anything still open here ended too early.
    mutating func closed() -> [Action] {
        let message: String
        switch phase {
        case .finished: return []
        case .handshake: message = "the server closed the connection during the TLS handshake"
        case .response: message = "the server closed the connection before a complete response head"
        case .body: message = "the server closed the connection before the end of the body (\(outcome.body?.count ?? 0) bytes read)"
        case .connect: message = "the server closed the connection during connect"
        }
        return fail(.closed, message)
    }

    /// The handler left the pipeline. Before the connection is up, the connect error is
    /// reported by the caller.
    mutating func removed() -> [Action] {
        guard phase != .finished, phase != .connect else { return [] }
        return fail(.closed, "the connection went away during \(stage.rawValue)")
    }

    // MARK: -

    private mutating func step(_ what: String) -> [Action] {
        pendingStep = what
        return [.startStepTimer]
    }

    private mutating func fail(_ kind: ProbeFailure.Kind, _ message: String) -> [Action] {
        finish(failure: ProbeFailure(stage: stage, kind: kind, message: message))
    }

    private mutating func finish(failure: ProbeFailure?) -> [Action] {
        outcome.failure = failure
        phase = .finished
        let mode: CloseMode = failure == nil && !outcome.bodyTruncated ? .polite : .immediately
        return [.close(mode), .finish(outcome)]
    }

    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

import MTASTSCore
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOTLS

/// Drives one policy fetch on its channel: waits for the TLS handshake, sends the request,
/// collects the response (RFC 9112 §6: Content-Length, chunked and close-delimited bodies are
/// framed by `HTTPResponseDecoder`) and completes the promise exactly once.
///
/// Budgets (RFC 8461 §3.3 asks senders for timeouts and a size limit; we apply the same to
/// ourselves): one step timer (handshake, response head, each gap between body reads) and one
/// total deadline; a body beyond `maxBodyBytes` is cut there and the connection dropped at once.
final class PolicyFetchHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    struct Limits: Sendable {
        var stepTimeout: TimeAmount
        /// The whole exchange ends by then.
        var deadline: NIODeadline
        /// For messages only.
        var totalSeconds: Double
        var maxBodyBytes: Int
    }

    let request: HTTPRequestHead
    let limits: Limits
    let promise: EventLoopPromise<FetchOutcome>
    let closer: SocketCloser

    private var stage: ProbeFailure.Stage = .connect
    private var outcome = FetchOutcome()
    private var finished = false
    private var stepTimer: Scheduled<Void>?
    private var totalTimer: Scheduled<Void>?

    init(request: HTTPRequestHead, limits: Limits, promise: EventLoopPromise<FetchOutcome>, closer: SocketCloser) {
        self.request = request
        self.limits = limits
        self.promise = promise
        self.closer = closer
    }

    /// The final (non-1xx) response head has been decoded; ``HeadSizeLimiter`` stops counting.
    var headReceived: Bool { outcome.status != nil }

    func handlerAdded(context: ChannelHandlerContext) {
        totalTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: limits.deadline) { [self] in
            let seconds = Self.secondsText(limits.totalSeconds)
            finish(context: context, failure: ProbeFailure(
                stage: stage, kind: .timeout,
                message: "the fetch did not complete within its total budget of \(seconds) (stopped during \(stage.rawValue))"))
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stepTimer?.cancel()
        totalTimer?.cancel()
        // Before the connection is up, the connect error is reported by the caller.
        if stage != .connect {
            finish(context: context, failure: ProbeFailure(
                stage: stage, kind: .closed, message: "the connection went away during \(stage.rawValue)"))
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        // NIOSSL passes channelActive on before it starts the handshake.
        stage = .handshake
        startStep(context: context, "no TLS handshake completed")
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event, stage == .handshake {
            outcome.handshakeCompleted = true
            outcome.tlsVersion = try? context.pipeline.syncOperations.nioSSL_tlsVersion()
            stage = .request
            context.write(wrapOutboundOut(.head(request)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            stage = .response
            startStep(context: context, "no response head received")
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard stage == .response else { return }
            let status = Int(head.status.code)
            outcome.status = status
            outcome.headers = head.headers.map { NameValue(name: $0.name, value: $0.value) }
            // RFC 9110 §15.4: the target of a redirect is in Location; RFC 8461 §3.3: "HTTP 3xx
            // redirects MUST NOT be followed", so it is only recorded.
            if (300..<400).contains(status) { outcome.redirectLocation = head.headers.first(name: "Location") }
            outcome.body = []
            stage = .body
            if status == 101 {
                // The decoder stops at a protocol switch (RFC 9110 §15.2.2): there is no body.
                finish(context: context, failure: nil)
                return
            }
            startStep(context: context, "no body data received")
        case .body(var buffer):
            guard stage == .body else { return }
            let room = limits.maxBodyBytes - (outcome.body?.count ?? 0)
            if buffer.readableBytes > room {
                // More than the limit arrived: keep the first `maxBodyBytes`, stop reading now
                // (RFC 8461 §3.3: senders "SHOULD" limit the policy body; 64 KiB is suggested).
                outcome.body?.append(contentsOf: buffer.readBytes(length: room) ?? [])
                outcome.bodyTruncated = true
                finish(context: context, failure: nil)
                return
            }
            outcome.body?.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            startStep(context: context, "no body data received")
        case .end:
            guard stage == .body else { return }
            finish(context: context, failure: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !finished else { return }
        // A ragged EOF after the handshake (no close_notify) is how many servers end a
        // response; what it means depends on the HTTP framing, which channelInactive sees.
        if let error = error as? NIOSSLError, case .uncleanShutdown = error { return }
        finish(context: context, failure: FetchFailureClassifier.failure(
            for: error, stage: stage, context: nil, settings: nil))
    }

    func channelInactive(context: ChannelHandlerContext) {
        // The decoder has already delivered `.end` for a close-delimited body (RFC 9112 §6.3
        // item 8); anything still open here ended too early.
        if !finished {
            let message: String
            switch stage {
            case .handshake: message = "the server closed the connection during the TLS handshake"
            case .response, .request: message = "the server closed the connection before a complete response head"
            case .body: message = "the server closed the connection before the end of the body (\(outcome.body?.count ?? 0) bytes read)"
            default: message = "the server closed the connection during \(stage.rawValue)"
            }
            finish(context: context, failure: ProbeFailure(stage: stage, kind: .closed, message: message))
        }
        context.fireChannelInactive()
    }

    /// (Re)arms the step timer for the current stage.
    private func startStep(context: ChannelHandlerContext, _ what: String) {
        stepTimer?.cancel()
        let stage = stage
        let seconds = Self.secondsText(Double(limits.stepTimeout.nanoseconds) / 1e9)
        stepTimer = context.eventLoop.assumeIsolated().scheduleTask(in: limits.stepTimeout) { [self] in
            finish(context: context, failure: ProbeFailure(
                stage: stage, kind: .timeout, message: "\(what) within \(seconds)"))
        }
    }

    /// Completes the fetch once. A complete response is closed politely (TLS close_notify,
    /// not awaited); a truncated body, a timeout or an error drops the TCP connection at once,
    /// under TLS, so nothing more is read or waited for.
    private func finish(context: ChannelHandlerContext, failure: ProbeFailure?) {
        guard !finished else { return }
        finished = true
        stepTimer?.cancel()
        totalTimer?.cancel()
        outcome.failure = failure
        if failure == nil && !outcome.bodyTruncated {
            context.close(promise: nil)
        } else {
            closer.closeNow()
        }
        promise.succeed(outcome)
    }

    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// Counts the raw bytes that arrive before the response head is complete and fails the fetch
/// when they exceed `limit` (a status line without end, endless 1xx responses, a flood of
/// headers). RFC 9112 §2.3 lets a client bound what it accepts; the decoder's own header limits
/// do not cover the status line.
final class HeadSizeLimiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let limit: Int
    let fetcher: PolicyFetchHandler
    private var seen = 0
    private var reported = false

    init(limit: Int, fetcher: PolicyFetchHandler) {
        self.limit = limit
        self.fetcher = fetcher
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !fetcher.headReceived, !reported else {
            context.fireChannelRead(data)
            return
        }
        seen += unwrapInboundIn(data).readableBytes
        // The decoder parses synchronously: after this call the head is either complete or
        // longer than everything seen so far.
        context.fireChannelRead(data)
        if !fetcher.headReceived, seen > limit {
            reported = true
            context.fireErrorCaught(PolicyFetchError.headTooLarge(bytes: seen, limit: limit))
        }
    }
}

/// Sits first in the pipeline so a close issued from its context reaches the socket directly,
/// bypassing NIOSSL's orderly shutdown (which would wait for the server's close_notify while a
/// hostile server keeps sending).
final class SocketCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) { context.fireChannelRead(data) }

    func closeNow() { context?.close(mode: .all, promise: nil) }
}

/// Failures raised inside the fetch pipeline.
enum PolicyFetchError: Error, CustomStringConvertible {
    case headTooLarge(bytes: Int, limit: Int)

    var description: String {
        switch self {
        case .headTooLarge(let bytes, let limit):
            "the response head is larger than \(limit) bytes (\(bytes) bytes read without its end)"
        }
    }
}

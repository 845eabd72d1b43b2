import MTASTSCore
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOTLS

/// Glues a ``PolicyFetchConversation`` to a channel: feeds it the channel's events, the TLS
/// handshake and the decoded response parts, performs its actions (send the request, restart
/// the step timer, close, finish) and counts the total budget. Completes `promise` exactly once.
///
/// It sits last in the pipeline (``PolicyFetchPipeline``); NIOSSL in front of it gives the
/// handshake event, `HTTPResponseDecoder` the response parts (RFC 9112 §6 framing).
final class PolicyFetchHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    struct Budget: Sendable {
        /// The whole exchange, counted from `startedAt` (so the connect is included).
        var total: TimeAmount
        /// On the event loop's clock (`EventLoop.now`: virtual time on an `EmbeddedEventLoop`).
        var startedAt: NIODeadline
    }

    let request: HTTPRequestHead
    let budget: Budget
    let promise: EventLoopPromise<FetchOutcome>
    let closer: SocketCloser

    private var conversation: PolicyFetchConversation
    private let stepTimeout: TimeAmount
    private var stepTimer: Scheduled<Void>?
    private var totalTimer: Scheduled<Void>?

    init(
        conversation: PolicyFetchConversation, request: HTTPRequestHead, budget: Budget,
        promise: EventLoopPromise<FetchOutcome>, closer: SocketCloser
    ) {
        self.conversation = conversation
        self.request = request
        self.budget = budget
        self.promise = promise
        self.closer = closer
        stepTimeout = PolicyFetcher.timeAmount(conversation.limits.stepSeconds)
    }

    /// The final (non-1xx) response head has been decoded; ``HeadSizeLimiter`` stops counting.
    var headReceived: Bool { conversation.headReceived }

    func handlerAdded(context: ChannelHandlerContext) {
        let remaining = budget.total - (context.eventLoop.now - budget.startedAt)
        totalTimer = context.eventLoop.assumeIsolated().scheduleTask(in: max(remaining, .zero)) { [self] in
            perform(conversation.totalTimedOut(), context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimers()
        perform(conversation.removed(), context: context)
    }

    func channelActive(context: ChannelHandlerContext) {
        perform(conversation.channelActive(), context: context)
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            let version = try? context.pipeline.syncOperations.nioSSL_tlsVersion()
            perform(conversation.handshakeCompleted(tlsVersion: TLSClientSettings.name(version)), context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let headers = head.headers.map { NameValue(name: $0.name, value: $0.value) }
            perform(conversation.head(status: Int(head.status.code), headers: headers), context: context)
        case .body(let buffer):
            perform(conversation.bodyPart(buffer.readableBytesView), context: context)
        case .end:
            perform(conversation.end(), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A ragged EOF after the handshake (no close_notify) is how many servers end a
        // response; what it means depends on the HTTP framing, which channelInactive sees.
        if let error = error as? NIOSSLError, case .uncleanShutdown = error { return }
        let (kind, message) = FetchFailureClassifier.classify(error, stage: conversation.stage, settings: nil)
        perform(conversation.failed(kind, message), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(conversation.closed(), context: context)
        context.fireChannelInactive()
    }

    // MARK: -

    private func perform(_ actions: [PolicyFetchConversation.Action], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .sendRequest:
                context.write(wrapOutboundOut(.head(request)), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .startStepTimer:
                stepTimer?.cancel()
                stepTimer = context.eventLoop.assumeIsolated().scheduleTask(in: stepTimeout) { [self] in
                    perform(conversation.stepTimedOut(), context: context)
                }
            case .close(.polite):
                context.close(promise: nil)
            case .close(.immediately):
                closer.closeNow()
            case .finish(let outcome):
                cancelTimers()
                promise.succeed(outcome)
            }
        }
    }

    private func cancelTimers() {
        stepTimer?.cancel()
        totalTimer?.cancel()
        stepTimer = nil
        totalTimer = nil
    }
}

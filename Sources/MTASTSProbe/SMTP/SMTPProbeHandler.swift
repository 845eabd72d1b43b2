import MTASTSCore
import NIOCore
import NIOSSL
import NIOTLS

/// Glues an ``SMTPConversation`` to a channel: feeds it the bytes, events and errors, performs
/// its actions (write a command, put TLS under it, close), and enforces the budgets: each step
/// (a reply, the handshake) must complete within `step`, QUIT's reply is awaited at most `quit`,
/// the whole conversation within `total`. Completes `promise` exactly once with the outcome.
///
/// The TLS handler is added in front of this one when STARTTLS is answered 220, in the same
/// `channelRead`, so no byte after the 220 is read as clear text (RFC 3207 §4.2).
final class SMTPProbeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct Budget: Sendable {
        var step: TimeAmount
        var quit: TimeAmount
        /// The whole probe, counted from `startedAt` (so the connect is included).
        var total: TimeAmount
        var startedAt: NIODeadline = .now()
    }

    private var conversation: SMTPConversation
    private let budget: Budget
    private let makeTLSHandler: () throws -> NIOSSLHandler
    /// What the handler hands back: the outcome and when the conversation ended, taken on the
    /// event loop (so a busy task pool awaiting the result does not inflate the probe's time).
    struct Completion: Sendable {
        var outcome: SMTPConversation.Outcome
        var finishedAt: NIODeadline
    }

    private let promise: EventLoopPromise<Completion>
    private var tlsHandler: NIOSSLHandler?
    private var stepTimer: Scheduled<Void>?
    private var totalTimer: Scheduled<Void>?
    private var timedPhase: SMTPConversation.Phase?
    private var started = false
    private var completed = false

    init(
        conversation: SMTPConversation, budget: Budget, promise: EventLoopPromise<Completion>,
        makeTLSHandler: @escaping () throws -> NIOSSLHandler
    ) {
        self.conversation = conversation
        self.budget = budget
        self.promise = promise
        self.makeTLSHandler = makeTLSHandler
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = Self.unwrapInboundIn(data)
        perform(conversation.receive(buffer.readableBytesView), context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            perform(conversation.tlsEstablished(version: TLSClientSettings.name(tlsHandler?.tlsVersion)), context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let (kind, message) = SocketFailureClassifier.classify(error)
        if conversation.phase == .handshake || kind == .tls {
            // Whatever breaks the handshake (an alert, plain text, a reset) is a TLS failure.
            perform(conversation.tlsFailed(message), context: context)
        } else {
            perform(conversation.networkError(kind, message), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(conversation.connectionClosed(), context: context)
        complete()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if !conversation.isFinished {
            _ = conversation.networkError(.other, "the probe was interrupted")
        }
        complete()
    }

    // MARK: -

    private func start(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        let remaining = budget.total - (NIODeadline.now() - budget.startedAt)
        totalTimer = context.eventLoop.assumeIsolated().scheduleTask(in: max(remaining, .zero)) { [self] in
            let message = "the conversation did not finish within \(SocketFailureClassifier.seconds(budget.total)) (whole-probe budget)"
            perform(conversation.timedOut(message), context: context)
        }
        armStepTimer(context: context)
    }

    private func armStepTimer(context: ChannelHandlerContext) {
        let phase = conversation.phase
        guard phase != timedPhase else { return }
        timedPhase = phase
        stepTimer?.cancel()
        stepTimer = nil
        guard phase != .finished else { return }
        let amount = phase == .quit ? budget.quit : budget.step
        stepTimer = context.eventLoop.assumeIsolated().scheduleTask(in: amount) { [self] in
            let what = phase == .handshake ? "the TLS handshake did not complete" : "no complete reply"
            perform(conversation.timedOut("\(what) within \(SocketFailureClassifier.seconds(amount))"), context: context)
        }
    }

    private func perform(_ actions: [SMTPConversation.Action], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .send(let command):
                var buffer = context.channel.allocator.buffer(capacity: command.utf8.count + 2)
                buffer.writeString(command)
                buffer.writeString("\r\n")
                context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
            case .startTLS:
                do {
                    let handler = try makeTLSHandler()
                    tlsHandler = handler
                    try context.pipeline.syncOperations.addHandler(handler, position: .before(self))
                } catch {
                    perform(conversation.tlsFailed("cannot start TLS: \(error)"), context: context)
                    return
                }
            case .close:
                complete()
                context.close(promise: nil)
                return
            }
        }
        if conversation.isFinished {
            complete()
            context.close(promise: nil)
        } else {
            armStepTimer(context: context)
        }
    }

    private func complete() {
        guard !completed else { return }
        completed = true
        stepTimer?.cancel()
        totalTimer?.cancel()
        stepTimer = nil
        totalTimer = nil
        promise.succeed(Completion(outcome: conversation.result, finishedAt: .now()))
    }
}

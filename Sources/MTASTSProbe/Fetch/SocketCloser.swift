import NIOCore

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

import NIOCore

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

import NIOCore
import NIOHTTP1

/// The handlers of one policy fetch, in order:
///
/// ```
/// SocketCloser → NIOSSLClientHandler → HeadSizeLimiter → HTTPRequestEncoder
///   → ByteToMessageHandler(HTTPResponseDecoder) → PolicyFetchHandler
/// ```
///
/// Tests build the same pipeline on an `EmbeddedChannel` without the TLS handler and deliver the
/// handshake event themselves; `tls` is then a stand-in that records what passes through it.
enum PolicyFetchPipeline {
    static func add(
        to pipeline: ChannelPipeline.SynchronousOperations, tls: (any ChannelHandler)?,
        fetcher: PolicyFetchHandler, maxHeadBytes: Int
    ) throws {
        var decoderLimits = NIOHTTPDecoderLimitConfiguration()
        decoderLimits.maxHeaderFieldSize = maxHeadBytes
        decoderLimits.maxHeaderListSize = maxHeadBytes
        try pipeline.addHandler(fetcher.closer)
        if let tls { try pipeline.addHandler(tls) }
        try pipeline.addHandler(HeadSizeLimiter(limit: maxHeadBytes, fetcher: fetcher))
        try pipeline.addHandler(HTTPRequestEncoder())
        try pipeline.addHandler(ByteToMessageHandler(HTTPResponseDecoder(
            leftOverBytesStrategy: .dropBytes, informationalResponseStrategy: .drop,
            limitConfiguration: decoderLimits)))
        try pipeline.addHandler(fetcher)
    }
}

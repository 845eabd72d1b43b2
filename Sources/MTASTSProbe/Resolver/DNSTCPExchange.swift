import NIOCore
import NIOPosix

/// One query over TCP (RFC 1035 §4.2.2, RFC 7766): 2-byte length prefix; used when the UDP
/// answer was truncated. Bounded by the timeout and the 65535-byte message limit.
enum DNSTCPExchange {
    static func run(
        query: [UInt8], id: UInt16, server: SocketAddress, timeout: TimeAmount, group: any EventLoopGroup
    ) async -> Result<[UInt8], DNSExchangeFailure> {
        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: [UInt8].self)
        let timer = eventLoop.scheduleTask(in: timeout) { promise.fail(DNSExchangeFailure.timeout) }
        defer { timer.cancel() }
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(TCPResponseHandler(expectedID: id, promise: promise))
                    }
                }
                .connect(to: server).get()
        } catch {
            promise.fail(DNSExchangeFailure.network("\(error)"))
            if SocketErrno.isConnectionRefused(error) { return .failure(.refused("TCP connection refused")) }
            if let error = error as? ChannelError, case .connectTimeout = error { return .failure(.timeout) }
            return .failure(.network("TCP connect to \(server) failed: \(error)"))
        }
        var buffer = channel.allocator.buffer(capacity: query.count + 2)
        buffer.writeInteger(UInt16(query.count))
        buffer.writeBytes(query)
        channel.writeAndFlush(buffer).whenFailure { promise.fail(DNSExchangeFailure.network("\($0)")) }
        let result: Result<[UInt8], DNSExchangeFailure>
        do {
            result = .success(try await promise.futureResult.get())
        } catch let failure as DNSExchangeFailure {
            result = .failure(failure)
        } catch {
            result = .failure(.network("\(error)"))
        }
        try? await channel.close().get()
        return result
    }

    /// Accumulates the length-prefixed answer; never buffers more than one message.
    final class TCPResponseHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let expectedID: UInt16
        let promise: EventLoopPromise<[UInt8]>
        var pending: [UInt8] = []

        init(expectedID: UInt16, promise: EventLoopPromise<[UInt8]>) {
            self.expectedID = expectedID
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = Self.unwrapInboundIn(data)
            pending += buffer.readBytes(length: buffer.readableBytes) ?? []
            guard pending.count >= 2 else { return }
            let length = Int(pending[0]) << 8 | Int(pending[1])
            guard pending.count >= 2 + length else { return }
            let message = Array(pending[2..<(2 + length)])
            guard message.count >= 12, UInt16(message[0]) << 8 | UInt16(message[1]) == expectedID else {
                promise.fail(DNSExchangeFailure.malformed("TCP answer with a wrong id or shorter than a header"))
                return
            }
            promise.succeed(message)
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(DNSExchangeFailure.network("the server closed the TCP connection before a full answer"))
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(DNSExchangeFailure.network("\(error)"))
        }
    }
}

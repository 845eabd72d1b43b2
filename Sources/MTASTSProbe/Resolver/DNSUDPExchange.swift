import NIOCore
import NIOPosix

/// One query over UDP to one server (RFC 1035 §4.2.1) on a connected socket, so an ICMP port
/// unreachable comes back as "refused" instead of a silent timeout (NOTES.md). Answers whose id
/// does not match are ignored (RFC 5452 §9.1); the exchange ends at the first matching answer or
/// at the timeout.
enum DNSUDPExchange {
    static func run(
        query: [UInt8], id: UInt16, server: SocketAddress, timeout: TimeAmount, group: any EventLoopGroup
    ) async -> Result<[UInt8], DNSExchangeFailure> {
        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: [UInt8].self)
        let channel: any Channel
        do {
            channel = try await DatagramBootstrap(group: eventLoop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(UDPResponseHandler(expectedID: id, promise: promise))
                    }
                }
                .connect(to: server).get()
        } catch {
            promise.fail(DNSExchangeFailure.network("\(error)"))
            return .failure(.network("cannot open a UDP socket to \(server): \(error)"))
        }
        let timer = eventLoop.scheduleTask(in: timeout) { promise.fail(DNSExchangeFailure.timeout) }
        var buffer = channel.allocator.buffer(capacity: query.count)
        buffer.writeBytes(query)
        channel.writeAndFlush(buffer).whenFailure { error in promise.fail(DNSExchangeFailure.network("\(error)")) }
        // A lost datagram (a busy resolver drops queries) would otherwise cost the whole timeout:
        // the same query goes out again at a third and two thirds of it, same id, same socket
        // (RFC 1035 §4.2.1 leaves retransmission to the resolver; RFC 1536 §1 describes it).
        let interval = TimeAmount.nanoseconds(max(timeout.nanoseconds / 3, TimeAmount.milliseconds(300).nanoseconds))
        let again = buffer
        let retransmit = eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
            guard timeout.nanoseconds > interval.nanoseconds else { return task.cancel() }
            channel.writeAndFlush(again, promise: nil)
        }
        let result: Result<[UInt8], DNSExchangeFailure>
        do {
            result = .success(try await promise.futureResult.get())
        } catch let failure as DNSExchangeFailure {
            result = .failure(failure)
        } catch {
            result = .failure(.network("\(error)"))
        }
        timer.cancel()
        retransmit.cancel()
        try? await channel.close().get()
        return result
    }

    final class UDPResponseHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let expectedID: UInt16
        let promise: EventLoopPromise<[UInt8]>

        init(expectedID: UInt16, promise: EventLoopPromise<[UInt8]>) {
            self.expectedID = expectedID
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = Self.unwrapInboundIn(data).data
            guard let bytes = buffer.readBytes(length: buffer.readableBytes), bytes.count >= 12,
                UInt16(bytes[0]) << 8 | UInt16(bytes[1]) == expectedID
            else { return }
            promise.succeed(bytes)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            if SocketErrno.isConnectionRefused(error) {
                promise.fail(DNSExchangeFailure.refused("port unreachable"))
            } else {
                promise.fail(DNSExchangeFailure.network("\(error)"))
            }
        }
    }
}

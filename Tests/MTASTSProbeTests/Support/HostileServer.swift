import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A TCP server on 127.0.0.1 (ephemeral port) whose behaviour the test chooses: the hostile
/// peers every probe must survive (silence, a drip, a flood, garbage, a scripted exchange, an
/// immediate close). Protocol-agnostic: the script is bytes, so SMTP, HTTP and TLS tests share it.
/// Every accepted connection runs the behaviour independently.
final class HostileServer: Sendable {
    /// One step of a ``Behaviour/script(_:)``.
    enum Step: Sendable {
        /// Write these bytes.
        case send([UInt8])
        /// Wait until the client has sent this delimiter; consume through it.
        case readUntil([UInt8])
        /// Wait until the client has sent at least one byte; consume everything received.
        case readAny
        /// Wait this long.
        case pause(TimeAmount)
        /// Close the connection (after the pending writes).
        case close
        /// Stay connected and silent until the client goes away.
        case hold

        static func send(_ text: String) -> Step { .send(Array(text.utf8)) }
        /// Wait for one line (up to LF) from the client.
        static let readLine = Step.readUntil([UInt8(ascii: "\n")])
    }

    enum Behaviour: Sendable {
        /// Accept and never send or close.
        case silence
        /// Accept, then close at once.
        case acceptThenClose
        /// Send `bytes` one byte per `interval`, cycling, until the client goes away.
        case drip([UInt8], every: TimeAmount)
        /// Send `total` bytes (`pattern` repeated) in 64 KiB writes, each after the previous one
        /// was taken by the kernel (so a client that stops reading stops the flood), then hold.
        case flood(pattern: [UInt8], total: Int)
        /// Run the steps in order; close after the last one unless it is ``Step/hold``.
        case script([Step])
        /// Set up the accepted channel's pipeline yourself (runs on its event loop).
        case custom(@Sendable (any Channel) throws -> Void)

        /// Send `text` and close.
        static func reply(_ text: String) -> Behaviour { .script([.send(text), .close]) }
    }

    struct Stats: Sendable {
        var connections = 0
        var bytesSent = 0
        var bytesReceived = 0
    }

    let host = "127.0.0.1"
    let port: Int
    private let channel: any Channel
    private let box: NIOLockedValueBox<Stats>

    var stats: Stats { box.withLockedValue { $0 } }

    static func start(
        _ behaviour: Behaviour, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> HostileServer {
        let box = NIOLockedValueBox(Stats())
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    box.withLockedValue { $0.connections += 1 }
                    if case .custom(let setUp) = behaviour {
                        try setUp(channel)
                    } else {
                        try channel.pipeline.syncOperations.addHandler(ConnectionHandler(behaviour: behaviour, stats: box))
                    }
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return HostileServer(channel: channel, port: channel.localAddress!.port!, box: box)
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed): connecting is refused.
    static func closedPort(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> Int {
        let server = try await start(.acceptThenClose, group: group)
        await server.stop()
        return server.port
    }

    private init(channel: any Channel, port: Int, box: NIOLockedValueBox<Stats>) {
        self.channel = channel
        self.port = port
        self.box = box
    }

    /// Stops listening; connections already accepted end when their client closes them.
    func stop() async {
        try? await channel.close().get()
    }

    /// Runs one behaviour on one accepted connection.
    final class ConnectionHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        static let chunkSize = 64 * 1024
        /// Received bytes kept for `readUntil`; more is discarded (the server must not grow).
        static let pendingLimit = 1 << 20

        let behaviour: Behaviour
        let stats: NIOLockedValueBox<Stats>
        var steps: [Step] = []
        var index = 0
        var pending: [UInt8] = []
        var lastWrite: EventLoopFuture<Void>?
        var timer: Scheduled<Void>?
        var active = false

        init(behaviour: Behaviour, stats: NIOLockedValueBox<Stats>) {
            self.behaviour = behaviour
            self.stats = stats
        }

        func channelActive(context: ChannelHandlerContext) {
            active = true
            switch behaviour {
            case .silence, .custom: break
            case .acceptThenClose: context.close(promise: nil)
            case .drip(let bytes, let interval): drip(bytes, at: 0, every: interval, context: context)
            case .flood(let pattern, let total): flood(pattern: pattern, remaining: total, context: context)
            case .script(let steps):
                self.steps = steps
                run(context: context)
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = Self.unwrapInboundIn(data)
            stats.withLockedValue { $0.bytesReceived += buffer.readableBytes }
            if pending.count < Self.pendingLimit { pending += buffer.readableBytesView.prefix(Self.pendingLimit - pending.count) }
            if case .script = behaviour { run(context: context) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            active = false
            timer?.cancel()
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        private func write(_ bytes: some Collection<UInt8>, context: ChannelHandlerContext) -> EventLoopFuture<Void> {
            var buffer = context.channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            stats.withLockedValue { $0.bytesSent += bytes.count }
            let future = context.writeAndFlush(Self.wrapOutboundOut(buffer))
            lastWrite = future
            return future
        }

        private func drip(_ bytes: [UInt8], at position: Int, every interval: TimeAmount, context: ChannelHandlerContext) {
            guard active, !bytes.isEmpty else { return }
            _ = write([bytes[position % bytes.count]], context: context)
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: interval) { [self] in
                drip(bytes, at: position + 1, every: interval, context: context)
            }
        }

        /// Writes `remaining` bytes of `chunk` (a 64 KiB run of the pattern, built once) in
        /// writes of at most one chunk, each after the previous one was taken by the kernel.
        private func flood(pattern: [UInt8], remaining: Int, context: ChannelHandlerContext) {
            guard !pattern.isEmpty else { return }
            var chunk = context.channel.allocator.buffer(capacity: Self.chunkSize)
            while chunk.readableBytes < Self.chunkSize {
                chunk.writeBytes(pattern.prefix(Self.chunkSize - chunk.readableBytes))
            }
            flood(chunk: chunk, remaining: remaining, context: context)
        }

        private func flood(chunk: ByteBuffer, remaining: Int, context: ChannelHandlerContext) {
            guard active, remaining > 0 else { return }
            let size = min(chunk.readableBytes, remaining)
            stats.withLockedValue { $0.bytesSent += size }
            let future = context.writeAndFlush(Self.wrapOutboundOut(chunk.getSlice(at: chunk.readerIndex, length: size)!))
            lastWrite = future
            future.assumeIsolated().whenSuccess { [self] in
                flood(chunk: chunk, remaining: remaining - size, context: context)
            }
        }

        private func run(context: ChannelHandlerContext) {
            while active, index < steps.count {
                switch steps[index] {
                case .send(let bytes):
                    _ = write(bytes, context: context)
                    index += 1
                case .readUntil(let delimiter):
                    guard let end = Self.find(delimiter, in: pending) else { return }
                    pending.removeFirst(end)
                    index += 1
                case .readAny:
                    guard !pending.isEmpty else { return }
                    pending.removeAll()
                    index += 1
                case .pause(let amount):
                    index += 1
                    timer = context.eventLoop.assumeIsolated().scheduleTask(in: amount) { [self] in run(context: context) }
                    return
                case .close:
                    index = steps.count
                    closeAfterWrites(context: context)
                    return
                case .hold:
                    return
                }
            }
            if active, index >= steps.count { closeAfterWrites(context: context) }
        }

        private func closeAfterWrites(context: ChannelHandlerContext) {
            guard let lastWrite else {
                context.close(promise: nil)
                return
            }
            lastWrite.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }

        /// The index just past the first occurrence of `delimiter`.
        static func find(_ delimiter: [UInt8], in bytes: [UInt8]) -> Int? {
            guard !delimiter.isEmpty, bytes.count >= delimiter.count else { return nil }
            for start in 0...(bytes.count - delimiter.count) where bytes[start..<(start + delimiter.count)].elementsEqual(delimiter) {
                return start + delimiter.count
            }
            return nil
        }
    }
}

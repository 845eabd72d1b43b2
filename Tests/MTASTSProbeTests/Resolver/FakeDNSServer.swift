import NIOCore
import NIOPosix
@testable import MTASTSProbe

/// A small DNS server on 127.0.0.1 (UDP and TCP on the same port) whose answers are written by
/// the test: a real server with hostile behaviours (silence, garbage, truncation, wrong ids).
final class FakeDNSServer: Sendable {
    enum Behaviour: Sendable {
        /// Never answer.
        case silent
        /// Answer with these bytes whatever the question.
        case garbage([UInt8])
        /// Answer with a message built from the query's id and question.
        case answer(@Sendable (_ id: UInt16, _ question: DNSQuestion) -> DNSMessage)
        /// Over UDP answer with TC set and no records; over TCP answer fully.
        case truncatedThenTCP(@Sendable (_ id: UInt16, _ question: DNSQuestion) -> DNSMessage)
        /// Answer first with a wrong id, then correctly.
        case wrongIDFirst(@Sendable (_ id: UInt16, _ question: DNSQuestion) -> DNSMessage)
    }

    let udp: any Channel
    let tcp: any Channel
    let port: Int

    /// Binds UDP on an ephemeral port, then TCP on the same number; another socket may take
    /// that TCP port in between, so a few tries.
    static func start(_ behaviour: Behaviour, group: any EventLoopGroup) async throws -> FakeDNSServer {
        var lastError: (any Error)?
        for _ in 0..<10 {
            do { return try await bind(behaviour, group: group) } catch { lastError = error }
        }
        throw lastError!
    }

    static func bind(_ behaviour: Behaviour, group: any EventLoopGroup) async throws -> FakeDNSServer {
        let udp = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(UDPHandler(behaviour: behaviour))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = udp.localAddress!.port!
        let tcpBootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TCPHandler(behaviour: behaviour))
                }
            }
        let tcp: any Channel
        do {
            tcp = try await tcpBootstrap.bind(host: "127.0.0.1", port: port).get()
        } catch {
            try? await udp.close().get()
            throw error
        }
        return FakeDNSServer(udp: udp, tcp: tcp, port: port)
    }

    private init(udp: any Channel, tcp: any Channel, port: Int) {
        self.udp = udp
        self.tcp = tcp
        self.port = port
    }

    func stop() async {
        try? await udp.close().get()
        try? await tcp.close().get()
    }

    static func encode(_ message: DNSMessage) -> [UInt8] { DNSTestEncoder.encode(message) }

    final class UDPHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        typealias OutboundOut = AddressedEnvelope<ByteBuffer>
        let behaviour: Behaviour
        init(behaviour: Behaviour) { self.behaviour = behaviour }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = Self.unwrapInboundIn(data)
            var buffer = envelope.data
            guard let bytes = buffer.readBytes(length: buffer.readableBytes),
                let query = try? DNSMessageDecoder.decode(bytes), let question = query.questions.first
            else { return }
            var replies: [[UInt8]] = []
            switch behaviour {
            case .silent: return
            case .garbage(let bytes): replies = [bytes]
            case .answer(let make): replies = [encode(make(query.id, question))]
            case .truncatedThenTCP(let make):
                var message = make(query.id, question)
                message.answers = []
                message.flags.tc = true
                replies = [encode(message)]
            case .wrongIDFirst(let make):
                var wrong = make(query.id &+ 1, question)
                wrong.id = query.id &+ 1
                replies = [encode(wrong), encode(make(query.id, question))]
            }
            for reply in replies {
                var out = context.channel.allocator.buffer(capacity: reply.count)
                out.writeBytes(reply)
                context.write(Self.wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: out)),
                              promise: nil)
            }
            context.flush()
        }
    }

    final class TCPHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let behaviour: Behaviour
        init(behaviour: Behaviour) { self.behaviour = behaviour }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = Self.unwrapInboundIn(data)
            guard let length = buffer.readInteger(as: UInt16.self), let bytes = buffer.readBytes(length: Int(length)),
                let query = try? DNSMessageDecoder.decode(bytes), let question = query.questions.first
            else { return }
            let reply: [UInt8]
            switch behaviour {
            case .silent: return
            case .garbage(let bytes): reply = bytes
            case .answer(let make), .truncatedThenTCP(let make), .wrongIDFirst(let make):
                reply = encode(make(query.id, question))
            }
            var out = context.channel.allocator.buffer(capacity: reply.count + 2)
            out.writeInteger(UInt16(reply.count))
            out.writeBytes(reply)
            context.writeAndFlush(Self.wrapOutboundOut(out), promise: nil)
        }
    }
}

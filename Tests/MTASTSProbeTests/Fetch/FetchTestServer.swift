import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import X509

/// A small TCP server on 127.0.0.1 for the policy fetcher's hostile cases: silence, garbage,
/// a close in the middle of the handshake, dripping bytes, endless bodies. With `tls` it
/// speaks TLS first with a throwaway self-signed certificate (``FetchTestCertificate``).
final class FetchTestServer: Sendable {
    enum Behaviour: Sendable {
        /// Accept and never send anything.
        case silent
        /// Send these bytes as soon as the connection is up (garbage instead of a ServerHello).
        case sendOnConnect([UInt8])
        /// Close as soon as the first bytes (the ClientHello) arrive.
        case closeOnFirstRead
        /// After a complete request head, send `bytes`; then close or keep the connection open.
        case respond([UInt8], close: Bool)
        /// After a complete request head, send `prefix` at once, then `bytes` one byte every
        /// `interval`.
        case drip(prefix: [UInt8] = [], [UInt8], every: TimeAmount)
        /// After a complete request head, send `head` and then `count` body bytes.
        case largeBody(head: String, count: Int)
        /// After a complete request head, abort the connection with a TCP RST (SO_LINGER 0).
        case resetAfterRequest
    }

    let channel: any Channel
    let port: Int
    let requests: RequestLog

    /// The request heads received, as text.
    final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var heads: [String] = []
        func append(_ head: String) { lock.withLock { heads.append(head) } }
        var all: [String] { lock.withLock { heads } }
    }

    static func start(_ behaviour: Behaviour, tls: Bool, group: any EventLoopGroup) async throws -> FetchTestServer {
        let sslContext = tls ? try FetchTestCertificate.serverContext() : nil
        let log = RequestLog()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let sslContext { try sync.addHandler(NIOSSLServerHandler(context: sslContext)) }
                    try sync.addHandler(BehaviourHandler(behaviour: behaviour, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FetchTestServer(channel: channel, port: channel.localAddress!.port!, requests: log)
    }

    private init(channel: any Channel, port: Int, requests: RequestLog) {
        self.channel = channel
        self.port = port
        self.requests = requests
    }

    func stop() async { try? await channel.close().get() }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    static func closedPort(group: any EventLoopGroup) async throws -> Int {
        let channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress!.port!
        try await channel.close().get()
        return port
    }

    final class BehaviourHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let behaviour: Behaviour
        let log: RequestLog
        private var received: [UInt8] = []
        private var answered = false

        init(behaviour: Behaviour, log: RequestLog) {
            self.behaviour = behaviour
            self.log = log
        }

        func channelActive(context: ChannelHandlerContext) {
            if case .sendOnConnect(let bytes) = behaviour {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            if case .closeOnFirstRead = behaviour {
                context.close(promise: nil)
                return
            }
            received += buffer.readBytes(length: buffer.readableBytes) ?? []
            guard !answered, let end = Self.headEnd(received) else { return }
            answered = true
            log.append(String(decoding: received[..<end], as: UTF8.self))
            switch behaviour {
            case .silent, .sendOnConnect, .closeOnFirstRead:
                return
            case .resetAfterRequest:
                // Closed from the TLS handler's own context, so the close goes straight to the
                // socket (no close_notify first) and SO_LINGER 0 turns it into a RST.
                let socketLevel = (try? context.pipeline.syncOperations.context(handlerType: NIOSSLServerHandler.self))
                    ?? context
                guard let provider = context.channel as? any SocketOptionProvider else {
                    socketLevel.close(promise: nil)
                    return
                }
                provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
                    socketLevel.close(promise: nil)
                }
            case .respond(let bytes, let close):
                let written = context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)))
                if close { written.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
            case .drip(let prefix, let bytes, let interval):
                if !prefix.isEmpty {
                    context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: prefix)), promise: nil)
                }
                drip(context: context, bytes: bytes[...], interval: interval)
            case .largeBody(let head, let count):
                context.write(wrapOutboundOut(context.channel.allocator.buffer(string: head)), promise: nil)
                let chunk = context.channel.allocator.buffer(repeating: UInt8(ascii: "a"), count: 64 * 1024)
                var left = count
                while left > 0 {
                    let size = min(left, chunk.readableBytes)
                    context.write(wrapOutboundOut(chunk.getSlice(at: 0, length: size)!), promise: nil)
                    left -= size
                }
                context.flush()
            }
        }

        private func drip(context: ChannelHandlerContext, bytes: ArraySlice<UInt8>, interval: TimeAmount) {
            guard let first = bytes.first, context.channel.isActive else { return }
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: [first])), promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: interval) { [self] in
                drip(context: context, bytes: bytes.dropFirst(), interval: interval)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        /// The offset just after `\r\n\r\n`, when the request head is complete.
        static func headEnd(_ bytes: [UInt8]) -> Int? {
            guard bytes.count >= 4 else { return nil }
            for index in 3..<bytes.count
            where bytes[index - 3] == 13 && bytes[index - 2] == 10 && bytes[index - 1] == 13 && bytes[index] == 10 {
                return index + 1
            }
            return nil
        }
    }
}

/// A throwaway self-signed P-256 certificate for `mta-sts.hostile.test`, made at test time with
/// swift-certificates (the key is a fixed test key: the test target does not depend on Crypto).
enum FetchTestCertificate {
    static let host = "mta-sts.hostile.test"

    /// A P-256 key made with `openssl genpkey` for these tests only.
    static let keyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCQHwloFeRt1SJIQO
        Kv0DK7lrvAZnMBZHiVFd4iCEobqhRANCAAQOjJAnS5vejHLTd4WjrOZk3KCtyBKJ
        h8pm3Qp/E2EHGizTUDO5X9e/5waALs0/isF4dliF/3xqUPQ/Vyx69vIp
        -----END PRIVATE KEY-----
        """

    static let certificate: Certificate = {
        do {
            let key = try Certificate.PrivateKey(pemEncoded: keyPEM)
            let name = try DistinguishedName { CommonName(host) }
            let now = Date()
            return try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(30 * 86_400),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    SubjectAlternativeNames([.dnsName(host)])
                },
                issuerPrivateKey: key)
        } catch {
            fatalError("cannot make the test certificate: \(error)")
        }
    }()

    static func serverContext() throws -> NIOSSLContext {
        let pem = try certificate.serializeAsPEM().pemString
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(pem.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)))
        return try NIOSSLContext(configuration: configuration)
    }
}

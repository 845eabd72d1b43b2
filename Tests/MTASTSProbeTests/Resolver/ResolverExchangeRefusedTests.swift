import MTASTSCore
import NIOCore
import NIOPosix
import Testing
@testable import MTASTSProbe

/// A closed port is `refused` over both transports, read from the socket error's errno.
@Suite("DNS exchanges to a closed port")
struct ResolverExchangeRefusedTests {
    static let group = MultiThreadedEventLoopGroup.singleton
    /// Any query: nothing answers it.
    static let query: [UInt8] = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]

    @Test("TCP: connection refused")
    func tcp() async throws {
        let listener = try await ServerBootstrap(group: Self.group).bind(host: "127.0.0.1", port: 0).get()
        let address = try #require(listener.localAddress)
        try await listener.close().get()
        let result = await DNSTCPExchange.run(query: Self.query, id: 0x1234, server: address, timeout: .seconds(10), group: Self.group)
        #expect(result == .failure(.refused("TCP connection refused")), "\(result)")
    }

    @Test("UDP: ICMP port unreachable on the connected socket")
    func udp() async throws {
        let socket = try await DatagramBootstrap(group: Self.group).bind(host: "127.0.0.1", port: 0).get()
        let address = try #require(socket.localAddress)
        try await socket.close().get()
        let result = await DNSUDPExchange.run(query: Self.query, id: 0x1234, server: address, timeout: .seconds(10), group: Self.group)
        #expect(result == .failure(.refused("port unreachable")), "\(result)")
    }
}

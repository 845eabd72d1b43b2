import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Requests to the test `serve` with AsyncHTTPClient, trusting only the test CA. The client
/// connects to 127.0.0.1 without SNI, so the bed's `defaultHost` certificate answers; names
/// are not verified (the per-SNI tests use the project's own prober and curl).
struct HTTPSClient {
    let client: HTTPClient

    init(caFile: String) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(caFile)
        tls.certificateVerification = .noHostnameVerification
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async { try? await client.shutdown() }

    /// Runs `body` with a client that is shut down afterwards, also when `body` throws.
    static func with<T>(caFile: String, _ body: (HTTPSClient) async throws -> T) async throws -> T {
        let client = try HTTPSClient(caFile: caFile)
        do {
            let value = try await body(client)
            await client.shutdown()
            return value
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// POSTs `body` and returns the status and the answer's text.
    func post(_ url: String, body: [UInt8], contentType: String, host: String = "reports.a.test") async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.headers.add(name: "Host", value: host)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(10))
        let text = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: text))
    }

    func get(_ url: String, host: String? = nil) async throws -> (Int, String, HTTPHeaders) {
        var request = HTTPClientRequest(url: url)
        if let host { request.headers.add(name: "Host", value: host) }
        let response = try await client.execute(request, timeout: .seconds(10))
        let text = try await response.body.collect(upTo: 4 << 20)
        return (Int(response.status.code), String(buffer: text), response.headers)
    }
}

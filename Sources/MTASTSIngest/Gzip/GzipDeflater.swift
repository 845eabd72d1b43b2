import CompressNIO
import NIOCore

/// Writes gzip (RFC 1952) the way senders package `application/tlsrpt+gzip` reports
/// (RFC 8460 §5.3), chunk by chunk so large inputs never sit in memory whole: compress-nio's
/// windowed `compressStream` hands each full window to `emit`. Used for synthetic mailboxes
/// and test data.
public final class GzipDeflater {
    private let compressor: ZlibCompressor
    private var window: ByteBuffer

    public init(level: Int32 = 6, window: Int = 64 * 1024) throws {
        compressor = try ZlibCompressor(algorithm: .gzip, configuration: ZlibConfiguration(compressionLevel: level))
        self.window = ByteBufferAllocator().buffer(capacity: window)
    }

    /// Compresses `chunk`; `emit` receives compressed output as the window fills.
    public func write(_ chunk: [UInt8], emit: ([UInt8]) throws -> Void) throws {
        var input = ByteBuffer(bytes: chunk)
        try input.compressStream(with: compressor, window: &window, flush: .no) { try emit(Array($0.readableBytesView)) }
    }

    /// Ends the stream (final block and trailer); `emit` receives the rest of the output.
    public func finish(emit: ([UInt8]) throws -> Void) throws {
        var input = ByteBuffer()
        try input.compressStream(with: compressor, window: &window, flush: .finish) { try emit(Array($0.readableBytesView)) }
    }

    /// `bytes` gzip-compressed in one go.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        let output = try input.compress(with: .gzip, configuration: ZlibConfiguration(compressionLevel: level))
        return Array(output.readableBytesView)
    }
}

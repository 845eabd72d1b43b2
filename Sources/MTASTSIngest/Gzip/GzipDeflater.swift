import CompressNIO
import NIOCore

/// Writes gzip (RFC 1952) the way senders package `application/tlsrpt+gzip` reports
/// (RFC 8460 §5.3), chunk by chunk so large inputs never sit in memory whole. Used for
/// synthetic mailboxes and test data.
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
        while input.readableBytes > 0 {
            try step(&input, flush: .no, emit: emit)
        }
    }

    /// Ends the stream (final block and trailer).
    public func finish(emit: ([UInt8]) throws -> Void) throws {
        var input = ByteBufferAllocator().buffer(capacity: 16)
        while try !step(&input, flush: .finish, emit: emit) {}
    }

    /// One deflate call; true when the stream is finished.
    @discardableResult
    private func step(_ input: inout ByteBuffer, flush: CompressNIOFlush, emit: ([UInt8]) throws -> Void) throws -> Bool {
        var done = false
        do {
            try compressor.deflate(from: &input, to: &window, flush: flush)
            done = flush == .finish
        } catch let error as CompressNIOError where error == .bufferOverflow {
            done = false
        }
        if window.readableBytes > 0 {
            try emit(Array(window.readableBytesView))
            window.clear()
        }
        return done
    }

    /// `bytes` gzip-compressed in one go.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        let deflater = try GzipDeflater(level: level)
        var out: [UInt8] = []
        try deflater.write(bytes) { out += $0 }
        try deflater.finish { out += $0 }
        return out
    }
}

import CompressNIO
import NIOCore

/// Inflates `application/tlsrpt+gzip` reports (RFC 8460 §5.3; gzip is RFC 1952) with a hard
/// cap on the output: zlib writes into a fixed window, the window is appended to the result,
/// and decompression stops as soon as the result would pass the cap. A gzip bomb therefore
/// costs at most `limit` bytes and the time to inflate that much, never its full size.
public enum GzipInflater {
    /// The two magic bytes that start every gzip member (RFC 1952 §2.3.1).
    public static let magic: [UInt8] = [0x1F, 0x8B]

    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: magic) }

    /// The decompressed bytes of `compressed`, or an error: over the cap, truncated, corrupt.
    /// Concatenated gzip members (RFC 1952 §2.2) are inflated one after another, at most
    /// `maxMembers` of them (empty ones included: each costs a zlib restart); bytes after the
    /// last member that do not start another member are ignored, as `gzip -d` does.
    public static func inflate(
        _ compressed: [UInt8], limit: Int, maxMembers: Int = 16, window: Int = 64 * 1024
    ) -> Result<[UInt8], IngestError> {
        var produced = 0
        return inflate(compressed, limit: limit, maxMembers: maxMembers, window: window, produced: &produced)
    }

    /// ``inflate(_:limit:maxMembers:window:)``, also telling how many bytes zlib wrote, kept or
    /// not: what a refused bomb cost, at most `limit + window`.
    static func inflate(
        _ compressed: [UInt8], limit: Int, maxMembers: Int = 16, window: Int, produced: inout Int
    ) -> Result<[UInt8], IngestError> {
        produced = 0
        guard !compressed.isEmpty else { return .failure(.truncatedGzip) }
        guard isGzip(compressed) else { return .failure(.corruptGzip("not gzip data (no 1F 8B header)")) }
        let decompressor: ZlibDecompressor
        do {
            decompressor = try ZlibDecompressor(algorithm: .gzip)
        } catch {
            return .failure(.corruptGzip("zlib could not start: \(error)"))
        }
        var input = ByteBuffer(bytes: compressed)
        var buffer = ByteBufferAllocator().buffer(capacity: window)
        var output: [UInt8] = []
        var members = 1

        /// Moves what the window holds into the output; false once the cap would be passed.
        func drain() -> Bool {
            produced = output.count + buffer.readableBytes
            guard buffer.readableBytes > 0 else { return true }
            guard output.count + buffer.readableBytes <= limit else { return false }
            buffer.withUnsafeReadableBytes { output.append(contentsOf: $0) }
            buffer.clear()
            return true
        }

        while true {
            let before = input.readableBytes
            let written = buffer.writerIndex
            do {
                try decompressor.inflate(from: &input, to: &buffer)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // The window is full: empty it and go on.
                guard drain() else { return .failure(.decompressedTooLarge(limit: limit)) }
                continue
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                // zlib can make no progress without more input, and there is none.
                guard drain() else { return .failure(.decompressedTooLarge(limit: limit)) }
                return .failure(.truncatedGzip)
            } catch let error as CompressNIOError where error == .corruptData {
                return .failure(.corruptGzip("invalid deflate data, or a CRC or length mismatch in the trailer"))
            } catch {
                return .failure(.corruptGzip("\(error)"))
            }
            let progressed = input.readableBytes != before || buffer.writerIndex != written
            guard drain() else { return .failure(.decompressedTooLarge(limit: limit)) }
            // Without an error zlib either made progress (Z_OK: call again, also with no input
            // left, to learn whether the member is complete) or reached the end (Z_STREAM_END,
            // which a call that moves nothing can only mean).
            if progressed { continue }
            let rest = input.readableBytesView
            guard rest.count >= 2, isGzip(rest) else { return .success(output) }
            members += 1
            guard members <= maxMembers else { return .failure(.tooManyGzipMembers(limit: maxMembers)) }
            do {
                try decompressor.reset()
            } catch {
                return .failure(.corruptGzip("zlib could not restart: \(error)"))
            }
        }
    }
}

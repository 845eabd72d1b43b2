import Foundation
import Testing
@testable import MTASTSIngest

/// `application/tlsrpt+gzip` (RFC 8460 §5.3, RFC 1952) with a cap on the output.
@Suite("gzip with a cap")
struct GzipInflaterTests {
    @Test("round trip, small and larger than the window")
    func roundTrip() throws {
        for size in [0, 1, 100, 64 * 1024, 300_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
            #expect(try GzipInflater.inflate(Samples.gzip(bytes), limit: 1 << 20).get() == bytes, "size \(size)")
        }
    }

    @Test("an output exactly at the cap is accepted, one byte more is refused")
    func capBoundary() throws {
        let bytes = [UInt8](repeating: 7, count: 10_000)
        #expect(try GzipInflater.inflate(Samples.gzip(bytes), limit: 10_000).get().count == 10_000)
        #expect(GzipInflater.inflate(Samples.gzip(bytes), limit: 9_999).failureValue == .decompressedTooLarge(limit: 9_999))
    }

    @Test("truncated gzip is an error wherever it is cut")
    func truncated() {
        let compressed = Samples.gzip(Samples.json())
        for cut in [1, 2, 10, compressed.count / 2, compressed.count - 8, compressed.count - 4, compressed.count - 1] {
            let error = GzipInflater.inflate(Array(compressed.prefix(cut)), limit: 1 << 20).failureValue
            #expect(error == .truncatedGzip || { if case .corruptGzip = error { true } else { false } }(),
                    "cut at \(cut) of \(compressed.count): \(String(describing: error))")
        }
        #expect(GzipInflater.inflate(Array(compressed.prefix(compressed.count - 1)), limit: 1 << 20).failureValue == .truncatedGzip)
    }

    @Test("corrupt data and a wrong CRC are errors")
    func corrupt() {
        var compressed = Samples.gzip(Samples.json())
        compressed[compressed.count - 6] ^= 0xFF  // CRC32 in the trailer (RFC 1952 §2.3.1)
        guard case .corruptGzip? = GzipInflater.inflate(compressed, limit: 1 << 20).failureValue else {
            Issue.record("accepted a wrong CRC"); return
        }
        guard case .corruptGzip? = GzipInflater.inflate([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF], limit: 100).failureValue else {
            Issue.record("accepted garbage deflate data"); return
        }
        guard case .corruptGzip? = GzipInflater.inflate(Array("{}".utf8), limit: 100).failureValue else {
            Issue.record("accepted non-gzip"); return
        }
    }

    @Test("concatenated members are inflated in turn; trailing junk is ignored")
    func members() throws {
        let joined = Samples.gzip(Array("hello ".utf8)) + Samples.gzip(Array("world".utf8))
        #expect(try GzipInflater.inflate(joined, limit: 100).get() == Array("hello world".utf8))
        #expect(try GzipInflater.inflate(Samples.gzip(Array("x".utf8)) + [0, 0, 0, 0], limit: 100).get() == [UInt8(ascii: "x")])
    }

    /// A gzip bomb: 2 MiB of zeros compress to about 2 KB (deflate's best is about 1:1000),
    /// twice the 1 MiB cap used here. Made once, in a few milliseconds.
    static let bomb: [UInt8] = try! GzipDeflater.compress([UInt8](repeating: 0, count: 2 << 20), level: 9)

    /// The cap is enforced while inflating, not after: the inflater stops within one output window
    /// past the cap, so a bomb of any ratio costs at most `limit + window` bytes.
    @Test("a gzip bomb is refused at the cap, having inflated no more than one window past it")
    func bomb() throws {
        let bomb = Self.bomb
        #expect(bomb.count < 4096, "a few KB of gzip: \(bomb.count) bytes")
        #expect(try GzipInflater.inflate(bomb, limit: 4 << 20).get().count == 2 << 20, "it does expand to 2 MiB")

        let limit = 1 << 20, window = 64 * 1024
        var produced = 0
        let result = GzipInflater.inflate(bomb, limit: limit, window: window, produced: &produced)
        #expect(result.failureValue == .decompressedTooLarge(limit: limit))
        #expect(produced > limit, "inflated up to the cap: \(produced) bytes")
        #expect(produced <= limit + window, "stopped within one window past the cap: \(produced) bytes")
    }

    @Test("the bytes produced by a successful inflate are the output")
    func producedOnSuccess() throws {
        var produced = -1
        let bytes = [UInt8](repeating: 3, count: 200_000)
        let result = GzipInflater.inflate(Samples.gzip(bytes), limit: 1 << 20, window: 64 * 1024, produced: &produced)
        #expect(try result.get() == bytes)
        #expect(produced == bytes.count)
    }
}

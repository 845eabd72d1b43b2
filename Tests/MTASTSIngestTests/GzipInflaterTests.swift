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

    /// A gzip bomb made at test time: 1 GiB of zeros compressed in 1 MiB chunks (about 1 MB
    /// of gzip). Refused after inflating just past the 20 MiB cap, quickly and without the
    /// process growing by anything near 1 GiB.
    @Test("a 1 GiB gzip bomb is refused at the cap, fast, with bounded memory")
    func bomb() throws {
        let deflater = try GzipDeflater(level: 9)
        var bomb: [UInt8] = []
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<1024 { try deflater.write(zeros) { bomb += $0 } }
        try deflater.finish { bomb += $0 }
        #expect(bomb.count < 2_000_000, "the bomb is small: \(bomb.count) bytes")

        let rssBefore = PeakRSS.current
        let clock = ContinuousClock()
        var result: Result<[UInt8], IngestError>?
        let elapsed = clock.measure { result = GzipInflater.inflate(bomb, limit: 20 << 20) }
        let grew = PeakRSS.current - rssBefore
        #expect(result?.failureValue == .decompressedTooLarge(limit: 20 << 20))
        #expect(elapsed < .seconds(5), "refused in \(elapsed)")
        #expect(grew < 200 << 20, "peak RSS grew by \(grew >> 20) MiB")
    }
}

/// The peak resident set size of this process, in bytes (getrusage).
enum PeakRSS {
    static var current: Int {
        var usage = rusage()
        #if os(macOS)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
        #endif
    }
}

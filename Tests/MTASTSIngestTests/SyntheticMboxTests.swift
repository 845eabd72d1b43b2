import Foundation
import MTASTSCore
import Testing
@testable import MTASTSIngest

/// The benchmark mailbox generator reads back through the ingester.
@Suite("Synthetic mbox")
struct SyntheticMboxTests {
    @Test("200 messages: every report parses, every 50th is a duplicate, >From lines unquoted")
    func roundTrip() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.mbox").path
        let stats = try SyntheticMbox.write(messages: 200, to: path)
        #expect(stats.messages == 200 && stats.duplicates == 4)
        #expect(stats.bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [path])
        #expect(items.count == 200)
        #expect(items.compactMap(\.error).isEmpty, "\(items.compactMap(\.error).prefix(3))")
        #expect(ingester.summary.reports == 196 && ingester.summary.duplicates == 4)
        #expect(items.allSatisfy { $0.parsed?.findings.isEmpty == true }, "\(Set(items.flatMap { $0.parsed?.findings ?? [] }.map { "\($0.code) \($0.subject): \($0.message)" }))")
        let again = try SyntheticMbox.write(messages: 200, to: path)
        #expect(again == stats, "deterministic for a seed")
    }

    @Test("quoted From lines in the text part come back unquoted")
    func quoting() throws {
        var generator = SplitMix64(seed: 1)
        let message = try SyntheticMbox.message(index: 1, json: "{}", generator: &generator)
        let text = String(decoding: message, as: UTF8.self)
        #expect(text.contains("\n>From now on"))
        #expect(text.contains("\n>>From lines like"))
        var splitter = MboxSplitter(limit: 1 << 20)
        var out: [UInt8] = []
        message.withUnsafeBufferPointer { splitter.feed($0) { _, m in if case .complete(let b) = m { out = b } } }
        splitter.finish { _, m in if case .complete(let b) = m { out = b } }
        let back = String(decoding: out, as: UTF8.self)
        #expect(back.contains("\nFrom now on") && back.contains("\n>From lines like"))
    }
}

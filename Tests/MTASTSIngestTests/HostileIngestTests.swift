import Foundation
import Testing
@testable import MTASTSIngest
@testable import MTASTSCore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, ingest: nothing blocks, nothing is lost to sniffing, no message of an mbox is
/// dropped silently, and what one small input can cost is bounded. Inputs are built here.
@Suite("Hostile ingest")
struct HostileIngestTests {
    @Test("a FIFO in a maildir is named and skipped, never opened; the messages around it go in")
    func fifoInMaildir() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(Samples.reportMail(id: "a")).write(to: directory.appendingPathComponent("cur/1.eml"))
        let fifo = directory.appendingPathComponent("cur/2.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try Data(Samples.json(id: "c")).write(to: directory.appendingPathComponent("cur/3"))
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [directory.path])
        #expect(items.map(\.source) == [directory.path + "/cur/1.eml", fifo, directory.path + "/cur/3"])
        #expect(items.compactMap { $0.parsed?.report.reportID } == ["a", "c"])
        #expect(items[1].error == .notAFile("a FIFO"))
        #expect(items[1].error?.kind == "not-a-file")
        #expect(MaildirReader.fileType(fifo) == .fifo)
    }

    /// A pipe's read end as a path (what `<(zcat …)` gives), with `bytes` already in it.
    static func pipePath(_ bytes: [UInt8]) throws -> (path: String, pipe: Pipe) {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        return ("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)", pipe)
    }

    @Test("a report read from a pipe path loses nothing to type sniffing", arguments: ["json", "gzip", "mail"])
    func pipePathKeepsFirstBytes(_ kind: String) throws {
        let bytes = switch kind {
        case "json": Samples.json(id: "p")
        case "gzip": Samples.gzip(Samples.json(id: "p"))
        default: Samples.reportMail(id: "p")
        }
        let (path, pipe) = try Self.pipePath(bytes)
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [path])
        withExtendedLifetime(pipe) {}
        #expect(items.count == 1)
        #expect(items.first?.parsed?.report.reportID == "p", "\(items.map(\.summaryLine))")
    }

    @Test("an mbox through a pipe path or a handle (stdin) gives every message, none dropped")
    func mboxThroughPipe() throws {
        let messages = (1...20).map { index in
            "From tlsrpt@sender.example Sat Jun 14 06:00:00 2025\n"
                + String(decoding: Samples.reportMail(id: "m\(index)"), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n") + "\n"
        }
        let mbox = Array(messages.joined().utf8)
        let (path, pipe) = try Self.pipePath(mbox)
        var byPath = ReportIngester()
        let pathItems = byPath.ingestAll(paths: [path])
        withExtendedLifetime(pipe) {}
        #expect(pathItems.compactMap { $0.parsed?.report.reportID } == (1...20).map { "m\($0)" })

        let stdin = Pipe()
        try stdin.fileHandleForWriting.write(contentsOf: Data(mbox))
        try stdin.fileHandleForWriting.close()
        var byHandle = ReportIngester()
        var items: [IngestItem] = []
        byHandle.ingest(handle: stdin.fileHandleForReading, source: "stdin") { items.append($0) }
        #expect(items.map(\.source) == (1...20).map { "stdin#\($0)" })
        #expect(items.allSatisfy { $0.parsed != nil }, "\(items.map(\.summaryLine))")
        #expect(byHandle.summary.reports == 20)
    }

    @Test("one message on a handle, with or without the From_ line an MDA prepends, is one item named as given",
          arguments: [false, true])
    func singleMessageOnHandle(_ fromLine: Bool) throws {
        let stdin = Pipe()
        let prefix = fromLine ? Array("From MAILER-DAEMON Sun Jun 15 04:12:10 2025\n".utf8) : []
        try stdin.fileHandleForWriting.write(contentsOf: Data(prefix + Samples.reportMail(id: "one")))
        try stdin.fileHandleForWriting.close()
        var ingester = ReportIngester()
        var items: [IngestItem] = []
        ingester.ingest(handle: stdin.fileHandleForReading, source: "stdin") { items.append($0) }
        #expect(items.map(\.source) == ["stdin"])
        #expect(items.first?.parsed?.report.reportID == "one")
    }

    @Test("peeking replays the bytes it read")
    func peekReplays() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("From abc\nrest".utf8))
        try pipe.fileHandleForWriting.close()
        let input = PeekableInput(handle: pipe.fileHandleForReading, closes: false)
        #expect(try input.peek(5) == Array("From ".utf8))
        #expect(try input.peek(2) == Array("Fr".utf8))
        #expect(try input.read(upToCount: 3) == Array("Fro".utf8))
        #expect(try input.readAll(limit: 100) == Array("m abc\nrest".utf8))
        #expect(try input.read(upToCount: 3).isEmpty)
    }

    @Test("thousands of empty gzip members stop at the member cap")
    func emptyGzipMembers() throws {
        let empty = Samples.gzip([])
        let report = Samples.gzip(Samples.json(id: "g"))
        let many = report + Array([[UInt8]](repeating: empty, count: 5_000).joined())
        #expect(GzipInflater.inflate(many, limit: 1 << 20).failureValue == .tooManyGzipMembers(limit: 16))
        let few = report + Array([[UInt8]](repeating: empty, count: 15).joined())
        #expect(try GzipInflater.inflate(few, limit: 1 << 20).get() == Samples.json(id: "g"))
        let decoded = ReportDecoder.decode(many, limits: IngestLimits())
        #expect(decoded.result.failureValue?.kind == "too-many-gzip-members")
    }

    @Test("a small .json.gz of thousands of invented result types costs the caps, not its size")
    func inventedResultTypes() throws {
        let details = (0..<20_000).map { #"{"result-type":"x-\#($0)","failed-session-count":1}"# }.joined(separator: ",")
        let json = #"{"organization-name":"Forger","date-range":{"start-datetime":"2025-06-14T00:00:00Z","end-datetime":"2025-06-14T23:59:59Z"},"contact-info":"a@forger.example","report-id":"t","policies":[{"policy":{"policy-type":"sts","policy-domain":"example.com"},"summary":{"total-successful-session-count":0,"total-failure-session-count":20000},"failure-details":["#
            + details + "]}]}"
        let gz = Samples.gzip(Array(json.utf8))
        #expect(gz.count < 200_000)
        var ingester = ReportIngester()
        var items: [IngestItem] = []
        ingester.ingest(bytes: gz, source: "t.json.gz", filename: "t.json.gz") { items.append($0) }
        let parsed = try #require(items.first?.parsed)
        #expect(parsed.report.policies[0].failureDetails.count == 32)
        #expect(parsed.report.totalFailedSessions == 20_000)
        #expect(parsed.findings.count <= 25)
        #expect(parsed.findings.with(.reportResultTypesCapped).count == 1)
    }
}

import Foundation
import Testing
@testable import MTASTSIngest
@testable import MTASTSCore

/// Paths in, one result per file or message out.
@Suite("Report ingester")
struct ReportIngesterTests {
    @Test(".json, .json.gz and .eml files; an unreadable path is one error item")
    func files() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("a.json")
        let gz = directory.appendingPathComponent("b.json.gz")
        let eml = directory.appendingPathComponent("c.eml")
        try Data(Samples.json(id: "a")).write(to: json)
        try Data(Samples.gzip(Samples.json(id: "b"))).write(to: gz)
        try Data(Samples.reportMail(id: "c")).write(to: eml)
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [json.path, gz.path, eml.path, directory.appendingPathComponent("missing.json").path])
        #expect(items.map(\.source) == [json.path, gz.path, eml.path, directory.appendingPathComponent("missing.json").path])
        #expect(items.prefix(3).map { $0.parsed?.report.reportID } == ["a", "b", "c"])
        #expect(items[2].message?.subject == "Report Domain: example.com")
        guard case .unreadable? = items[3].error else { Issue.record("\(items[3].summaryLine)"); return }
        #expect(ingester.summary == { var s = IngestSummary(); s.items = 4; s.reports = 3; s.failures = 1; return s }())
    }

    @Test("an mbox of three messages with a >From line and a bad message in the middle")
    func mbox() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good1 = String(decoding: Samples.reportMail(id: "m1"), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "This is an aggregate TLS report.", with: "This is an aggregate TLS report.\n>From the sender, with love.")
        let bad = String(decoding: Samples.message(parts: [(
            headers: "Content-Type: application/tlsrpt+json", body: "{\"organization-name\": 42}")]), as: UTF8.self)
        let good3 = String(decoding: Samples.reportMail(id: "m3"), as: UTF8.self)
        let mbox = [good1, bad, good3].map { "From tlsrpt@sender.example Sat Jun 14 06:00:00 2025\n" + $0 + "\n" }.joined()
        let path = directory.appendingPathComponent("reports.mbox").path
        try Data(mbox.utf8).write(to: URL(fileURLWithPath: path))

        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [path])
        #expect(items.map(\.source) == ["\(path)#1", "\(path)#2", "\(path)#3"])
        #expect(items[0].parsed?.report.reportID == "m1")
        guard case .invalidReport(let error)? = items[1].error else { Issue.record("\(items[1].summaryLine)"); return }
        #expect(error.path == "$.organization-name" && error.kind == .wrongType)
        #expect(items[2].parsed?.report.reportID == "m3")
        #expect(ingester.summary.reports == 2 && ingester.summary.failures == 1)
    }

    @Test("a file without extension starting with From_ is read as an mbox")
    func mboxSniffed() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("inbox").path
        let text = ["x1", "x2"].map { "From a@b Sat Jun 14 06:00:00 2025\n" + String(decoding: Samples.reportMail(id: $0), as: UTF8.self) + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var ingester = ReportIngester()
        #expect(ingester.ingestAll(paths: [path]).compactMap { $0.parsed?.report.reportID } == ["x1", "x2"])
    }

    @Test("duplicates (same organization and report-id) count once per run, across files")
    func duplicates() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.json")
        let b = directory.appendingPathComponent("b.eml")
        let c = directory.appendingPathComponent("c.json")
        try Data(Samples.json(org: "Google Inc.", id: "same")).write(to: a)
        try Data(Samples.reportMail(org: "Google Inc.", id: "same")).write(to: b)
        try Data(Samples.json(org: "Microsoft Corporation", id: "same")).write(to: c)
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [a.path, b.path, c.path, a.path])
        #expect(items.map(\.isDuplicate) == [false, true, false, true])
        guard case .duplicate(_, let first) = items[1].outcome else { Issue.record("not a duplicate"); return }
        #expect(first == a.path)
        #expect(ingester.summary.reports == 2 && ingester.summary.duplicates == 2)
        var fresh = ReportIngester()
        #expect(fresh.ingestAll(paths: [b.path]).first?.isDuplicate == false, "a new run starts afresh")
    }

    @Test("a maildir: new/ and cur/ in name order; tmp/ and dot files skipped; a bad message among good ones")
    func maildir() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func write(_ folder: String, _ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: directory.appendingPathComponent(folder).appendingPathComponent(name))
        }
        try write("cur", "1718000001.M1P1.host:2,S", Samples.reportMail(id: "cur1"))
        try write("cur", "1718000002.M2P1.host:2,S", Array("Subject: hello\n\nno report here\n".utf8))
        try write("new", "1718000003.M3P1.host", Samples.reportMail(id: "new1"))
        try write("tmp", "1718000004.M4P1.host", Samples.reportMail(id: "tmp1"))
        try write("cur", ".hidden", Samples.reportMail(id: "hidden"))
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [directory.path])
        #expect(items.map { URL(fileURLWithPath: $0.source).lastPathComponent }
            == ["1718000003.M3P1.host", "1718000001.M1P1.host:2,S", "1718000002.M2P1.host:2,S"])
        #expect(items.map { $0.parsed?.report.reportID } == ["new1", "cur1", nil])
        guard case .noReport? = items[2].error else { Issue.record("\(items[2].summaryLine)"); return }
    }

    @Test("a directory that is not a maildir is one error")
    func notMaildir() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var ingester = ReportIngester()
        let items = ingester.ingestAll(paths: [directory.path])
        #expect(items.count == 1)
        #expect(items.first?.error == .unreadable("\(directory.path) is a directory but not a maildir (no cur/ or new/)"))
    }

    @Test("one message as bytes (standard input), and the message cap")
    func bytes() {
        var ingester = ReportIngester(limits: IngestLimits(messageBytes: 10_000))
        var items: [IngestItem] = []
        ingester.ingest(bytes: Samples.reportMail(id: "s"), source: "stdin") { items.append($0) }
        ingester.ingest(bytes: [UInt8](repeating: 0x41, count: 10_001), source: "stdin") { items.append($0) }
        #expect(items[0].parsed?.report.reportID == "s")
        #expect(items[1].error == .messageTooLarge(limit: 10_000))
    }

    @Test("a file over the message cap is refused without reading it whole")
    func fileTooLarge() throws {
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.eml").path
        try Data(count: 3 << 20).write(to: URL(fileURLWithPath: path))
        var ingester = ReportIngester(limits: IngestLimits(messageBytes: 1 << 20))
        #expect(ingester.ingestAll(paths: [path]).first?.error == .messageTooLarge(limit: 1 << 20))
    }

    @Test("a gzip bomb in a mail is refused at the decompression cap")
    func bombInMail() throws {
        // 4 MiB of spaces in about 4 KB of gzip, four times the cap.
        let bomb = try GzipDeflater.compress([UInt8](repeating: 0x20, count: 4 << 20), level: 9)
        #expect(bomb.count < 8192)
        let message = Samples.message(parts: [(
            headers: "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64", body: Samples.base64(bomb))])
        var ingester = ReportIngester(limits: IngestLimits(decompressedBytes: 1 << 20))
        var items: [IngestItem] = []
        ingester.ingest(bytes: message, source: "bomb.eml") { items.append($0) }
        #expect(items.first?.error == .decompressedTooLarge(limit: 1 << 20))
    }

    @Test("the caller can stop the run by throwing")
    func callerStops() throws {
        struct Stop: Error {}
        let directory = try Samples.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("x.mbox").path
        let text = (1...5).map { "From a@b Sat Jun 14 06:00:00 2025\n" + String(decoding: Samples.reportMail(id: "\($0)"), as: UTF8.self) + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var ingester = ReportIngester()
        var seen = 0
        #expect(throws: Stop.self) {
            try ingester.ingest(path: path) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}

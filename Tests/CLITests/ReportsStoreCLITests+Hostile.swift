import Foundation
import Testing

/// Issue 11 through the real binary: hostile numbers and options end in a clear message, not a
/// backtrace; `reports remove` takes out what got in; an mbox on stdin is read whole.
extension ReportsStoreCLITests {
    static func report(org: String = "forger.example", id: String, count: String) -> String {
        """
        {"organization-name":"\(org)","date-range":{"start-datetime":"2025-06-14T00:00:00Z","end-datetime":"2025-06-14T23:59:59Z"},\
        "contact-info":"x@\(org)","report-id":"\(id)","policies":[{"policy":{"policy-type":"sts","policy-domain":"example.com"},\
        "summary":{"total-successful-session-count":\(count),"total-failure-session-count":\(count)},\
        "failure-details":[{"result-type":"certificate-expired","failed-session-count":\(count)}]}]}
        """
    }

    @Test("--since values that are not finite or too far back exit 3 with a message, no backtrace",
          arguments: ["infd", "nand", "1e300d", "99999999999999999999d", "99999999999d", "-5d", "36526d"])
    func sinceBounded(_ since: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLIRunner.run(["reports", "summary", "--since=\(since)", "--workspace", directory.appendingPathComponent("w.sqlite").path])
        #expect(result.status == 3, "\(result.stdout)")
        #expect(result.stderr.hasPrefix("mtasts: --since \(since):"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && result.stdout.isEmpty)
    }

    @Test("a count near Int64.max is refused at ingest; parse says why; summary is unaffected")
    func hugeCountRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let file = directory.appendingPathComponent("big.json")
        try Self.report(id: "big", count: "9223372036854775800").write(to: file, atomically: true, encoding: .utf8)
        let parse = try CLIRunner.run(["reports", "parse", file.path])
        #expect(parse.status == 2, "\(parse.stderr)")
        #expect(parse.stdout.contains("above 1099511627776"))
        let ingest = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, file.path])
        #expect(ingest.status == 2)
        #expect(ingest.stderr.contains("total-successful-session-count: the session count 9223372036854775800 is above"))
        let summary = try CLIRunner.run(["reports", "summary", "--workspace", workspace])
        #expect(summary.status == 0, "\(summary.stderr)")
    }

    @Test("reports remove by report-id, --org and --before, with --dry-run and the audit log")
    func remove() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        var files: [String] = []
        for (org, id) in [("forger.example", "f1"), ("forger.example", "f2"), ("other.example", "o1")] {
            let file = directory.appendingPathComponent("\(id).json")
            try Self.report(org: org, id: id, count: "5").write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        #expect(try CLIRunner.run(["reports", "ingest", "--workspace", workspace] + files).status == 0)
        let usage = try CLIRunner.run(["reports", "remove", "f1", "--org", "x", "--workspace", workspace])
        #expect(usage.status == 3 && usage.stderr.contains("exactly one of"))
        let dry = try CLIRunner.run(["reports", "remove", "--org", "forger.example", "--dry-run", "--workspace", workspace, "--json"]).json()
        #expect(dry["dryRun"] as? Bool == true)
        #expect((dry["removed"] as? [[String: Any]])?.compactMap { $0["reportID"] as? String } == ["f1", "f2"])
        let org = try CLIRunner.run(["reports", "remove", "--org", "forger.example", "--operator", "alice", "--workspace", workspace])
        #expect(org.status == 0, "\(org.stderr)")
        #expect(org.stdout.hasSuffix("2 reports removed, recorded in the audit log\n"), "\(org.stdout)")
        let history = try CLIRunner.run(["history", "example.com", "--workspace", workspace, "--json"]).json()
        let audit = try #require(history["audit"] as? [[String: Any]])
        #expect(audit.compactMap { $0["action"] as? String } == ["report-remove"])
        #expect(audit.first?["operator"] as? String == "alice")
        let again = try CLIRunner.run(["reports", "remove", "f1", "--workspace", workspace])
        #expect(again.status == 3 && again.stderr.contains("no stored report matches report-id f1"))
        let before = try CLIRunner.run(["reports", "remove", "--before", "2025-06-15", "--workspace", workspace])
        #expect(before.status == 0 && before.stdout.contains("removed other.example o1"))
        let summary = try CLIRunner.run(["reports", "summary", "--workspace", workspace, "--json"]).json()
        #expect(summary["reports"] as? Int == 0)
    }

    @Test("an mbox piped to `reports ingest -` stores every message")
    func mboxOnStandardInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let mbox = directory.appendingPathComponent("m.mbox").path
        #expect(try CLIRunner.run(["reports", "bench-mbox", "--messages", "20", "--out", mbox]).status == 0)
        let text = try String(contentsOfFile: mbox, encoding: .utf8)
        let piped = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, "--json", "-"], stdin: text)
        #expect(piped.status == 0, "\(piped.stderr)")
        let json = try piped.json()
        #expect(json["items"] as? Int == 20)
        #expect(json["stored"] as? Int == 20)
    }
}

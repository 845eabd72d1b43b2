import Foundation
import Testing

@Suite("mtasts reports ingest, summary, show")
struct ReportsStoreCLITests {
    /// A fresh directory with a workspace path inside.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-cli-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    var examples: [String] {
        ["google-example.com-2025-06-14.json", "microsoft-example.com-2025-06-14.json.gz",
         "mail.example.net-example.com-2025-06-14.eml"].map { CLIRunner.example("reports/" + $0) }
    }

    @Test("ingest stores JSON, gzip and mail; a second run counts duplicates; exit 0")
    func ingestAndDuplicates() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let first = try CLIRunner.run(["reports", "ingest", "--workspace", workspace] + examples)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "3 items: 3 stored, 0 duplicates, 0 errors\n")
        let second = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, "--json"] + examples)
        #expect(second.status == 0)
        let json = try second.json()
        #expect(json["stored"] as? Int == 0)
        #expect(json["duplicates"] as? Int == 3)
        #expect((json["failures"] as? [Any])?.isEmpty == true)
    }

    @Test("a bad file among good ones: its error on stderr, the others stored, exit 1")
    func partialFailure() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let bad = CLIRunner.example("reports/broken-count-as-string.json")
        let result = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, bad] + examples)
        #expect(result.status == 1)
        #expect(result.stdout == "4 items: 3 stored, 0 duplicates, 1 error\n")
        #expect(result.stderr.contains("broken-count-as-string.json: not a valid TLS-RPT report: $.policies[0].summary.total-failure-session-count"))
        let only = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, bad])
        #expect(only.status == 2, "every item bad")
    }

    @Test("--mda (delivery pipe): a bad report still exits 0, a workspace that cannot be written exits 75 (EX_TEMPFAIL)")
    func mdaExitCodes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let bad = try String(contentsOfFile: CLIRunner.example("reports/broken-count-as-string.json"), encoding: .utf8)
        let piped = try CLIRunner.run(["reports", "ingest", "--mda", "--workspace", workspace, "-"], stdin: bad)
        #expect(piped.status == 0, "the mail was read; a bounce helps nobody")
        #expect(piped.stderr.contains("stdin: not a valid TLS-RPT report"))
        let good = try String(contentsOfFile: examples[0], encoding: .utf8)
        let stored = try CLIRunner.run(["reports", "ingest", "--mda", "--workspace", workspace, "-"], stdin: good)
        #expect(stored.status == 0 && stored.stdout.contains("1 stored"))
        // A directory where the workspace file should be: it cannot be opened.
        let blocked = directory.appendingPathComponent("blocked.sqlite")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        let tempfail = try CLIRunner.run(["reports", "ingest", "--mda", "--workspace", blocked.path, "-"], stdin: good)
        #expect(tempfail.status == 75, "\(tempfail.stderr)")
        #expect(tempfail.stderr.contains("mtasts: "))
        let plain = try CLIRunner.run(["reports", "ingest", "--workspace", blocked.path, "-"], stdin: good)
        #expect(plain.status == 3, "without --mda: could not run")
    }

    @Test("a gzip bomb is refused within the cap and nothing is stored; truncated gzip too")
    func gzipBomb() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let bomb = directory.appendingPathComponent("bomb.json.gz").path
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/bin/sh")
        make.arguments = ["-c", "head -c 64000000 /dev/zero | gzip -1 > '\(bomb)'"]
        try make.run()
        make.waitUntilExit()
        let data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.example("reports/microsoft-example.com-2025-06-14.json.gz")))
        let cut = directory.appendingPathComponent("cut.json.gz").path
        try data.prefix(data.count - 12).write(to: URL(fileURLWithPath: cut))
        let result = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, "--json", bomb, cut])
        #expect(result.status == 2)
        let failures = try #require(try result.json()["failures"] as? [[String: Any]])
        #expect(failures.compactMap { $0["kind"] as? String } == ["decompressed-too-large", "truncated-gzip"])
        let summary = try CLIRunner.run(["reports", "summary", "--workspace", workspace, "--json"])
        #expect(try summary.json()["reports"] as? Int == 0)
    }

    @Test("a generated mbox and a message on stdin go in; the summary adds them up")
    func mboxAndStdin() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        let mbox = directory.appendingPathComponent("reports.mbox").path
        let made = try CLIRunner.run(["reports", "bench-mbox", "--messages", "60", "--out", mbox])
        #expect(made.status == 0)
        let ingest = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, "--json", mbox])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let counts = try ingest.json()
        #expect(counts["items"] as? Int == 60)
        let stored = try #require(counts["stored"] as? Int)
        #expect(stored + (counts["duplicates"] as? Int ?? 0) == 60)
        let eml = try String(contentsOfFile: examples[2], encoding: .utf8)
        let piped = try CLIRunner.run(["reports", "ingest", "--workspace", workspace, "-"], stdin: eml)
        #expect(piped.stdout == "1 item: 1 stored, 0 duplicates, 0 errors\n")
        let summary = try CLIRunner.run(["reports", "summary", "--workspace", workspace, "--json"])
        #expect(try summary.json()["reports"] as? Int == stored + 1)
        let text = try CLIRunner.run(["reports", "summary", "--workspace", workspace, "--limit", "3"])
        #expect(text.stdout.contains("policy domains with failures, worst first"))
        #expect(text.stdout.contains("… and "))
        let all = try CLIRunner.run(["reports", "summary", "--workspace", workspace, "--json"]).json()
        let domains = try #require(all["byPolicyDomain"] as? [[String: Any]])
        let failed = domains.compactMap { $0["failures"] as? Int }
        #expect(!failed.isEmpty && failed == failed.sorted(by: >))
    }

    @Test("summary of a domain: totals, by type, by MX, by organization, in text and JSON")
    func summary() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        _ = try CLIRunner.run(["reports", "ingest", "--workspace", workspace] + examples)
        let json = try CLIRunner.run(["reports", "summary", "example.com", "--workspace", workspace, "--json"]).json()
        #expect(Set(json.keys) == ["domain", "since", "reports", "policyDomains", "successes", "failures", "byResultType",
                                   "byReceivingMX", "byOrganization", "groups", "byPolicyDomain"])
        #expect((json["byPolicyDomain"] as? [Any])?.isEmpty == true)
        #expect(json["reports"] as? Int == 3)
        #expect(json["failures"] as? Int == 66)
        let types = try #require(json["byResultType"] as? [[String: Any]])
        #expect(types.first?["name"] as? String == "certificate-host-mismatch")
        #expect(types.first?["failedSessions"] as? Int == 53)
        let text = try CLIRunner.run(["reports", "summary", "example.com", "--workspace", workspace])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("example.com: 3 reports, 1 policy domain, 9930 sessions: 9864 successful, 66 failed (0.66%)"))
        #expect(text.stdout.contains("failed sessions by receiving MX"))
        #expect(text.stdout.contains("  mx2.example.com         53"))
        #expect(text.stdout.contains("Microsoft Corporation  1        8210        57"))
        let recent = try CLIRunner.run(["reports", "summary", "--since", "7d", "--workspace", workspace, "--json"]).json()
        #expect(recent["reports"] as? Int == 0, "the examples are from 2025")
        let old = try CLIRunner.run(["reports", "summary", "--since", "2025-06-14", "--workspace", workspace, "--json"]).json()
        #expect(old["reports"] as? Int == 3)
        let bad = try CLIRunner.run(["reports", "summary", "--since", "yesterday", "--workspace", workspace])
        #expect(bad.status == 3)
    }

    @Test("show: a stored report by report-id in text and JSON; unknown id exits 3")
    func show() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = directory.appendingPathComponent("w.sqlite").path
        _ = try CLIRunner.run(["reports", "ingest", "--workspace", workspace] + examples)
        let text = try CLIRunner.run(["reports", "show", "2025-06-14T00:00:00Z_example.com", "--workspace", workspace])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("TLS-RPT report from Google Inc."))
        let gz = try CLIRunner.run(["reports", "show", "--json", "--workspace", workspace,
                                    try microsoftReportID()])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(gz.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(Set(list[0].keys) == ["report", "findings", "source", "ingestedAt", "raw"])
        #expect((list[0]["findings"] as? [[String: Any]])?.first?["code"] as? String == "report.date-without-zone")
        let missing = try CLIRunner.run(["reports", "show", "nope", "--workspace", workspace])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no report with report-id nope"))
    }

    func microsoftReportID() throws -> String {
        let parsed = try CLIRunner.run(["reports", "parse", examples[1], "--json"]).json()
        return try #require((parsed["report"] as? [String: Any])?["reportID"] as? String)
    }
}

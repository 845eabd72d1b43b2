import Foundation
import Testing

@Suite("mtasts reports parse")
struct ReportsCLITests {
    /// A fresh directory for files made at test time.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-cli-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a clean Google-style report: exit 0, the normalised report in JSON")
    func cleanJSON() throws {
        let result = try CLIRunner.run(["reports", "parse", CLIRunner.example("reports/google-example.com-2025-06-14.json"), "--json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try result.json()
        #expect(Set(json.keys) == ["source", "report", "findings", "error", "message"])
        #expect(json["error"] is NSNull)
        let report = try #require(json["report"] as? [String: Any])
        #expect(report["organizationName"] as? String == "Google Inc.")
        #expect(report["reportID"] as? String == "2025-06-14T00:00:00Z_example.com")
        let range = try #require(report["dateRange"] as? [String: Any])
        #expect(range["start"] as? String == "2025-06-14T00:00:00Z")
        let policy = try #require((report["policies"] as? [[String: Any]])?.first?["policy"] as? [String: Any])
        #expect(policy["type"] as? String == "sts")
        #expect(json.findingCodes.isEmpty)
    }

    @Test("a Microsoft-style .json.gz with dates without zone: exit 1, failures grouped in text")
    func gzipWithQuirk() throws {
        let path = CLIRunner.example("reports/microsoft-example.com-2025-06-14.json.gz")
        let json = try CLIRunner.run(["reports", "parse", path, "--json"])
        #expect(json.status == 1)
        #expect(try json.json().findingCodes == ["report.date-without-zone", "report.date-without-zone"])
        let text = try CLIRunner.run(["reports", "parse", path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("TLS-RPT report from Microsoft Corporation"))
        #expect(text.stdout.contains("sessions  8210 successful, 57 failed"))
        let row = try #require(text.stdout.split(separator: "\n").first { $0.contains("certificate-host-mismatch") })
        #expect(row.contains("mx2.example.com") && row.hasSuffix("53"), "two details added up: \(row)")
        #expect(text.stdout.contains("report.date-without-zone"))
    }

    @Test("a report mail (.eml, multipart/report, base64 gzip): exit 0, RFC spelling variants noted")
    func mail() throws {
        let result = try CLIRunner.run(["reports", "parse", CLIRunner.example("reports/mail.example.net-example.com-2025-06-14.eml"), "--json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try result.json()
        #expect(json.findingCodes == ["report.alternate-member-name", "report.alternate-member-name"])
        let message = try #require(json["message"] as? [String: Any])
        #expect(message["contentType"] as? String == "application/tlsrpt+gzip")
        #expect(message["reportDomain"] as? String == "example.com")
    }

    @Test("a broken report: exit 2 with the member's path and the reason")
    func broken() throws {
        let path = CLIRunner.example("reports/broken-count-as-string.json")
        let text = try CLIRunner.run(["reports", "parse", path])
        #expect(text.status == 2)
        #expect(text.stdout.contains(#"$.policies[0].summary.total-failure-session-count: expected a non-negative integer, found a string "12""#),
                "\(text.stdout)")
        let json = try CLIRunner.run(["reports", "parse", path, "--json"])
        #expect(json.status == 2)
        let error = try #require(try json.json()["error"] as? [String: Any])
        #expect(error["kind"] as? String == "wrong-type")
        #expect(error["path"] as? String == "$.policies[0].summary.total-failure-session-count")
        #expect(Set(error.keys) == ["kind", "path", "reason", "message", "line", "column"])
        #expect(error["line"] is NSNull)
    }

    @Test("one message on standard input (an MDA pipe)")
    func stdin() throws {
        let message = try String(contentsOfFile: CLIRunner.example("reports/mail.example.net-example.com-2025-06-14.eml"), encoding: .utf8)
        let result = try CLIRunner.run(["reports", "parse", "-", "--json"], stdin: "From MAILER-DAEMON Sun Jun 15 04:12:10 2025\n" + message)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try result.json()
        #expect(json["source"] as? String == "stdin")
        #expect((json["report"] as? [String: Any])?["organizationName"] as? String == "mail.example.net")
    }

    @Test("invalid JSON on standard input: exit 2 with line and column")
    func invalidJSON() throws {
        let result = try CLIRunner.run(["reports", "parse", "-"], stdin: "{\n  \"organization-name\": \"x\",,\n}")
        #expect(result.status == 2)
        #expect(result.stdout.contains("stdin: INVALID - not a valid TLS-RPT report"))
        #expect(result.stdout.contains("(line 2, column 28)"), "\(result.stdout)")
    }

    @Test("a truncated .json.gz: exit 2")
    func truncatedGzip() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.example("reports/microsoft-example.com-2025-06-14.json.gz")))
        let path = directory.appendingPathComponent("cut.json.gz").path
        try data.prefix(data.count - 12).write(to: URL(fileURLWithPath: path))
        let result = try CLIRunner.run(["reports", "parse", path, "--json"])
        #expect(result.status == 2)
        #expect((try result.json()["error"] as? [String: Any])?["kind"] as? String == "truncated-gzip")
    }

    @Test("a mail without a report: exit 2 listing the parts")
    func noReport() throws {
        let result = try CLIRunner.run(["reports", "parse", "-"],
            stdin: "From: a@b.example\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nhello\n--x--\n")
        #expect(result.status == 2)
        #expect(result.stdout.contains("no TLS-RPT report in the message: parts seen: text/plain"))
    }

    @Test("unreadable inputs: exit 3 with the reason on stderr")
    func unreadable() throws {
        let missing = try CLIRunner.run(["reports", "parse", "/nonexistent/report.json"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no such file"))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dir = try CLIRunner.run(["reports", "parse", directory.path])
        #expect(dir.status == 3)
        #expect(dir.stderr.contains("is a directory"))
    }

    @Test("an mbox of several messages is not one report: exit 3")
    func severalMessages() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("two.mbox").path
        let bench = try CLIRunner.run(["reports", "bench-mbox", "--messages", "2", "--out", path])
        #expect(bench.status == 0, "\(bench.stderr)")
        let result = try CLIRunner.run(["reports", "parse", path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("holds 2 messages"))
    }

    @Test("the hidden benchmark commands write and read a synthetic mbox")
    func bench() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bench.mbox").path
        let written = try CLIRunner.run(["reports", "bench-mbox", "--messages", "100", "--out", path])
        #expect(written.status == 0)
        #expect(written.stdout.contains("100 messages"))
        let read = try CLIRunner.run(["reports", "bench-ingest", path])
        #expect(read.status == 0)
        #expect(read.stdout.contains("items 100, reports 98, duplicates 2, errors 0"), "\(read.stdout)")
        let help = try CLIRunner.run(["reports", "--help"])
        #expect(help.stdout.contains("parse") && !help.stdout.contains("bench-mbox"))
    }
}

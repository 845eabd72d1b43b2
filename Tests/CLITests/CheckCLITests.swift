import Foundation
import Testing

/// `mtasts check` run as a user would, against the lab (started by scripts/test).
@Suite("mtasts check against the lab", .enabled(if: CLILab.isUsable))
struct CheckCLITests {
    func labArguments() throws -> [String] {
        let env = try #require(CLILab.settings, "the lab is not running (scripts/lab/lab.sh start)")
        return ["--resolver", env["LAB_RESOLVER"]!, "--https-port", env["LAB_HTTPS_PORT"]!,
                "--smtp-port", env["LAB_SMTP_PORT"]!, "--ca-file", env["LAB_CA_FILE"]!, "--timeout", "5"]
    }

    @Test("a readable report grouped as DNS, Policy, Certificates, MX / STARTTLS; exit 2 on errors")
    func human() throws {
        let result = try CLIRunner.run(["check", "expired-mx.lab.test"] + labArguments())
        #expect(result.status == 2, "\(result.stderr)")
        let headings = result.stdout.split(separator: "\n").filter { ["DNS", "Policy", "Certificates", "MX / STARTTLS"].contains($0) }
        #expect(headings == ["DNS", "Policy", "Certificates", "MX / STARTTLS"])
        #expect(result.stdout.contains("✗ ERROR  mx-cert.expired  mx-expired.lab.test"))
        #expect(result.stdout.contains("fix:"))
    }

    @Test("--json: an array of DomainReports in the documented shape; domains from --file")
    func json() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-domains-\(UUID()).txt")
        try "# lab domains\ngood.lab.test\n\nnostarttls.lab.test  # no STARTTLS\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["check", "--file", file.path, "--json"] + labArguments())
        #expect(result.status == 2)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        for report in array {
            for key in ["domain", "checkedAt", "liveStage", "enforceReady", "findings", "observation"] {
                #expect(report[key] != nil, "missing \(key)")
            }
            let observation = try #require(report["observation"] as? [String: Any])
            for key in ["mx", "stsTXT", "tlsrptTXT", "policyFetch", "mxHosts"] { #expect(observation[key] != nil, "missing observation.\(key)") }
        }
        #expect(array[0]["domain"] as? String == "good.lab.test")
        #expect(array[0]["liveStage"] as? String == "enforce")
        #expect(array[1]["enforceReady"] as? Bool == false)
    }

    @Test("domains on standard input; a bad domain name is exit 3")
    func stdinAndBadName() throws {
        let ok = try CLIRunner.run(["check", "--json"] + labArguments(), stdin: "testing.lab.test\n")
        #expect(ok.status == 0 || ok.status == 1, "\(ok.stderr)")
        let bad = try CLIRunner.run(["check", "not a domain"] + labArguments())
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("is not a domain name"))
    }

    @Test("bad probe options are exit 3", arguments: [
        ["--resolver", "nonsense"], ["--timeout", "0"], ["--concurrency", "0"], ["--ca-file", "/nonexistent.pem"],
    ])
    func badOptions(options: [String]) throws {
        let result = try CLIRunner.run(["check", "example.test"] + options)
        #expect(result.status == 3, "\(options): \(result.stderr)")
    }

    @Test("--save stores the observations (adding the domain); --all re-checks the workspace; status and domains list see them")
    func saveAndAll() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-check-save-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace + suffix) } }
        let saved = try CLIRunner.run(["check", "good.lab.test", "--save", "--workspace", workspace] + labArguments())
        #expect(saved.status == 0 || saved.status == 1, "no errors: \(saved.stderr)")
        #expect(saved.stderr.contains("added to the workspace: good.lab.test"))
        let listed = try CLIRunner.run(["domains", "list", "--json", "--workspace", workspace])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        let latest = try #require(rows.first?["latest"] as? [String: Any], "the observation was stored")
        #expect(latest["liveStage"] as? String == "enforce")

        #expect(try CLIRunner.run(["domains", "add", "expired-mx.lab.test", "--workspace", workspace]).status == 0)
        let all = try CLIRunner.run(["check", "--all", "--json", "--workspace", workspace] + labArguments())
        #expect(all.status == 2, "expired-mx.lab.test has errors")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(Set(reports.compactMap { $0["domain"] as? String }) == ["good.lab.test", "expired-mx.lab.test"])
        let status = try CLIRunner.run(["status", "--json", "--workspace", workspace])
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["liveStage"] is String }, "both domains have a stored live stage: \(status.stdout)")
    }

    @Test("--all on an empty workspace is a usage error")
    func allEmpty() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-check-empty-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace + suffix) } }
        let result = try CLIRunner.run(["check", "--all", "--workspace", workspace])
        #expect(result.status == 3)
        #expect(result.stderr.contains("the workspace has no domains"))
    }
}

/// The lab's settings for CLI tests ($LAB_DIR/lab.env).
enum CLILab {
    static let settings: [String: String]? = {
        let dir = ProcessInfo.processInfo.environment["LAB_DIR"] ?? CLIRunner.packageRoot.appendingPathComponent("lab-run").path
        guard let text = try? String(contentsOfFile: dir + "/lab.env", encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return values
    }()

    static var isUsable: Bool { settings != nil || ProcessInfo.processInfo.environment["MTASTS_LAB"] == "required" }
}

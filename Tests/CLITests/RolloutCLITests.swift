import Foundation
import Testing

/// The rollout commands without the network: usage errors, empty workspaces, the gate's
/// refusal of a plan with no MX host known.
@Suite("mtasts plan / advance / status / history offline")
struct RolloutCLITests {
    func workspace() -> (path: String, cleanup: () -> Void) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-rollout-cli-\(UUID()).sqlite").path
        return (path, { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } })
    }

    @Test("bad target, bad domain, unknown domain for show: exit 3 with the reason")
    func usage() throws {
        let (path, cleanup) = workspace()
        defer { cleanup() }
        let badTarget = try CLIRunner.run(["plan", "example.test", "--to", "later", "--workspace", path])
        #expect(badTarget.status == 3)
        let badDomain = try CLIRunner.run(["plan", "not a domain", "--to", "testing", "--no-check", "--workspace", path])
        #expect(badDomain.status == 3)
        #expect(badDomain.stderr.contains("is not a domain name"))
        let unknown = try CLIRunner.run(["plan", "show", "unknown.test", "--workspace", path])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("is not in the workspace"))
    }

    @Test("a plan with no MX observed is refused (exit 2, policy.mx-missing); the refusal is in the audit log")
    func noMX() throws {
        let (path, cleanup) = workspace()
        defer { cleanup() }
        let result = try CLIRunner.run(["plan", "example.test", "--to", "testing", "--no-check", "--workspace", path, "--json", "--operator", "ops"])
        #expect(result.status == 2)
        let json = try result.json()
        #expect(json["allowed"] as? Bool == false)
        #expect((json["gate"] as? [String: Any])?["blockers"].map { "\($0)" }?.contains("policy.mx-missing") == true)
        let history = try CLIRunner.run(["history", "example.test", "--workspace", path])
        #expect(history.status == 0)
        #expect(history.stdout.contains("ops  refused"))
        #expect(history.stdout.contains("(never checked)"))
    }

    @Test("--policy-file: the operator's own policy is planned when valid and in the target mode")
    func ownPolicy() throws {
        let (path, cleanup) = workspace()
        defer { cleanup() }
        let good = "version: STSv1\nmode: testing\nmx: *.mail.example.test\nmax_age: 86400\n"
        let planned = try CLIRunner.run(["plan", "example.test", "--to", "testing", "--no-check", "--policy-file", "-",
                                         "--workspace", path, "--json"], stdin: good)
        #expect(planned.status == 0, "\(planned.stdout)\(planned.stderr)")
        #expect((try planned.json()["plan"] as? [String: Any])?["policyText"] as? String == good)
        let wrongMode = try CLIRunner.run(["plan", "example.test", "--to", "enforce", "--no-check", "--policy-file", "-",
                                           "--workspace", path], stdin: good)
        #expect(wrongMode.status == 3)
        #expect(wrongMode.stderr.contains("has mode testing, the target is enforce"))
        let invalid = try CLIRunner.run(["plan", "example.test", "--to", "testing", "--no-check", "--policy-file", "-",
                                         "--workspace", path], stdin: "version: STSv1\nmode: testing\n")
        #expect(invalid.status == 3)
        #expect(invalid.stderr.contains("is not a valid policy"))
    }

    @Test("status: one line per domain, JSON with the documented members")
    func status() throws {
        let (path, cleanup) = workspace()
        defer { cleanup() }
        #expect(try CLIRunner.run(["domains", "add", "a.example", "b.example", "--workspace", path]).status == 0)
        let text = try CLIRunner.run(["status", "--workspace", path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("a.example  -         -         [verify] check the domain first (r in the UI, mtasts check --save D)"))
        let json = try CLIRunner.run(["status", "--json", "--workspace", path])
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(lines.count == 2)
        #expect(Set(lines[0].keys).isSuperset(of: ["domain", "nextStep", "blockers", "warnings"]))
    }
}

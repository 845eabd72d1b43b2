import Foundation
import Testing

@Suite("mtasts evaluate")
struct EvaluateCLITests {
    @Test("a recorded observation gives the report: stage, readiness, findings")
    func report() throws {
        let result = try CLIRunner.run(["evaluate", CLIRunner.example("observations/example.org.json"), "--json"])
        #expect(result.status == 2)
        let json = try result.json()
        #expect(json["domain"] as? String == "example.org")
        #expect(json["liveStage"] as? String == "testing")
        #expect(json["enforceReady"] as? Bool == false)
        #expect(json["checkedAt"] as? String == "2026-11-20T10:00:00Z")
        #expect(json["observation"] is [String: Any])
        #expect(Set(json.findingCodes) == ["policy.mx-uncovered", "mx.starttls-missing", "policy-cert.expiring", "dnssec.unsigned"])
    }

    @Test("--at moves the clock: the policy certificate has expired by then")
    func at() throws {
        let result = try CLIRunner.run([
            "evaluate", CLIRunner.example("observations/example.org.json"), "--json", "--at", "2026-12-15T00:00:00Z",
        ])
        let json = try result.json()
        #expect(json.findingCodes.contains("policy-cert.expired"))
        #expect(json["liveStage"] as? String == "broken")
    }

    @Test("human output is grouped as the TUI panes")
    func grouped() throws {
        let result = try CLIRunner.run(["evaluate", CLIRunner.example("observations/example.org.json")])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let headings = lines.filter { ["DNS", "Policy", "Certificates", "MX / STARTTLS"].contains($0) }
        #expect(headings == ["DNS", "Policy", "Certificates", "MX / STARTTLS"])
    }

    @Test("broken JSON is exit 3 with the place of the problem", arguments: [
        ("{", "not an observation"),
        (#"{"domain": "a.example"}"#, "missing `observedAt`"),
        (#"{"domain": 5}"#, "wrong type at domain"),
    ])
    func brokenJSON(input: String, expected: String) throws {
        let result = try CLIRunner.run(["evaluate", "-"], stdin: input)
        #expect(result.status == 3)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
    }
}

import Foundation
import Testing

@Suite("mtasts lint policy")
struct LintPolicyCLITests {
    @Test("a good policy: exit 0 and the documented JSON shape")
    func goodPolicy() throws {
        let result = try CLIRunner.run(["lint", "policy", CLIRunner.example("policies/good.txt"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(Set(json.keys) == ["valid", "policy", "findings"])
        #expect(json["valid"] as? Bool == true)
        let policy = try #require(json["policy"] as? [String: Any])
        #expect(Set(policy.keys) == ["version", "mode", "maxAge", "mx"])
        #expect(policy["mode"] as? String == "enforce")
        #expect(policy["maxAge"] as? Int == 1_209_600)
        #expect(policy["mx"] as? [String] == ["mx1.example.com", "*.mail.example.net"])
        #expect(json.findingCodes.isEmpty)
    }

    @Test("typos are warnings naming the field they fail to set; the duplicate keeps the first")
    func typos() throws {
        let result = try CLIRunner.run(["lint", "policy", CLIRunner.example("policies/typos.txt"), "--json"])
        let json = try result.json()
        #expect(json.findingCodes.filter { $0 == "policy.unknown-field" }.count == 2)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let messages = findings.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("`nmx` looks like a misspelt `mx`") })
        #expect(messages.contains { $0.contains("`Mode` looks like a misspelt `mode`") })
        for finding in findings {
            #expect(Set(finding.keys) == ["code", "severity", "subject", "message", "evidence", "remedy", "rfc"])
        }
        #expect(result.status == 1, "warnings only: exit 1")
    }

    @Test("errors exit 2 and keep going past the first problem")
    func broken() throws {
        let result = try CLIRunner.run(["lint", "policy", CLIRunner.example("policies/broken.txt"), "--json"])
        #expect(result.status == 2)
        let json = try result.json()
        #expect(json["valid"] as? Bool == false)
        #expect(Set(json.findingCodes).isSuperset(of: ["policy.syntax", "policy.mx-invalid", "policy.max-age"]))
    }

    @Test("reads standard input for - and checks MX coverage with --mx")
    func stdinAndCoverage() throws {
        let policy = "version: STSv1\nmode: enforce\nmx: *.mx.microsoft\nmax_age: 604800\n"
        let result = try CLIRunner.run(
            ["lint", "policy", "-", "--mx", "a.b.mx.microsoft", "--mx", "c.mx.microsoft", "--json"], stdin: policy)
        #expect(result.status == 2)
        let json = try result.json()
        #expect(json.findingCodes == ["policy.mx-uncovered"])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["subject"] as? String == "a.b.mx.microsoft")
    }

    @Test("human output names the verdict and the fix")
    func humanOutput() throws {
        let result = try CLIRunner.run(["lint", "policy", CLIRunner.example("policies/broken.txt")])
        #expect(result.stdout.contains("INVALID - 3 errors"))
        #expect(result.stdout.contains("fix:"))
        #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR: no escape sequences")
    }

    @Test("a missing file is exit 3 with a clear message on stderr")
    func missingFile() throws {
        let result = try CLIRunner.run(["lint", "policy", "/nonexistent/policy.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot read /nonexistent/policy.txt: no such file"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a directory is exit 3")
    func directory() throws {
        let result = try CLIRunner.run(["lint", "policy", "/tmp"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test("a 70 KiB body is judged (policy.too-large), not refused")
    func tooLarge() throws {
        let body = "version: STSv1\nmode: testing\nmx: a.example\nmax_age: 86400\n"
            + String(repeating: "x-pad: " + String(repeating: "a", count: 90) + "\n", count: 760)
        let result = try CLIRunner.run(["lint", "policy", "--json"], stdin: body)
        #expect(result.status == 2)
        #expect(try result.json().findingCodes.contains("policy.too-large"))
    }
}

import Foundation
import Testing

@Suite("mtasts policy new")
struct PolicyNewCLITests {
    @Test("the proposal lints clean and its record lints clean", arguments: ["testing", "enforce"])
    func roundTrip(mode: String) throws {
        let result = try CLIRunner.run([
            "policy", "new", "--mx", "10 MX1.example.com.", "--mx", "20 mx2.example.com", "--mode", mode,
            "--domain", "example.com", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let text = try #require(json["policyText"] as? String)
        #expect(text.hasSuffix("\r\n"))
        let lint = try CLIRunner.run(
            ["lint", "policy", "-", "--mx", "mx1.example.com", "--mx", "mx2.example.com", "--json"], stdin: text)
        #expect(lint.status == 0, "\(lint.stdout)")
        let policy = try #require(try lint.json()["policy"] as? [String: Any])
        #expect(policy["mode"] as? String == mode)
        #expect(policy["maxAge"] as? Int == (mode == "testing" ? 86_400 : 1_209_600))
        #expect(policy["mx"] as? [String] == ["mx1.example.com", "mx2.example.com"])
        let record = try #require((json["record"] as? [String: Any]))
        let id = try #require(record["id"] as? String)
        let recordText = "v=STSv1; id=\(id);"
        let recordLint = try CLIRunner.run(["lint", "sts-record", "--txt", recordText, "--json"])
        #expect(recordLint.status == 0)
        #expect(json["zoneLine"] as? String == "_mta-sts.example.com. 3600 IN TXT \"\(recordText)\"")
    }

    @Test("two proposals get different ids")
    func freshIDs() throws {
        let a = try CLIRunner.run(["policy", "new", "--mx", "a.example", "--mode", "testing", "--json"]).json()
        let b = try CLIRunner.run(["policy", "new", "--mx", "a.example", "--mode", "testing", "--json"]).json()
        let idA = (a["record"] as? [String: Any])?["id"] as? String
        let idB = (b["record"] as? [String: Any])?["id"] as? String
        #expect(idA != nil && idA != idB)
    }
}

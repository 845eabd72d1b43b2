import Foundation
import Testing

@Suite("bad usage and help")
struct UsageCLITests {
    @Test("unknown subcommand, unknown option, bad value: exit 3 with the reason on stderr",
          arguments: [
            (["lint", "bogus"], "Unexpected argument 'bogus'"),
            (["lint", "policy", "--frobnicate"], "Unknown option '--frobnicate'"),
            (["policy", "new", "--mode", "strict", "--mx", "a.example"], "strict"),
            (["policy", "new", "--mode", "enforce"], "give at least one --mx HOST"),
            (["policy", "new", "--mode", "testing", "--mx", "a.example", "--max-age", "31557601"], "--max-age must be between"),
            (["lint", "sts-record"], "give at least one --txt RECORD"),
            (["lint", "sts-record", "--txt", "\"v=STSv1; id=1"], "unterminated"),
            (["evaluate", "/nonexistent.json"], "no such file"),
          ])
    func badUsage(arguments: [String], expected: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 3, "\(arguments): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains(expected), "\(arguments): stderr was \(result.stderr)")
        #expect(result.stderr.hasPrefix("mtasts: "))
    }

    @Test("--help is exit 0 on stdout", arguments: [["--help"], ["lint", "--help"], ["lint", "policy", "--help"]])
    func help(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
    }
}

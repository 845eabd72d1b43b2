import Foundation
import Testing

/// The runner itself: a child's output never blocks it, whichever pipe fills first.
@Suite("CLI runner")
struct CLIRunnerTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test("a child writing 1 MB to stderr, then 1 MB to stdout, completes with both read whole")
    func stderrFirst() throws {
        // More than a pipe buffer (64 KiB on Linux) on stderr while nobody would read it if
        // stdout were read to its end first.
        let script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o; exit 7"
        let result = try CLIRunner.run(executable: Self.shell, ["-c", script], timeout: .seconds(60))
        #expect(result.status == 7)
        #expect(result.stderr.utf8.count == 1_048_576)
        #expect(result.stdout.utf8.count == 1_048_576)
        #expect(result.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
        #expect(result.stdout.utf8.allSatisfy { $0 == UInt8(ascii: "o") })
    }

    @Test("stdin is fed while both outputs are read")
    func stdinThrough() throws {
        let input = String(repeating: "abcdefgh\n", count: 100_000)
        let result = try CLIRunner.run(executable: Self.shell, ["-c", "tee /dev/stderr"], stdin: input, timeout: .seconds(60))
        #expect(result.status == 0)
        #expect(result.stdout == input && result.stderr == input)
    }

    @Test("a child that does not finish is killed at the timeout and the run fails")
    func timeout() throws {
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: CLIRunner.RunError.self) {
            try CLIRunner.run(executable: Self.shell, ["-c", "exec sleep 30"], timeout: .seconds(1))
        }
        #expect(clock.now - started < .seconds(25), "killed, not waited for")
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real binary in a detached tmux session, as a user at a terminal would: keys in,
/// screen text out (STYLE.md §10: real-curses captures, headless).
final class TmuxSession {
    let name: String
    let socket: String

    init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        name = "mtasts-\(UUID().uuidString.prefix(8))"
        socket = "mtasts-test-\(name)"
        let env = (["LANG": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 })
            .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        try Self.tmux(["-L", socket, "-u", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                       "env \(env) \(command); echo MTASTS-EXITED-$?; sleep 60"])
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Runs tmux with `posix_spawn` and `waitpid`, its output through a temporary file.
    ///
    /// Not Foundation's `Process`: on Linux it learns of the child's exit from a socket the
    /// child inherits, and the tmux server that `new-session` forks keeps that socket open, so
    /// `waitUntilExit` would wait for the server to die.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID()).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["/usr/bin/tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ)
        guard spawned == 0 else { throw SpawnError(code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    struct SpawnError: Error { var code: Int32 }

    func send(_ keys: String...) throws { try Self.tmux(["-L", socket, "send-keys", "-t", name] + keys) }
    func type(_ text: String) throws { try Self.tmux(["-L", socket, "send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try Self.tmux(["-L", socket, "capture-pane", "-t", name, "-p"]) }

    /// Waits until the screen contains `text` (polling), or throws after `timeout` seconds.
    @discardableResult
    func wait(for text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw WaitError(text: text, screen: last)
    }

    struct WaitError: Error, CustomStringConvertible {
        var text: String
        var screen: String
        var description: String { "timed out waiting for \(text.debugDescription); screen was:\n\(screen)" }
    }

    func close() { _ = try? Self.tmux(["-L", socket, "kill-server"]) }
}

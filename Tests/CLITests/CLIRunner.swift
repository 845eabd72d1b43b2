import Foundation
import Testing

/// Runs the real `mtasts` binary, as a user would, and captures its output and exit status.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
        }
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary: `MTASTS_BIN`, or the `mtasts` next to the test bundle.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["MTASTS_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("mtasts")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/mtasts")
    }()

    /// Runs the `mtasts` binary with `arguments`.
    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], timeout: Duration = .seconds(300)
    ) throws -> Result {
        try run(executable: binary, arguments, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Runs `executable`, feeds `stdin`, and reads stdout and stderr at the same time (each on its
    /// own thread), so a child that fills one pipe while we wait on the other cannot block. A child
    /// still running after `timeout` is killed and the run fails: a test never hangs here.
    static func run(
        executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        timeout: Duration = .seconds(300)
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let outReader = PipeReader(out.fileHandleForReading)
        let errReader = PipeReader(err.fileHandleForReading)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let deadline = DispatchTime.now() + .nanoseconds(Int(timeout.components.seconds) * 1_000_000_000)
        guard let outData = outReader.wait(until: deadline), let errData = errReader.wait(until: deadline) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw RunError.timedOut(executable.lastPathComponent, arguments, timeout)
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    enum RunError: Error, CustomStringConvertible {
        case timedOut(String, [String], Duration)

        var description: String {
            switch self {
            case .timedOut(let name, let arguments, let timeout):
                "\(name) \(arguments.joined(separator: " ")) did not finish within \(timeout): killed"
            }
        }
    }

    static func example(_ path: String) -> String { packageRoot.appendingPathComponent("Examples/" + path).path }
}

/// Reads one pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            let bytes = handle.readDataToEndOfFile()
            lock.withLock { data = bytes }
            done.signal()
        }
        thread.start()
    }

    /// Everything read, once the writer closed the pipe; nil when that did not happen by `deadline`.
    func wait(until deadline: DispatchTime) -> Data? {
        guard done.wait(timeout: deadline) == .success else { return nil }
        done.signal()
        return lock.withLock { data }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The codes of the `findings` array.
    var findingCodes: [String] {
        (self["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }
}

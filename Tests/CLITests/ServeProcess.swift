import Foundation
import Testing

/// The real `mtasts serve` binary running in the background for a test: started with
/// ephemeral ports, ready once it prints its "listening" line, stopped with SIGTERM (graceful,
/// exit 0) or killed if it does not stop.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private(set) var publicPort = 0
    private(set) var adminPort = 0
    private let output = Pipe()
    private let errors = Pipe()
    private var errorText = Data()
    private let lock = NSLock()

    init(_ arguments: [String]) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0"] + arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = errors.fileHandleForReading
        Thread.detachNewThread { [self] in
            while case let chunk = handle.availableData, !chunk.isEmpty {
                lock.lock(); errorText.append(chunk); lock.unlock()
            }
        }
        var line = Data()
        let reader = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
            let text = String(decoding: line, as: UTF8.self)
            if let match = text.firstMatch(of: /listening on 127\.0\.0\.1:(\d+) \(public\), 127\.0\.0\.1:(\d+)/) {
                publicPort = Int(match.1)!
                adminPort = Int(match.2)!
                return
            }
        }
        process.terminate()
        throw ServeStartError(output: String(decoding: line, as: UTF8.self), errors: stderr)
    }

    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: errorText, as: UTF8.self) }

    /// SIGTERM, then the exit status (SIGKILL after 20 s).
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct ServeStartError: Error, CustomStringConvertible {
        var output: String
        var errors: String
        var description: String { "mtasts serve did not start: \(output)\n\(errors)" }
    }
}

/// Fetches `url` with curl (plain or HTTPS) and returns the body.
func curl(_ arguments: [String]) throws -> CLIRunner.Result {
    try CLIRunner.run(executable: URL(fileURLWithPath: "/usr/bin/curl"), ["-sS", "--max-time", "20"] + arguments, timeout: .seconds(30))
}

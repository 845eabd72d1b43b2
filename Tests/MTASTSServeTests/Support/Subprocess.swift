import Foundation

/// Runs a program to completion with stdin bytes; stdout and stderr are read concurrently so
/// neither pipe can fill and block the child.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs on a dispatch thread, never blocking Swift's cooperative pool (which the server
    /// under test needs to answer).
    static func run(_ path: String, _ arguments: [String], stdin: [UInt8] = [], environment: [String: String]? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try runBlocking(path, arguments, stdin: stdin, environment: environment) })
            }
        }
    }

    static func runBlocking(_ path: String, _ arguments: [String], stdin: [UInt8] = [], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        input.fileHandleForWriting.write(Data(stdin))
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: [UInt8](out), stderr: String(decoding: err, as: UTF8.self))
    }

    /// `gzip -c` of `bytes`.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try runBlocking("/bin/gzip", ["-c", "-9"], stdin: bytes).stdout
    }
}

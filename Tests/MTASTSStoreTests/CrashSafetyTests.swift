import Foundation
import Testing
@testable import MTASTSStore

/// The `mtasts` executable (`MTASTS_BIN`, or built next to the test bundle), if there is one.
private let mtastsBinary: URL? = {
    if let path = ProcessInfo.processInfo.environment["MTASTS_BIN"] {
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("mtasts")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    let fallback = StoreFixture.packageRoot.appendingPathComponent(".build/debug/mtasts")
    return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
}()

/// `scripts/test` sets `MTASTS_LAB=required`: then a missing executable fails instead of skipping.
private let binaryRequired = ProcessInfo.processInfo.environment["MTASTS_LAB"] == "required"

@Suite("crash safety")
struct CrashSafetyTests {
    /// How one attempt ended.
    enum Attempt: CustomStringConvertible {
        /// Killed by SIGKILL while the import transaction was open: the proof this test wants.
        case killedMidWrite(walBytes: Int)
        /// Killed, but the import had already committed.
        case killedAfterCommit
        /// The import ended before the WAL showed the transaction under way.
        case finishedFirst(status: Int32)

        var description: String {
            switch self {
            case .killedMidWrite(let wal): "killed with SIGKILL mid-write (\(wal / 1024) KiB WAL)"
            case .killedAfterCommit: "killed with SIGKILL after the commit"
            case .finishedFirst(let status): "finished (exit \(status)) before it could be killed mid-write"
            }
        }
    }

    @Test("SIGKILL during a large `mtasts import` leaves a sound workspace: all or nothing",
          .enabled(if: mtastsBinary != nil || binaryRequired, "needs the mtasts executable (swift build)"))
    func killDuringImport() throws {
        let binary = try #require(mtastsBinary, "MTASTS_LAB=required and no mtasts executable: run swift build")
        // Larger imports when the machine was too fast to catch the first one mid-write.
        var proven = false
        for count in [200_000, 800_000] {
            let attempt = try killImport(binary: binary, count: count)
            print("crash safety: \(count) domains: \(attempt)")
            if case .killedMidWrite = attempt {
                proven = true
                break
            }
        }
        #expect(proven, "the import was never killed in the middle of its transaction: nothing was proven")
    }

    /// Imports `count` domains into a workspace holding one, kills the import with SIGKILL once the
    /// transaction spills into the WAL, and checks the workspace: sound, all or nothing, writable.
    func killImport(binary: URL, count: Int) throws -> Attempt {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("workspace.sqlite")
        // Something already committed, which must survive.
        try Workspace.open(path: path).add(domains: ["kept.example"])
        let list = directory.path("domains.txt")
        try (0..<count).map { "d\($0).example.net\n" }.joined().write(toFile: list, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", list, "--workspace", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Rows are being written once the open transaction spills pages into the WAL.
        let wal = path + "-wal"
        let deadline = Date() + 120
        var walSize = 0
        while process.isRunning, Date() < deadline {
            walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if walSize > 2_000_000 { break }
            usleep(1_000)
        }
        let sawWrites = walSize > 2_000_000
        if sawWrites { kill(process.processIdentifier, SIGKILL) }
        if process.isRunning, !sawWrites {
            // The deadline passed without a WAL: stop it, and fail.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("no write was seen within 120 s (WAL \(walSize) bytes)")
            return .finishedFirst(status: -1)
        }
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL

        let reopened = try Workspace.open(path: path)
        let integrity = try reopened.integrityCheck()
        #expect(integrity == ["ok"])
        let domains = try reopened.domainCount()
        print("crash safety: after reopening, integrity_check \(integrity), \(domains) domain(s) present")
        #expect(domains == 1 || domains == count + 1, "a partial import is visible: \(domains) domains")
        #expect(try reopened.domain("kept.example") != nil)
        // The workspace stays writable and the import can simply be run again.
        try reopened.add(domains: ["after.example"])
        #expect(try reopened.domain("after.example") != nil)

        guard killed else {
            #expect(process.terminationStatus == 0, "the import failed on its own: is \(binary.path) up to date?")
            return .finishedFirst(status: process.terminationStatus)
        }
        return domains == 1 ? .killedMidWrite(walBytes: walSize) : .killedAfterCommit
    }
}

import Foundation
import Testing
@testable import MTASTSStore

/// The `mtasts` executable built next to the test bundle, if any.
private let mtastsBinary: URL? = {
    if let path = ProcessInfo.processInfo.environment["MTASTS_BIN"] { return URL(fileURLWithPath: path) }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("mtasts")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    let fallback = StoreFixture.packageRoot.appendingPathComponent(".build/debug/mtasts")
    return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
}()

@Suite("crash safety")
struct CrashSafetyTests {
    @Test("SIGKILL during a large `mtasts import` leaves a sound workspace: all or nothing",
          .enabled(if: mtastsBinary != nil, "needs the mtasts executable (swift build)"))
    func killDuringImport() throws {
        let binary = try #require(mtastsBinary)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("workspace.sqlite")
        // Something already committed, which must survive.
        try Workspace.open(path: path).add(domains: ["kept.example"])
        let count = 200_000
        let list = directory.path("domains.txt")
        try (0..<count).map { "d\($0).example.net\n" }.joined().write(toFile: list, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", list, "--workspace", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the import transaction spills pages into the WAL (mid-write), then kill.
        let wal = path + "-wal"
        let deadline = Date() + 60
        var walSize = 0
        while process.isRunning, Date() < deadline {
            walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if walSize > 2_000_000 { break }
            usleep(2_000)
        }
        let killedMidWrite = process.isRunning
        if killedMidWrite { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        print("crash safety: \(killedMidWrite ? "killed with SIGKILL" : "finished before the kill") with a \(walSize / 1024) KiB WAL")
        if killedMidWrite {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            #expect(process.terminationStatus == 0, "the import failed on its own: is \(binary.path) up to date?")
        }

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
    }
}

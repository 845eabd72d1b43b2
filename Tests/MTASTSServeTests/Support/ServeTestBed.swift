import Foundation
import Logging
import MTASTSCore
import MTASTSServe
import MTASTSStore
import ServiceLifecycle
import Testing

/// A real `serve` on loopback (ephemeral ports), over a workspace and certificates in a
/// temporary directory, for one test. `stop()` cancels it; the directory is removed.
final class ServeTestBed: @unchecked Sendable {
    let directory: String
    let workspacePath: String
    let certsDirectory: String
    let caFile: String
    let certificates: TestCertificates
    let workspace: Workspace
    private(set) var publicPort = 0
    private(set) var adminPort = 0
    private var task: Task<Void, any Error>?
    private(set) var runner: ServeRunner?
    private var group: ServiceGroup?

    init(limits: ServeLimits = ServeLimits()) async throws {
        directory = NSTemporaryDirectory() + "mtasts-serve-\(UUID().uuidString.prefix(8))"
        certsDirectory = directory + "/certs"
        workspacePath = directory + "/workspace.sqlite"
        caFile = directory + "/ca.pem"
        try FileManager.default.createDirectory(atPath: certsDirectory, withIntermediateDirectories: true)
        certificates = try TestCertificates()
        try certificates.writeCA(to: caFile)
        workspace = try Workspace.open(path: workspacePath)
        self.limits = limits
    }

    let limits: ServeLimits

    static let policyA = "version: STSv1\r\nmode: testing\r\nmx: mx.a.test\r\nmax_age: 86400\r\n"

    /// Plans `domain` with `body` through a second handle (as another process would).
    func plan(_ domain: String, target: RolloutTarget = .testing, body: String, id: String = "20260101T000000") throws {
        let other = try Workspace.open(path: workspacePath)
        _ = try other.add(domains: [domain])
        try other.save(RolloutPlan(domain: domain, target: target, policyText: body, policyID: id, createdAt: Date()))
    }

    func start(defaultHost: String? = nil, reportsPath: String? = "/tlsrpt") async throws {
        var logger = Logger(label: "serve-test")
        logger.logLevel = .warning
        let configuration = ServeConfiguration(
            publicHost: "127.0.0.1", publicPort: 0, adminHost: "127.0.0.1", adminPort: 0, certificateDirectories: [certsDirectory],
            defaultHost: defaultHost, reportsPath: reportsPath, limits: limits, refreshInterval: .milliseconds(100))
        let runner = ServeRunner(configuration: configuration, workspace: workspace, logger: logger)
        self.runner = runner
        let ports = AsyncStream<ServeRunner.Listening>.makeStream()
        let group = try runner.serviceGroup(gracefulShutdownSignals: [], onListening: { ports.continuation.yield($0) })
        self.group = group
        task = Task { try await group.run() }
        var iterator = ports.stream.makeAsyncIterator()
        let listening = try #require(await iterator.next())
        publicPort = listening.publicPort
        adminPort = listening.adminPort
    }

    func stop() async {
        await group?.triggerGracefulShutdown()
        _ = await task?.result
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` with a started bed and stops it afterwards, also when `body` throws.
    static func with(
        limits: ServeLimits = ServeLimits(), defaultHost: String? = nil, prepare: (ServeTestBed) throws -> Void = { _ in },
        _ body: (ServeTestBed) async throws -> Void
    ) async throws {
        let bed = try await ServeTestBed(limits: limits)
        do {
            try prepare(bed)
            try await bed.start(defaultHost: defaultHost)
            try await body(bed)
        } catch {
            await bed.stop()
            throw error
        }
        await bed.stop()
    }

    /// Waits (polling, bounded) until `condition` holds; returns whether it did.
    func eventually(_ seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }
}

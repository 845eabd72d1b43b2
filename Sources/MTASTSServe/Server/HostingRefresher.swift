import Foundation
import Logging
import MTASTSCore
import MTASTSStore
import NIOPosix
import ServiceLifecycle

/// Keeps ``HostingState`` current: re-reads the plans when another process changed the
/// workspace (`mtasts plan`, `advance`, the TUI: `PRAGMA data_version`), and reloads the
/// certificates when their files change (a renewal). Each problem is logged once when it
/// appears: a hosted name without a certificate, an expired or expiring one, a file that
/// cannot be used.
public struct HostingRefresher: Service {
    let workspace: Workspace
    let state: HostingState
    let certificateDirectories: [String]
    let interval: Duration
    let logger: Logger

    public init(workspace: Workspace, state: HostingState, certificateDirectories: [String], interval: Duration = .seconds(1), logger: Logger) {
        self.workspace = workspace
        self.state = state
        self.certificateDirectories = certificateDirectories
        self.interval = interval
        self.logger = logger
    }

    /// One pass: plans if the workspace changed (or `force`), certificates if their files did.
    /// Returns the change token seen.
    @discardableResult
    public func refresh(lastToken: Int?, reported: inout Set<String>) throws -> Int {
        let token = try workspace.changeToken()
        if token != lastToken {
            let table = PolicyHostTable(plans: try workspace.plans().values)
            if table != state.table {
                state.replace(table: table)
                logger.info("hosting \(table.count) policies", metadata: ["hosts": .string(table.hosts.joined(separator: " "))])
            }
        }
        let pairs = CertificateFileLayout.pairs(in: certificateDirectories)
        if CertificateFileLayout.fingerprint(of: pairs) != state.library.fingerprint || lastToken == nil {
            let library = CertificateLibrary.load(directories: certificateDirectories)
            state.replace(library: library)
            logger.info("loaded \(library.certificates.count) certificates", metadata: ["errors": .stringConvertible(library.loadErrors.count)])
        }
        var problems = Set(state.library.loadErrors.map(\.description))
        for status in state.certificateStatus(at: Date()) { if let problem = status.problem { problems.insert(problem) } }
        for problem in problems.subtracting(reported).sorted() { logger.error("\(problem)") }
        reported = problems
        return token
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        var token: Int?
        var reported = Set<String>()
        while !Task.isCancelled {
            do {
                let last = token
                let before = reported
                let (next, nowReported) = try await NIOThreadPool.singleton.runIfActive {
                    var seen = before
                    let next = try refresh(lastToken: last, reported: &seen)
                    return (next, seen)
                }
                token = next
                reported = nowReported
            } catch {
                logger.error("cannot refresh the hosted policies: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }
}

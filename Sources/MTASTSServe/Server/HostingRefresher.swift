import Foundation
import Logging
import MTASTSCore
import MTASTSStore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Keeps ``HostingState`` current: re-reads the plans when another process changed the
/// workspace (`mtasts plan`, `advance`, the TUI: `PRAGMA data_version`), and reloads the
/// certificates when their files change (a renewal). Each problem is logged once when it
/// appears: a hosted name without a certificate, an expired or expiring one, a file that
/// cannot be used.
public final class HostingRefresher: Service, Sendable {
    let workspace: Workspace
    let state: HostingState
    let certificateDirectories: [String]
    let interval: Duration
    let logger: Logger
    private let progress = Mutex<(token: Int?, reported: Set<String>, confirmed: Date?)>((nil, [], nil))

    public init(workspace: Workspace, state: HostingState, certificateDirectories: [String], interval: Duration = .seconds(1), logger: Logger) {
        self.workspace = workspace
        self.state = state
        self.certificateDirectories = certificateDirectories
        self.interval = interval
        self.logger = logger
    }

    /// One pass: the plans if the workspace changed since the last pass (always on the first),
    /// the certificates if their files did. Blocking I/O: call it off the event loops.
    public func refresh() throws {
        let (lastToken, reported, confirmed) = progress.withLock { ($0.token, $0.reported, $0.confirmed) }
        let now = Date()
        let token = try workspace.changeToken()
        var confirm = confirmed.map { now.timeIntervalSince($0) >= PolicyHosting.heartbeat } ?? true
        if token != lastToken {
            let table = PolicyHostTable(plans: try workspace.plans().values)
            if table != state.table || lastToken == nil {
                state.replace(table: table)
                confirm = true
                logger.info("hosting \(table.count) policies", metadata: ["hosts": .string(table.hosts.joined(separator: " "))])
            }
        }
        if confirm {
            // The rollout advice reads this: "the policy file is hosted by mtasts serve".
            try workspace.recordHosting(Dictionary(uniqueKeysWithValues: state.table.byHost.values.map { ($0.domain, $0.body) }), at: now)
        }
        let pairs = CertificateFileLayout.pairs(in: certificateDirectories)
        if lastToken == nil || CertificateFileLayout.fingerprint(of: pairs) != state.library.fingerprint {
            let library = CertificateLibrary.load(directories: certificateDirectories)
            state.replace(library: library)
            logger.info("loaded \(library.certificates.count) certificates", metadata: ["unusable": .stringConvertible(library.loadErrors.count)])
        }
        var errors = Set(state.library.loadErrors.map(\.description))
        var warnings = Set<String>()
        for status in state.certificateStatus(at: Date()) {
            guard let problem = status.problem else { continue }
            if status.state.breaksFetch { errors.insert(problem) } else { warnings.insert(problem) }
        }
        for problem in errors.subtracting(reported).sorted() { logger.error("\(problem)") }
        for problem in warnings.subtracting(reported).sorted() { logger.warning("\(problem)") }
        progress.withLock { $0 = (token, errors.union(warnings), confirm ? now : confirmed) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    private func loop() async {
        while !Task.isCancelled {
            do {
                try await NIOThreadPool.singleton.runIfActive { try self.refresh() }
            } catch {
                logger.error("cannot refresh the hosted policies: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }
}

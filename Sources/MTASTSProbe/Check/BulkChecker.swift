import Foundation
import MTASTSCore

/// Checks many domains with bounded concurrency; the domains of one run share a ``RunCache``
/// (each MX address probed once, each MX host looked up once). Every observation carries the
/// run's ``RunVantage`` (port 25 blocked from here is the checker's problem, not the domains').
public struct BulkChecker: Sendable {
    public let checker: DomainChecker
    public let concurrency: Int

    public init(checker: DomainChecker, concurrency: Int) {
        self.checker = checker
        self.concurrency = max(1, concurrency)
    }

    /// Streams the run: `emit` gets each observation once its verdict is final
    /// (``RunVantageGate``), in completion order, on the calling task; nothing is kept, so memory
    /// stays flat however many domains there are. When the calling task is cancelled no further
    /// domain is started. Returns the vantage of the whole run.
    @discardableResult
    public func stream(_ domains: [String], run: RunCache = RunCache(), emit: (Observation) -> Void) async -> RunVantage {
        var gate = RunVantageGate()
        await withTaskGroup(of: Observation.self) { group in
            var next = 0
            func start() {
                // A cancelled run starts nothing more; the checks in flight finish within their budgets.
                guard next < domains.count, !Task.isCancelled else { return }
                let domain = domains[next]
                next += 1
                group.addTask { await checker.check(domain, run: run) }
            }
            for _ in 0..<min(concurrency, domains.count) { start() }
            while let observation = await group.next() {
                for ready in gate.add(observation) { emit(ready) }
                start()
            }
        }
        for ready in gate.finish() { emit(ready) }
        return gate.current
    }

    /// The whole run in input order (only the finished ones when cancelled). `progress` is
    /// called as each domain finishes (in completion order), before the run's vantage is known.
    public func check(_ domains: [String], run: RunCache = RunCache(), progress: (@Sendable (Int, Observation) -> Void)? = nil) async -> [Observation] {
        var positions: [String: Int] = [:]
        for (index, domain) in domains.enumerated() where positions[MXMatcher.normalize(domain)] == nil {
            positions[MXMatcher.normalize(domain)] = index
        }
        var results = [Observation?](repeating: nil, count: domains.count)
        var finished: [Observation] = []
        let vantage = await stream(domains, run: run) { observation in
            finished.append(observation)
            progress?(positions[observation.domain] ?? 0, observation)
        }
        for observation in finished {
            var final = observation
            final.vantage = vantage
            if let index = positions[observation.domain] { results[index] = final }
        }
        return results.compactMap { $0 }
    }
}

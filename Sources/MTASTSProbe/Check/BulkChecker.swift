import Foundation
import MTASTSCore

/// Checks many domains with bounded concurrency, sharing one MX probe cache so each MX
/// address is probed once per run. Results come back in input order, each carrying the run's
/// ``RunVantage``.
public struct BulkChecker: Sendable {
    public let checker: DomainChecker
    public let concurrency: Int

    public init(checker: DomainChecker, concurrency: Int) {
        self.checker = checker
        self.concurrency = max(1, concurrency)
    }

    /// `progress` is called once per finished domain (in completion order). The observations
    /// come back in input order; when the calling task is cancelled no further domain is
    /// started and only the finished ones come back.
    public func check(_ domains: [String], progress: (@Sendable (Int, Observation) -> Void)? = nil) async -> [Observation] {
        var results = [Observation?](repeating: nil, count: domains.count)
        await withTaskGroup(of: (Int, Observation).self) { group in
            var next = 0
            func start() {
                // A cancelled run starts nothing more; the checks in flight finish within their budgets.
                guard next < domains.count, !Task.isCancelled else { return }
                let index = next
                next += 1
                group.addTask { (index, await checker.check(domains[index])) }
            }
            for _ in 0..<min(concurrency, domains.count) { start() }
            while let (index, observation) = await group.next() {
                results[index] = observation
                progress?(index, observation)
                start()
            }
        }
        // What the whole run saw of this machine's reach goes with every observation (port 25
        // blocked from here is the checker's problem, not the domains').
        return RunVantage.annotate(results.compactMap { $0 })
    }
}

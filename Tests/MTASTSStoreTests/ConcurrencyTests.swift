import Foundation
import Testing
import GRDB
@testable import MTASTSStore

/// Collects readers' outcomes across threads.
private final class ReaderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reads = 0
    private var problems: [String] = []

    func record(_ problem: String?) {
        lock.lock()
        defer { lock.unlock() }
        reads += 1
        if let problem { problems.append(problem) }
    }

    var snapshot: (reads: Int, problems: [String]) {
        lock.lock()
        defer { lock.unlock() }
        return (reads, problems)
    }
}

@Suite("readers alongside a writer")
struct ConcurrencyTests {
    @Test("readers running beside a writer see only whole transactions and never fail")
    func readersWhileWriting() throws {
        try withTemporaryWorkspace { workspace, _ in
            let names = (0..<200).map { "d\($0).example" }
            try workspace.add(domains: names)
            let log = ReaderLog()
            let done = DispatchSemaphore(value: 0)
            let writerFinished = ManagedFlag()
            let readers = 3
            for _ in 0..<readers {
                Thread {
                    var lastCount = 0
                    while !writerFinished.isSet {
                        do {
                            // One snapshot: every observation has its payload, counts only grow.
                            let (observations, payloads) = try workspace.writer.read { db in
                                (try Int.fetchOne(db, sql: "SELECT count(*) FROM observations") ?? -1,
                                 try Int.fetchOne(db, sql: "SELECT count(*) FROM observation_payloads") ?? -2)
                            }
                            let summaries = try workspace.domainSummaries()
                            var problem: String?
                            if observations != payloads { problem = "\(observations) observations, \(payloads) payloads" }
                            if observations % 10 != 0 { problem = "saw \(observations) observations: half a batch" }
                            if observations < lastCount { problem = "count went back from \(lastCount) to \(observations)" }
                            if summaries.count != names.count { problem = "\(summaries.count) summaries" }
                            lastCount = observations
                            log.record(problem)
                        } catch {
                            log.record("read failed: \(error)")
                        }
                    }
                    done.signal()
                }.start()
            }
            // The writer: 100 transactions of 10 observations.
            for batch in 0..<100 {
                let observations = (0..<10).map { i in
                    StoreFixture.observation(names[(batch * 10 + i) % names.count], at: StoreFixture.now + Double(batch))
                }
                try workspace.save(observations)
            }
            writerFinished.set()
            for _ in 0..<readers { done.wait() }
            let (reads, problems) = log.snapshot
            print("concurrency: \(reads) consistent reads by \(readers) readers during 100 write transactions")
            #expect(problems.isEmpty, "\(problems.prefix(5))")
            #expect(reads >= readers)
            #expect(try workspace.observationCount() == 1000)
        }
    }
}

/// A flag set once by one thread and polled by others.
private final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

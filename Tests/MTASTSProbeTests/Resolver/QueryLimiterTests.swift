import Testing
@testable import MTASTSProbe

@Suite("DNS queries in flight are bounded per resolver")
struct QueryLimiterTests {
    actor Gauge {
        var now = 0
        var peak = 0
        func enter() { now += 1; peak = max(peak, now) }
        func leave() { now -= 1 }
    }

    @Test("at most `limit` at once; every waiter gets its turn")
    func bounded() async {
        let limiter = QueryLimiter(limit: 3)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await limiter.acquire()
                    await gauge.enter()
                    await Task.yield()
                    await gauge.leave()
                    await limiter.release()
                }
            }
        }
        #expect(await gauge.peak <= 3)
        #expect(await gauge.peak >= 1)
        #expect(await gauge.now == 0, "all 40 ran to the end")
    }
}

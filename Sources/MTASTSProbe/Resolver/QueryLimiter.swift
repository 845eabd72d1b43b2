/// Bounds the DNS queries in flight to one resolver. A recursive resolver keeps a fixed number of
/// queries per thread (unbound's `num-queries-per-thread`, 512 or 1024 by default, 256 in the lab)
/// and drops the rest, which the client only notices at its timeout: with 64 domains checked at
/// once, each asking five or more names, a cold cache made a run slower, not faster. Queued here,
/// the queries wait their turn instead.
actor QueryLimiter {
    private let limit: Int
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

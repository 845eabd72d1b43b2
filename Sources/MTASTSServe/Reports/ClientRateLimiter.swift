import Foundation

/// A token bucket per client address for the report endpoint: `burst` requests at once, then
/// `perSecond` on average. Time is an input, so the rule is tested without waiting. The table
/// is bounded: past `maximumClients`, clients whose bucket has refilled are forgotten first
/// (they would get a full bucket anyway), so a flood of source addresses costs bounded memory.
public struct ClientRateLimiter: Sendable {
    public var burst: Double
    public var perSecond: Double
    public var maximumClients: Int
    private var buckets: [String: Bucket] = [:]

    struct Bucket: Sendable {
        var tokens: Double
        var updated: Date
    }

    public init(burst: Double = 30, perSecond: Double = 1, maximumClients: Int = 10_000) {
        self.burst = max(1, burst)
        self.perSecond = max(0, perSecond)
        self.maximumClients = max(1, maximumClients)
    }

    /// Takes one token for `client` at `now`; `false` when its bucket is empty (answer 429).
    public mutating func allow(_ client: String, at now: Date) -> Bool {
        var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(burst, bucket.tokens + elapsed * perSecond)
        bucket.updated = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        if buckets[client] == nil, buckets.count >= maximumClients { forgetRefilled(at: now) }
        if buckets[client] != nil || buckets.count < maximumClients { buckets[client] = bucket }
        return allowed
    }

    /// Seconds until `client` may send again (for `Retry-After`), at least 1.
    public func retryAfter(_ client: String) -> Int {
        guard perSecond > 0 else { return 3600 }
        let missing = 1 - (buckets[client]?.tokens ?? burst)
        return max(1, Int((missing / perSecond).rounded(.up)))
    }

    public var clientCount: Int { buckets.count }

    private mutating func forgetRefilled(at now: Date) {
        let full = perSecond > 0 ? burst / perSecond : .infinity
        buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < full }
        if buckets.count >= maximumClients, let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets[oldest] = nil
        }
    }
}

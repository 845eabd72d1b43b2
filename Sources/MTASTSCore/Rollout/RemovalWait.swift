import Foundation

/// When the records may be removed after `mode: none` went live (RFC 8461 §8.3).
///
/// RFC 8461 §8.3: "publish a new policy with 'mode' equal to 'none' and a small 'max_age'
/// ... and update the TXT id; wait at least the 'max_age' of the previous policy ...; then
/// remove the TXT record and the policy file." A sender may hold any earlier `testing` or
/// `enforce` policy until it was last served plus its `max_age` (§3.3, §5.1): the bound is the
/// latest such expiry the history shows, plus the TXT TTL for resolvers' caches.
public enum RemovalWait {
    /// Since when `mode: none` is live (start of the trailing run of `removing`), or `nil`.
    public static func removingSince(_ history: [HistoryPoint]) -> Date? {
        history.trailingRun(in: .removing).first?.observedAt
    }

    /// The earliest safe removal time, or `nil` when the domain is not in `removing`.
    public static func earliestRemoval(_ history: [HistoryPoint], txtTTL: UInt32?) -> Date? {
        guard let since = removingSince(history) else { return nil }
        let points = history.chronological
        var latestExpiry = since
        for (index, point) in points.enumerated() where point.mode == .testing || point.mode == .enforce {
            guard let maxAge = point.maxAge else { continue }
            // The policy was servable until the next observation showed something else.
            let lastServed = index + 1 < points.count ? points[index + 1].observedAt : point.observedAt
            latestExpiry = max(latestExpiry, lastServed.addingTimeInterval(TimeInterval(maxAge)))
        }
        return latestExpiry.addingTimeInterval(TimeInterval(txtTTL ?? 0))
    }
}

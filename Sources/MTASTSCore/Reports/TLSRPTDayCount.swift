import Foundation

/// Sessions reported for one UTC day (RFC 8460 §4.1: a report covers a UTC day; §4.4: the
/// `summary` counts), bucketed by the day of the report's `start-datetime`.
public struct TLSRPTDayCount: Sendable, Codable, Hashable {
    public var day: UTCDay
    public var successes: Int
    public var failures: Int

    public init(day: UTCDay, successes: Int = 0, failures: Int = 0) {
        self.day = day
        self.successes = successes
        self.failures = failures
    }

    /// `days` consecutive days ending with `last`, zero where `counts` has nothing, oldest first.
    public static func filled(_ counts: [TLSRPTDayCount], last: UTCDay, days: Int) -> [TLSRPTDayCount] {
        let known = Dictionary(counts.map { ($0.day, $0) }, uniquingKeysWith: { a, b in
            TLSRPTDayCount(day: a.day, successes: a.successes.addingSaturating(b.successes), failures: a.failures.addingSaturating(b.failures))
        })
        return (0..<max(0, days)).map { offset in
            let day = last.adding(offset - days + 1)
            return known[day] ?? TLSRPTDayCount(day: day)
        }
    }
}

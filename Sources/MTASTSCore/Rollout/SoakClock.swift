import Foundation

/// How long the domain has been live in `testing`, from the history.
///
/// In `mode: testing` senders deliver anyway and report what would have failed (RFC 8461 §5,
/// RFC 8460 §4): the soak is the time those reports had to arrive. It counts from the first
/// observation of the current uninterrupted run of `testing` observations serving the same
/// policy body; a changed body restarts it (the reports were about another policy).
public enum SoakClock {
    /// The start of the current soak, or `nil` when the newest observation is not `testing`.
    public static func testingSince(_ history: [HistoryPoint]) -> Date? {
        let run = history.trailingRun(in: .testing)
        guard let latest = run.last else { return nil }
        let sameBody = run.reversed().prefix { $0.policySHA256 == latest.policySHA256 }
        return sameBody.last?.observedAt
    }

    /// Seconds in `testing` up to `now`, or `nil` when not in `testing`.
    public static func seconds(_ history: [HistoryPoint], now: Date) -> TimeInterval? {
        testingSince(history).map { max(0, now.timeIntervalSince($0)) }
    }
}

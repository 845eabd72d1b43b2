import GRDB

/// Sums of stored session counts that cannot overflow. SQLite's `SUM()` of integers fails the
/// whole query with "integer overflow" past 2^63 (so two forged reports near `Int64.max` hid
/// every domain), so summaries use `TOTAL()`, which adds in floating point and never fails,
/// and read the result back clamped to `0...Int.max`. The parser caps each count at 2^40
/// (``TLSRPTReportParser/Limits/maxSessionCount``), so real sums stay below 2^53 and exact;
/// a row stored before that cap can still never make a reader trap.
enum SessionSum {
    /// The SQL for the sum of `column`.
    static func sql(_ column: String) -> String { "TOTAL(\(column))" }

    /// `value` (a `TOTAL()`) as an `Int`, pinned at `Int.max`; `0` for NaN or a negative sum.
    static func int(_ value: Double) -> Int {
        guard value > 0 else { return 0 }  // also NaN
        // 2^63 is the first double outside Int; converting it (or more) would trap.
        return value >= 9_223_372_036_854_775_808.0 ? .max : Int(value)
    }
}

extension Row {
    /// The `TOTAL()` in `column`, as ``SessionSum/int(_:)`` reads it (`0` for `NULL`).
    func sessionSum(_ column: String) -> Int {
        SessionSum.int((self[column] as Double?) ?? 0)
    }
}

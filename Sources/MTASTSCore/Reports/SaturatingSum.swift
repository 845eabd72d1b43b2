/// Sums of session counts that cannot trap: each count a sender writes may be anything up to
/// `Int.max` (RFC 8460 §4.4 sets no bound and the parser accepts every 64-bit integer), so
/// adding a report's counts up pins at `Int.max` instead of overflowing.
extension Int {
    public func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}

extension Sequence where Element == Int {
    public var saturatingSum: Int { reduce(0) { $0.addingSaturating($1) } }
}

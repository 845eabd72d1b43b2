import Foundation

/// A calendar day in UTC, counted from 1970-01-01: how TLS-RPT's daily reports are bucketed
/// (RFC 8460 §4.1: "The report SHOULD cover a full day, from 0000-2400 UTC").
public struct UTCDay: Sendable, Codable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var number: Int

    public init(number: Int) { self.number = number }

    public init(_ date: Date) {
        number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Midnight UTC at the start of the day.
    public var start: Date { Date(timeIntervalSince1970: Double(number) * 86_400) }

    public func adding(_ days: Int) -> UTCDay { UTCDay(number: number + days) }

    /// `YYYY-MM-DD` (civil-from-days, H. Hinnant's algorithm; no formatter, no locale).
    public var string: String {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (a: UTCDay, b: UTCDay) -> Bool { a.number < b.number }
}

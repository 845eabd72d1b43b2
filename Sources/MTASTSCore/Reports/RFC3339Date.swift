import Foundation

/// Reads the `date-time` of RFC 3339 §5.6 that RFC 8460 §4.4 uses for `start-datetime` and
/// `end-datetime`:
///
/// ```
/// date-time    = full-date "T" full-time        ; "t" and " " accepted (RFC 3339 §5.6 NOTE)
/// full-date    = date-fullyear "-" date-month "-" date-mday
/// full-time    = partial-time time-offset
/// partial-time = time-hour ":" time-minute ":" time-second [time-secfrac]
/// time-offset  = "Z" / time-numoffset          ; "z" and "+hhmm" accepted
/// ```
/// A missing `time-offset` (seen in real reports) is read as UTC and reported by the caller.
public enum RFC3339Date {
    public struct Parsed: Sendable, Hashable {
        public var date: Date
        /// False when the text had no time zone and UTC was assumed.
        public var hasZone: Bool
    }

    public static func parse(_ text: String) -> Parsed? {
        let bytes = Array(text.utf8)
        var index = 0

        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ allowed: [UInt8]) -> Bool {
            guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), expect([0x2D]), let month = digits(2), expect([0x2D]), let day = digits(2),
            expect([0x54, 0x74, 0x20]), let hour = digits(2), expect([0x3A]), let minute = digits(2), expect([0x3A]),
            let second = digits(2)
        else { return nil }
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59,
            second <= 60
        else { return nil }
        var offsetSeconds = 0
        var hasZone = true
        if index == bytes.count {
            hasZone = false
        } else if expect([0x5A, 0x7A]) {
            offsetSeconds = 0
        } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            let sign = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let offsetHour = digits(2), offsetHour <= 23 else { return nil }
            _ = expect([0x3A])
            guard let offsetMinute = digits(2), offsetMinute <= 59 else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        // A leap second (second 60) is read as the last second of the minute.
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
            + min(second, 59) - offsetSeconds
        return Parsed(date: Date(timeIntervalSince1970: Double(seconds) + fraction), hasZone: hasZone)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

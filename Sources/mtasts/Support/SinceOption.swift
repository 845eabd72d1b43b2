import ArgumentParser
import Foundation
import MTASTSCore

/// `--since`: a duration back from now (`7d`, `24h`, `90m`, `2w`, `1.5d`) or a UTC date
/// (`2026-01-31`) or an RFC 3339 date-time.
///
/// A duration is decimal digits (with at most one `.`) and a unit, at most
/// ``maxDuration`` (100 years): `infd`, `nand`, `1e300d`, a 20-digit count or a sign are
/// refused with a ``ValidationError`` instead of reaching date arithmetic (which traps on a
/// non-finite interval and prints nonsense years for huge ones).
enum SinceOption {
    /// The longest duration accepted: 100 years of 365.25 days.
    static let maxDuration: TimeInterval = 100 * 365.25 * 86_400

    static let units: [Character: Double] = ["m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    static let expected = "expected a duration such as 7d, 24h, 2w or 90m (at most 100 years), or a date YYYY-MM-DD"

    /// The date `text` names, or a ``ValidationError`` saying what is accepted.
    static func date(_ text: String, now: Date) throws(ValidationError) -> Date {
        if let unit = text.last.flatMap({ units[$0] }) {
            let count = text.dropLast()
            guard isDecimal(count), let value = Double(count), value.isFinite else {
                throw ValidationError("--since \(text): \(expected)")
            }
            let seconds = value * unit
            guard seconds.isFinite, seconds <= maxDuration else {
                throw ValidationError("--since \(text): at most 100 years back (36525d) is accepted")
            }
            return now.addingTimeInterval(-seconds)
        }
        if text.count == 10, let parsed = RFC3339Date.parse(text + "T00:00:00Z") { return parsed.date }
        if let parsed = RFC3339Date.parse(text) { return parsed.date }
        throw ValidationError("--since \(text): \(expected)")
    }

    /// Digits with at most one `.` between or after them (`7`, `1.5`, `2.`), nothing else.
    static func isDecimal(_ text: Substring) -> Bool {
        var digits = 0, points = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1 && digits <= 15
    }
}

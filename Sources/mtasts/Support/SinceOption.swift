import Foundation
import MTASTSCore

/// `--since`: a duration back from now (`7d`, `24h`, `90m`, `2w`) or a UTC date (`2026-01-31`)
/// or an RFC 3339 date-time.
enum SinceOption {
    static func parse(_ text: String, now: Date) -> Date? {
        let units: [Character: Double] = ["m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        if let unit = text.last.flatMap({ units[$0] }), let count = Double(text.dropLast()), count >= 0 {
            return now.addingTimeInterval(-count * unit)
        }
        if text.count == 10, let parsed = RFC3339Date.parse(text + "T00:00:00Z") { return parsed.date }
        return RFC3339Date.parse(text)?.date
    }
}

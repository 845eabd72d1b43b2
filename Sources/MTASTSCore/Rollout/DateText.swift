import Foundation

extension Date {
    /// `2026-11-29 09:30Z`: compact UTC time for evidence and instructions.
    public var rolloutText: String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: self)
        return String(format: "%04d-%02d-%02d %02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}

/// `3d 4h`, `5h 10m`, `42s`: durations for people.
public enum RolloutDuration {
    public static func text(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 0 { return "-" + text(-seconds) }
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        return "\(s / 86_400)d \(s % 86_400 / 3600)h"
    }
}

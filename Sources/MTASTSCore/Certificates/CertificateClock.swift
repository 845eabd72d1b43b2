import Foundation

/// The one place certificate time is judged: days left, the "expiring" threshold, validity at
/// a given time. Every surface (findings, the enforce gate, the list's expiry column, the
/// Certificates pane) asks here instead of counting days itself.
public enum CertificateClock {
    /// A certificate expiring sooner than this is `*-cert.expiring`, and blocks `mode: enforce`:
    /// under enforce an expired certificate makes senders refuse the host (RFC 8461 §4.2, §5),
    /// and ACME clients renew 30 days ahead, so 14 days left means renewal is failing.
    public static let expiringWithin: TimeInterval = 14 * 86_400

    /// Whole days from `now` to `date`, rounded down (negative once passed).
    public static func days(from now: Date, to date: Date) -> Int {
        let days = (date.timeIntervalSince(now) / 86_400).rounded(.down)
        return days.isFinite ? Int(max(-1_000_000, min(1_000_000, days))) : 0
    }

    public static func validity(notBefore: Date, notAfter: Date, at now: Date) -> CertificateValidity {
        if now > notAfter { return .expired }
        if now < notBefore { return .notYetValid }
        return notAfter.timeIntervalSince(now) < expiringWithin ? .expiring : .valid
    }

    /// The instants after `now` at which ``validity(notBefore:notAfter:at:)`` changes.
    static func changes(notBefore: Date, notAfter: Date, after now: Date) -> [Date] {
        [notBefore, notAfter.addingTimeInterval(-expiringWithin), notAfter].filter { $0 > now }
    }
}

/// A certificate's validity at one time.
public enum CertificateValidity: String, Codable, Sendable, CaseIterable {
    case valid
    /// Valid, but for less than ``CertificateClock/expiringWithin``.
    case expiring
    case expired
    case notYetValid = "not-yet-valid"
}

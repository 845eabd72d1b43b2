import Foundation
import Testing
@testable import MTASTSCore

/// `date-time` of RFC 3339 §5.6 as RFC 8460 §4.4 uses it.
@Suite("RFC 3339 date-time")
struct RFC3339DateTests {
    static let base = 1_749_859_200.0  // 2025-06-14T00:00:00Z

    @Test("accepted forms", arguments: [
        ("2025-06-14T00:00:00Z", base, true),
        ("2025-06-14t00:00:00z", base, true),
        ("2025-06-14 00:00:00Z", base, true),
        ("2025-06-14T02:00:00+02:00", base, true),
        ("2025-06-13T22:00:00-0200", base, true),
        ("2025-06-14T00:00:00.5Z", base + 0.5, true),
        ("2025-06-14T00:00:00", base, false),
        ("2024-02-29T00:00:00Z", 1_709_164_800, true),
        ("2016-12-31T23:59:60Z", 1_483_228_799, true),
        ("1970-01-01T00:00:00Z", 0, true),
    ])
    func accepted(_ text: String, _ seconds: Double, _ zone: Bool) throws {
        let parsed = try #require(RFC3339Date.parse(text))
        #expect(parsed.date.timeIntervalSince1970 == seconds)
        #expect(parsed.hasZone == zone)
    }

    @Test("refused forms", arguments: [
        "", "2025-06-14", "2025-6-14T00:00:00Z", "2025-06-14T00:00Z", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
        "2025-06-14T24:00:00Z", "2025-06-14T00:60:00Z", "2025-06-14T00:00:00.Z", "2025-06-14T00:00:00+2", "2025-06-14T00:00:00ZZ",
        "Sat, 14 Jun 2025 00:00:00 +0000",
    ])
    func refused(_ text: String) {
        #expect(RFC3339Date.parse(text) == nil)
    }
}

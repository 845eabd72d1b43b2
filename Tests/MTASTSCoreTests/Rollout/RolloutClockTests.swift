import Foundation
import Testing
@testable import MTASTSCore

@Suite("Rollout: soak clock, removal wait, timeline, line diff")
struct RolloutClockTests {
    typealias F = RolloutFixture

    @Test("soak counts from the first testing observation of the current run with the same body (RFC 8461 §5)")
    func soak() {
        let history = [F.point(20, .testing), F.point(15, .none), F.point(10, .testing, sha: "s0"), F.point(6, .testing), F.point(1, .testing)]
        #expect(SoakClock.testingSince(history) == F.now - 6 * F.day)
        #expect(SoakClock.seconds(history, now: F.now) == 6 * F.day)
        #expect(SoakClock.seconds(history + [F.point(0.5, .enforce)], now: F.now) == nil)
        #expect(SoakClock.seconds([], now: F.now) == nil)
    }

    @Test("removal waits for the latest max_age a sender may still hold, plus the TXT TTL (RFC 8461 §8.3)")
    func removalWait() {
        let history = [F.point(10, .enforce, maxAge: 7 * 86_400), F.point(5, .testing, maxAge: 86_400), F.point(4, .removing, maxAge: 60)]
        // The enforce policy was last served 5 days ago: cached copies run out 2 days from now.
        let earliest = RemovalWait.earliestRemoval(history, txtTTL: 300)
        #expect(earliest == F.now + 2 * F.day + 300)
        #expect(RemovalWait.removingSince(history) == F.now - 4 * F.day)
        #expect(RemovalWait.earliestRemoval([F.point(1, .testing)], txtTTL: nil) == nil)
    }

    @Test("the timeline merges consecutive observations of a stage")
    func timeline() {
        let spans = StageSpan.timeline([F.point(3, .none), F.point(2, .testing), F.point(1, .testing), F.point(0, .enforce)])
        #expect(spans.map(\.stage) == [.none, .testing, .enforce])
        #expect(spans[1].observations == 2)
        #expect(spans[1].from == F.now - 2 * F.day && spans[1].to == F.now - F.day)
    }

    @Test("line diff: planned lines +, live-only lines -, CRLF and LF alike")
    func diff() {
        let live = LineDiff.lines("version: STSv1\r\nmode: testing\r\nmx: a\r\nmax_age: 86400\r\n")
        let plan = LineDiff.lines("version: STSv1\nmode: enforce\nmx: a\nmax_age: 1209600\n")
        let diff = LineDiff.diff(live: live, planned: plan).map(\.rendered)
        #expect(diff == ["  version: STSv1", "+ mode: enforce", "- mode: testing", "  mx: a", "+ max_age: 1209600", "- max_age: 86400"])
    }
}

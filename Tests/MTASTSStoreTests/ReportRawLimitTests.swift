import Foundation
import Testing
import MTASTSCore
@testable import MTASTSStore

@Suite("Workspace: what one report costs is bounded by the caps, not by what was mailed")
struct ReportRawLimitTests {
    @Test("a report over 1 MiB as received keeps its normalised form, with report.raw-not-kept; show still reads it")
    func oversizeRawNotKept() throws {
        let workspace = try Workspace.inMemory()
        let json = ReportFixture.json(id: "big-1", start: StoreFixture.now,
                                      failures: [(type: "certificate-expired", mx: "mx1.example.org", count: 3, ip: "198.51.100.7")])
        // 2 MiB of insignificant whitespace: valid JSON, 2 MiB in the mail, a few hundred bytes of report.
        let padded = json.replacingOccurrences(of: "\"policies\"", with: String(repeating: " ", count: 2 << 20) + "\"policies\"")
        let parsed = try ReportFixture.parsed(padded)
        #expect(parsed.raw.count > StoredReportRow.rawLimit)
        _ = try workspace.store(parsed, source: "big.json", ingestedAt: StoreFixture.now)
        let stored = try #require(try workspace.storedReports(reportID: "big-1").first)
        #expect(stored.raw.utf8.count < 64 * 1024, "\(stored.raw.utf8.count) bytes kept")
        #expect(stored.findings.contains { $0.code == .reportRawNotKept })
        #expect(stored.report.policies.first?.summary.failedSessions == 3, "the normalised report reads back the same")
        // A report within the limit keeps the sender's bytes exactly.
        _ = try workspace.store(try ReportFixture.parsed(ReportFixture.json(id: "small-1", start: StoreFixture.now)), ingestedAt: StoreFixture.now)
        let small = try #require(try workspace.storedReports(reportID: "small-1").first)
        #expect(small.raw == ReportFixture.json(id: "small-1", start: StoreFixture.now))
    }
}

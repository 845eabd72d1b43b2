import Foundation
import Testing
import MTASTSCore
@testable import MTASTSStore

@Suite("observations in the workspace")
struct ObservationTests {
    @Test("a saved observation reads back equal, newest first, with limit")
    func roundTrip() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        let old = StoreFixture.observation("a.example", at: StoreFixture.now - StoreFixture.day)
        let new = StoreFixture.observation("a.example", at: StoreFixture.now, mode: .enforce)
        // Saved out of order: "latest" follows the observation time, not the insert order.
        try workspace.save(new)
        try workspace.save(old)
        #expect(try workspace.latestObservation(domain: "A.Example.") == new)
        #expect(try workspace.observations(domain: "a.example") == [new, old])
        #expect(try workspace.observations(domain: "a.example", limit: 1) == [new])
        #expect(try workspace.latestObservation(domain: "b.example") == nil)
    }

    @Test("summary columns come from the core's evaluation at the observation time")
    func summaryColumns() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["example.org"])
        let observation = try StoreFixture.exampleOrg()
        let report = Evaluator.evaluate(observation)
        let id = try workspace.save(observation)
        let summary = try #require(try workspace.history(domain: "example.org").first)
        #expect(summary.id == id)
        #expect(summary.observedAt == observation.observedAt)
        #expect(summary.liveStage == .testing)
        #expect(summary.worstSeverity == .error)
        #expect(summary.worstCode == report.worstFinding?.code)
        #expect(summary.errorCount == report.errors.count)
        #expect(summary.warningCount == report.warnings.count)
        #expect(summary.infoCount == report.findings.count - report.errors.count - report.warnings.count)
        #expect(!summary.enforceReady)
        #expect(summary.earliestCertificateExpiryDays == report.earliestCertificateExpiryDays)
        #expect(summary.mxCount == 2)
        #expect(summary.mxHosts == ["mx1.example.org", "mx2.example.org"])
        #expect(summary.policyID == "20261101T000000")
        #expect(summary.policySHA256 == "137d5714120b19cf5cc950240f656723b25fda9b156950d0c001d4abda182d1d")
        #expect(summary.mode == .testing)
        #expect(summary.maxAge == 86400)
    }

    @Test("a domain without a record: stage none, no policy columns")
    func unpublished() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        try workspace.save(StoreFixture.unpublished("a.example"))
        let summary = try #require(try workspace.history(domain: "a.example").first)
        #expect(summary.liveStage == LiveStage.none)
        #expect(summary.policyID == nil)
        #expect(summary.policySHA256 == nil)
        #expect(summary.mode == nil)
        #expect(summary.maxAge == nil)
        #expect(summary.earliestCertificateExpiryDays == nil)
    }

    @Test("saving for an unknown domain fails and saves none of the batch")
    func unknownDomain() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        #expect(throws: WorkspaceError.unknownDomain("b.example")) {
            try workspace.save([StoreFixture.observation("a.example"), StoreFixture.observation("B.example")])
        }
        #expect(try workspace.observationCount() == 0)
    }

    @Test("history keeps the policy id and body hash over time")
    func history() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        try workspace.save([
            StoreFixture.observation("a.example", at: StoreFixture.now - 2 * StoreFixture.day, mode: .testing, id: "1"),
            StoreFixture.observation("a.example", at: StoreFixture.now - StoreFixture.day, mode: .enforce, id: "1"),
            StoreFixture.observation("a.example", at: StoreFixture.now, mode: .enforce, id: "2"),
        ])
        let history = try workspace.history(domain: "a.example")
        #expect(history.map(\.policyID) == ["2", "1", "1"])
        #expect(history.map(\.mode) == [.enforce, .enforce, .testing])
        // Same id, different body: the "body changed, id unchanged" signal.
        #expect(history[1].policyID == history[2].policyID && history[1].policySHA256 != history[2].policySHA256)
        #expect(history[0].policySHA256 == history[1].policySHA256)
        #expect(try workspace.history(domain: "a.example", limit: 2).count == 2)
    }
}

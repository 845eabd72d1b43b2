import Foundation
import GRDB
import Testing
import MTASTSCore
@testable import MTASTSStore

/// The store keeps evidence; the verdicts it caches are the core's, judged again once they no
/// longer hold (issue: one verdict).
@Suite("verdicts cached by the store are the core's at now")
struct VerdictCacheTests {
    let now = StoreFixture.now
    let day = StoreFixture.day

    @Test("a certificate crossing the 14 days after the save: the list judges it at now, like the detail screen")
    func staleSummaryJudgedAgain() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        var observation = StoreFixture.observation("a.example", at: now)
        observation.mxHosts[0].probes[0].tls?.chain[0].notAfter = now + 20 * day
        try workspace.save(observation)
        let fresh = try #require(try workspace.domainSummaries(now: now).first?.latest)
        #expect(fresh.enforceState == .ready)
        #expect(fresh.validUntil == now + 6 * day)
        #expect(fresh.isCurrent(at: now + day))

        let later = now + 10 * day
        let summary = try #require(try workspace.domainSummaries(now: later).first?.latest)
        let report = Evaluator.evaluate(observation, at: later)
        #expect(!fresh.isCurrent(at: later))
        #expect(summary.worstCode == report.worstFinding?.code)
        #expect(summary.enforceState == report.enforce.state)
        #expect(summary.enforceState == .blocked)
        #expect(summary.earliestCertificateExpiryDays == report.earliestCertificateExpiryDays)
        #expect(summary.earliestCertificateExpiryDays == 10)
        // Without `now` the cached columns come back as stored.
        #expect(try workspace.domainSummaries().first?.latest?.enforceState == .ready)
    }

    @Test("a truncated policy download is stored without a body hash, so it cannot fake policy.id-not-bumped later")
    func truncatedBodyNotHashed() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        try workspace.save(StoreFixture.observation("a.example", at: now - 2 * day))
        var cut = StoreFixture.observation("a.example", at: now - day)
        var fetch = try #require(cut.policyFetch)
        fetch.body = Array((fetch.body ?? []).prefix(20))
        fetch.bodyTruncated = true
        cut.policyFetch = fetch
        try workspace.save(cut)
        try workspace.save(StoreFixture.observation("a.example", at: now))
        let history = try workspace.history(domain: "a.example")
        #expect(history.map { $0.policySHA256 != nil } == [true, false, true])
        #expect(PolicyIDDiscipline.findings(domain: "a.example", history: try workspace.rolloutHistory(domain: "a.example")).isEmpty)
    }

    @Test("an observation the checker could not judge stays out of the rollout history")
    func unknownNotInHistory() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        try workspace.save(StoreFixture.observation("a.example", at: now - day))
        let unreachable = Observation(
            domain: "a.example", observedAt: now, resolver: "127.0.0.1:9",
            mx: DNSLookup(status: .timeout), stsTXT: DNSLookup(status: .timeout), tlsrptTXT: DNSLookup(status: .timeout))
        try workspace.save(unreachable)
        #expect(try workspace.history(domain: "a.example").first?.liveStage == .unknown, "kept as evidence")
        #expect(try workspace.rolloutHistory(domain: "a.example").map(\.liveStage) == [.testing])
        #expect(try workspace.domainSummaries(now: now).first?.latest?.enforceState == .unknown)
    }

    @Test("rejudging rewrites hashes and verdicts an earlier version stored (the v4 backfill)")
    func rejudge() throws {
        let workspace = try Workspace.inMemory()
        try workspace.add(domains: ["a.example"])
        var cut = StoreFixture.observation("a.example", at: now)
        cut.policyFetch?.bodyTruncated = true
        let id = try workspace.save(cut)
        try workspace.writer.write { db in
            try db.execute(sql: "UPDATE observations SET policy_sha256 = 'deadbeef', rules_version = 0, enforce_state = 'ready' WHERE id = ?",
                           arguments: [id])
        }
        #expect(try workspace.history(domain: "a.example").first?.policySHA256 == "deadbeef")
        try workspace.writer.write { db in try Workspace.rejudge(db, where: "1") }
        let summary = try #require(try workspace.history(domain: "a.example").first)
        #expect(summary.policySHA256 == nil)
        #expect(summary.rulesVersion == Evaluator.rulesVersion)
        #expect(summary.enforceState == .blocked)
    }
}

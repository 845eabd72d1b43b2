import Foundation
import GRDB
import MTASTSCore
import Testing
@testable import MTASTSStore

/// Issue 11: a stored row with counts no parser accepts any more (written before the 2^40 cap,
/// or by hand) can never make a reader trap or fail, and `reports remove` takes it out with an
/// audit entry.
@Suite("Workspace: hostile reports")
struct HostileReportStoreTests {
    let now = StoreFixture.now

    func dayStart(_ daysAgo: Int) -> Date { UTCDay(now).adding(-daysAgo).start }

    /// Two reports for example.org whose every count is then set near `Int64.max`, as the
    /// parser before the cap stored them; one ordinary report of another sender.
    func forged() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        let reports = try [
            ReportFixture.json(org: "forger.example", id: "f1", start: dayStart(1),
                               failures: [("certificate-expired", "mx1.example.org", 1, "192.0.2.1"),
                                          ("certificate-expired", "mx1.example.org", 1, "192.0.2.2")]),
            ReportFixture.json(org: "forger.example", id: "f2", start: dayStart(1),
                               failures: [("certificate-expired", "mx1.example.org", 1, "192.0.2.1")]),
            ReportFixture.json(id: "g1", start: dayStart(2), successes: 900,
                               failures: [("starttls-not-supported", "mx2.example.org", 3, "209.85.220.1")]),
        ].map(ReportFixture.parsed)
        #expect(try workspace.store(reports, ingestedAt: now).allSatisfy(\.isStored))
        let huge = 9_223_372_036_854_775_800
        try workspace.writer.write { db in
            let forged = "(SELECT id FROM tlsrpt_reports WHERE organization = 'forger.example')"
            try db.execute(sql: "UPDATE tlsrpt_reports SET successes = ?, failures = ? WHERE id IN \(forged)", arguments: [huge, huge])
            try db.execute(sql: "UPDATE tlsrpt_policy_results SET successes = ?, failures = ? WHERE report_row IN \(forged)",
                           arguments: [huge, huge])
            try db.execute(sql: """
                UPDATE tlsrpt_failure_details SET failed_sessions = ?
                WHERE policy_result IN (SELECT id FROM tlsrpt_policy_results WHERE report_row IN \(forged))
                """, arguments: [huge])
        }
        return workspace
    }

    @Test("summary, day counts, window totals and the domain list read rows near Int64.max without failing")
    func readersSurvive() throws {
        let workspace = try forged()
        let summary = try workspace.reportSummary()
        #expect(summary.reports == 3)
        #expect(summary.successes == .max && summary.failures == .max)
        #expect(summary.byResultType.first?.failedSessions == .max)
        #expect(summary.groups.first?.failedSessions == .max)
        #expect(summary.byPolicyDomain.first?.failures == .max)
        let domain = try workspace.reportSummary(domain: "example.org")
        #expect(domain.byOrganization.first?.failures == .max)
        #expect(try workspace.failedSessionsByDomain(since: .distantPast)["example.org"] == .max)
        let days = try workspace.reportDays(domain: "example.org", last: UTCDay(now), days: 7)
        #expect(days.map(\.failures).max() == .max)
        let totals = try workspace.reportTotals(domain: "example.org", from: dayStart(10), to: now)
        #expect(totals.failures == .max && totals.sessions == .max)
        #expect(totals.failuresByType["certificate-expired"] == .max)
        let findings = SoakReportRule.findings(domain: "example.org", totals: totals)
        #expect(findings.contains { $0.code == .reportsSoakFailures })
    }

    @Test("ordinary sums stay exact through TOTAL()")
    func exactSums() throws {
        let workspace = try forged()
        let google = try workspace.reportSummary(domain: "example.org").byOrganization.first { $0.name == "google.com" }
        #expect(google?.successes == 900 && google?.failures == 3)
    }

    @Test("remove by organization deletes the reports, their policies and details, and writes the audit log")
    func removeByOrganization() throws {
        let workspace = try forged()
        let listed = try workspace.removeReports(.organization("forger.example"), operator: "alice", at: now, dryRun: true)
        #expect(listed.map(\.reportID) == ["f1", "f2"])
        #expect(try workspace.reportCount() == 3, "a dry run changes nothing")
        let removed = try workspace.removeReports(.organization("forger.example"), operator: "alice", at: now)
        #expect(removed.map(\.reportID) == ["f1", "f2"])
        #expect(removed.allSatisfy { $0.policyDomains == ["example.org"] })
        #expect(try workspace.reportCount() == 1)
        let rows = try workspace.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tlsrpt_policy_results") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tlsrpt_failure_details") ?? -1)
        }
        #expect(rows == (1, 1))
        let audit = try workspace.auditLog(domain: "example.org")
        #expect(audit.count == 1)
        #expect(audit.first?.action == .reportRemove && audit.first?.operator == "alice")
        #expect(audit.first?.detail.hasPrefix("removed 2 TLS-RPT reports selected by --org forger.example: forger.example f1") == true)
        #expect(try workspace.reportSummary().failures == 3)
    }

    @Test("remove by report-id and by date; nothing matching removes nothing and logs nothing")
    func removeByIDAndDate() throws {
        let workspace = try forged()
        #expect(try workspace.removeReports(.reportID("nope"), operator: "a", at: now).isEmpty)
        #expect(try workspace.auditLog().isEmpty)
        #expect(try workspace.removeReports(.reportID("g1"), operator: "a", at: now).map(\.organization) == ["google.com"])
        let old = try workspace.removeReports(.endingBefore(dayStart(0)), operator: "a", at: now)
        #expect(old.map(\.reportID) == ["f1", "f2"])
        #expect(try workspace.reportCount() == 0)
        #expect(try workspace.auditLog(domain: "example.org").map(\.action) == [.reportRemove, .reportRemove])
    }
}

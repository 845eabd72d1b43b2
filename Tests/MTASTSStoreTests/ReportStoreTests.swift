import Foundation
import GRDB
import MTASTSCore
import Testing
@testable import MTASTSStore

/// Reports built as RFC 8460 §4.4 JSON and parsed by the core, so the store sees what ingest
/// hands it.
enum ReportFixture {
    static let day: TimeInterval = 86_400

    static func json(
        org: String = "google.com", id: String, domain: String = "example.org", start: Date, successes: Int = 100,
        failures: [(type: String, mx: String, count: Int, ip: String)] = []
    ) -> String {
        let details = failures.map { f in
            """
            {"result-type": "\(f.type)", "sending-mta-ip": "\(f.ip)", "receiving-mx-hostname": "\(f.mx)",
             "receiving-ip": "192.0.2.25", "failed-session-count": \(f.count),
             "additional-information": "https://\(org)/x", "failure-reason-code": "X509_V_ERR"}
            """
        }.joined(separator: ",")
        let failed = failures.reduce(0) { $0 + $1.count }
        let end = start.addingTimeInterval(day - 1)
        return """
            {"organization-name": "\(org)", "contact-info": "tlsrpt@\(org)", "report-id": "\(id)",
             "date-range": {"start-datetime": "\(start.ISO8601Format())", "end-datetime": "\(end.ISO8601Format())"},
             "policies": [{"policy": {"policy-type": "sts", "policy-string": ["version: STSv1", "mode: testing"],
                                      "policy-domain": "\(domain)", "mx-host": ["mx1.\(domain)", "mx2.\(domain)"]},
                           "summary": {"total-successful-session-count": \(successes), "total-failure-session-count": \(failed)},
                           "failure-details": [\(details)]}]}
            """
    }

    static func parsed(_ json: String) throws -> ParsedTLSRPTReport {
        try TLSRPTReportParser.parse(Array(json.utf8)).get()
    }
}

@Suite("Workspace: TLS-RPT reports")
struct ReportStoreTests {
    let now = StoreFixture.now
    let day = ReportFixture.day

    func dayStart(_ daysAgo: Int) -> Date { UTCDay(now).adding(-daysAgo).start }

    /// Three senders over three days for example.org, one for example.net.
    func filled() throws -> Workspace {
        let workspace = try Workspace.inMemory()
        let reports = try [
            ReportFixture.json(id: "g1", start: dayStart(1), successes: 900,
                               failures: [("certificate-expired", "mx2.example.org", 30, "209.85.220.1"),
                                          ("certificate-expired", "mx2.example.org", 10, "209.85.220.2")]),
            ReportFixture.json(org: "microsoft.com", id: "m1", start: dayStart(1), successes: 500,
                               failures: [("certificate-expired", "mx2.example.org", 5, "40.107.1.1"),
                                          ("starttls-not-supported", "mx1.example.org", 2, "40.107.1.2")]),
            ReportFixture.json(id: "g2", start: dayStart(2), successes: 800),
            ReportFixture.json(id: "g9", start: dayStart(20), successes: 700,
                               failures: [("validation-failure", "mx1.example.org", 7, "209.85.220.3")]),
            ReportFixture.json(id: "n1", domain: "example.net", start: dayStart(1), successes: 50,
                               failures: [("sts-policy-fetch-error", "mx.example.net", 50, "209.85.220.4")]),
        ].map(ReportFixture.parsed)
        let outcomes = try workspace.store(reports, ingestedAt: now)
        #expect(outcomes.allSatisfy { $0.isStored })
        return workspace
    }

    @Test("the migration is recorded after V1 and creates the report tables")
    func migration() throws {
        let workspace = try Workspace.inMemory()
        #expect(try workspace.appliedMigrations().starts(with: ["v1-domains-observations-settings", "v2-tlsrpt-reports"]))
        #expect(try workspace.reportCount() == 0)
    }

    @Test("a duplicate (organization, report-id) is counted once, in the same call and in a later run")
    func duplicates() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mtasts-reports-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try ReportFixture.parsed(ReportFixture.json(id: "r1", start: dayStart(1)))
        let other = try ReportFixture.parsed(ReportFixture.json(org: "microsoft.com", id: "r1", start: dayStart(1)))
        do {
            let workspace = try Workspace.open(path: path)
            let outcomes = try workspace.store([report, report, other])
            #expect(outcomes[0].isStored)
            #expect(outcomes[1] == .duplicate)
            #expect(outcomes[2].isStored, "same report-id, other organization: a different report")
        }
        let reopened = try Workspace.open(path: path)
        #expect(try reopened.store(report) == .duplicate)
        #expect(try reopened.reportCount() == 2)
        #expect(try reopened.storedReports(reportID: "r1").map(\.report.organizationName) == ["google.com", "microsoft.com"])
    }

    @Test("a report that fails half way leaves nothing of itself; the others of the batch are stored")
    func allOrNothing() throws {
        let workspace = try Workspace.inMemory()
        // A trigger makes the second failure detail of report "bad" fail after its report row and
        // policy row were written.
        try workspace.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_bad BEFORE INSERT ON tlsrpt_failure_details
                WHEN NEW.sending_mta_ip = '203.0.113.66' BEGIN SELECT RAISE(ABORT, 'injected'); END;
                """)
        }
        let good = try ReportFixture.parsed(ReportFixture.json(id: "good", start: dayStart(1)))
        let bad = try ReportFixture.parsed(ReportFixture.json(
            id: "bad", start: dayStart(1),
            failures: [("certificate-expired", "mx1.example.org", 1, "203.0.113.1"),
                       ("certificate-expired", "mx1.example.org", 1, "203.0.113.66")]))
        let after = try ReportFixture.parsed(ReportFixture.json(id: "after", start: dayStart(1)))
        let outcomes = try workspace.store([good, bad, after])
        #expect(outcomes[0].isStored)
        if case .failed(let reason) = outcomes[1] { #expect(reason.contains("injected")) } else { Issue.record("expected failure") }
        #expect(outcomes[2].isStored)
        let counts = try workspace.writer.read { db in
            try ["tlsrpt_reports", "tlsrpt_policy_results", "tlsrpt_failure_details"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        #expect(counts == [2, 2, 0])
        #expect(try workspace.storedReports(reportID: "bad").isEmpty)
    }

    @Test("summary: totals, by result type, by MX, by organization, groups; since and domain filter")
    func summary() throws {
        let workspace = try filled()
        let all = try workspace.reportSummary()
        #expect(all.reports == 5)
        #expect(all.policyDomains == 2)
        #expect(all.failures == 104)
        let org = try workspace.reportSummary(domain: "Example.ORG.", since: dayStart(7))
        #expect(org.domain == "example.org")
        #expect(org.reports == 3)
        #expect(org.successes == 2200)
        #expect(org.failures == 47)
        #expect(org.byResultType == [.init(name: "certificate-expired", failedSessions: 45),
                                     .init(name: "starttls-not-supported", failedSessions: 2)])
        #expect(org.byReceivingMX.first == .init(name: "mx2.example.org", failedSessions: 45))
        #expect(org.byOrganization.map(\.name) == ["google.com", "microsoft.com"])
        #expect(org.byOrganization[0].reports == 2)
        let first = try #require(org.groups.first)
        #expect(first.resultType == "certificate-expired")
        #expect(first.organization == "google.com")
        #expect(first.failedSessions == 40)
        #expect(first.details == 2)
        #expect(org.groups.count == 3)
    }

    @Test("per day: 30 zero-filled days, oldest first, bucketed by the report's UTC start day")
    func perDay() throws {
        let workspace = try filled()
        let days = try workspace.reportDays(domain: "example.org", last: UTCDay(now), days: 30)
        #expect(days.count == 30)
        #expect(days.last?.day == UTCDay(now))
        #expect(days[28] == TLSRPTDayCount(day: UTCDay(now).adding(-1), successes: 1400, failures: 47))
        #expect(days[27].successes == 800)
        #expect(days[9].failures == 7)
        #expect(days.reduce(0) { $0 + $1.failures } == 54)
    }

    @Test("failure details of one group, and lookup by report-id with raw JSON and quirks")
    func detailsAndLookup() throws {
        let workspace = try filled()
        let details = try workspace.failureDetails(
            domain: "example.org", resultType: "certificate-expired", receivingMX: "mx2.example.org", organization: "google.com")
        #expect(details.map(\.detail.sendingMTAIP) == ["209.85.220.1", "209.85.220.2"])
        #expect(details.first?.detail.failureReasonCode == "X509_V_ERR")
        #expect(details.first?.detail.additionalInformation == "https://google.com/x")
        #expect(details.first?.reportID == "g1")
        let stored = try #require(try workspace.storedReports(reportID: "m1").first)
        #expect(stored.report.organizationName == "microsoft.com")
        #expect(stored.raw.contains("\"report-id\": \"m1\""))
        #expect(stored.ingestedAt == now)
    }

    @Test("triage: domains with failures in the window, most failed sessions first")
    func triage() throws {
        let workspace = try filled()
        let rows = try workspace.domainsWithFailures(since: dayStart(7))
        #expect(rows.map(\.domain) == ["example.net", "example.org"])
        #expect(rows[0].worstResultType == "sts-policy-fetch-error")
        #expect(rows[1].worstResultType == "certificate-expired")
        #expect(rows[1].failures == 47)
        #expect(try workspace.domainsWithFailures(since: now).isEmpty)
    }

    @Test("failed sessions per domain (the list column) agree with the triage rows")
    func failedSessionsByDomain() throws {
        let workspace = try filled()
        let byDomain = try workspace.failedSessionsByDomain(since: dayStart(7))
        let triage = try workspace.domainsWithFailures(since: dayStart(7))
        #expect(byDomain == Dictionary(uniqueKeysWithValues: triage.map { ($0.domain, $0.failures) }))
        #expect(byDomain["example.org"] == 47)
        #expect(try workspace.failedSessionsByDomain(since: now).isEmpty)
    }

    @Test("gate totals of a window: overlapping reports, failures by type")
    func windowTotals() throws {
        let workspace = try filled()
        let totals = try workspace.reportTotals(domain: "example.org", from: dayStart(3), to: now)
        #expect(totals.reportCount == 3)
        #expect(totals.successes == 2200)
        #expect(totals.failures == 47)
        #expect(totals.failuresByType == ["certificate-expired": 45, "starttls-not-supported": 2])
        let empty = try workspace.reportTotals(domain: "nothing.example", from: dayStart(3), to: now)
        #expect(empty.reportCount == 0)
        #expect(SoakReportRule.findings(domain: "nothing.example", totals: empty).map(\.code) == [.reportsNoneDuringSoak])
    }

    @Test("the summary and per-day queries use the indexes, not a table scan")
    func indexesUsed() throws {
        let workspace = try filled()
        try workspace.writer.read { db in
            func plan(_ sql: String, _ arguments: StatementArguments) throws -> String {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                    .joined(separator: "\n")
            }
            let byDomain = try plan("SELECT SUM(successes) FROM tlsrpt_policy_results p WHERE p.policy_domain = ? AND p.end_at > ?",
                                    ["example.org", dayStart(7)])
            #expect(byDomain.contains("tlsrpt_policy_results_by_domain_date"), "\(byDomain)")
            let byDay = try plan("SELECT start_day FROM tlsrpt_policy_results WHERE policy_domain = ? AND start_at >= ?",
                                 ["example.org", dayStart(30)])
            #expect(byDay.contains("tlsrpt_policy_results_by_domain_date"), "\(byDay)")
            let since = try plan("SELECT policy_domain FROM tlsrpt_policy_results WHERE end_at > ?", [dayStart(7)])
            #expect(since.contains("tlsrpt_policy_results_by_end"), "\(since)")
            let details = try plan("SELECT * FROM tlsrpt_failure_details WHERE policy_result = ?", [1])
            #expect(details.contains("tlsrpt_failure_details_by_policy_result"), "\(details)")
            let lookup = try plan("SELECT * FROM tlsrpt_reports WHERE report_id = ?", ["g1"])
            #expect(lookup.contains("tlsrpt_reports_by_report_id"), "\(lookup)")
        }
    }

    @Test("many reports in batches: 2000 reports stored with a batch size of 64")
    func batches() throws {
        let workspace = try Workspace.inMemory()
        let reports = try (0..<2000).map { index in
            try ReportFixture.parsed(ReportFixture.json(id: "b\(index)", start: dayStart(index % 30 + 1), successes: index))
        }
        let outcomes = try workspace.store(reports, batchSize: 64)
        #expect(outcomes.filter(\.isStored).count == 2000)
        #expect(try workspace.reportSummary(domain: "example.org").successes == (0..<2000).reduce(0, +))
    }
}

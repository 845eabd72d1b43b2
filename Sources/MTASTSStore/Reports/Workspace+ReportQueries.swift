import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// Totals, failures by result type, receiving MX and organization, and the failure buckets,
    /// for `domain` (every domain when `nil`) over reports that end after `since`.
    public func reportSummary(domain: String? = nil, since: Date? = nil) throws -> ReportSummary {
        let filter = ReportFilter(domain: domain, since: since)
        var summary = try writer.read { db in
            var summary = ReportSummary(domain: filter.domain, since: since)
            if let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT p.report_row) AS reports, COUNT(DISTINCT p.policy_domain) AS domains,
                       TOTAL(p.successes) AS s, TOTAL(p.failures) AS f
                FROM tlsrpt_policy_results p \(filter.whereClause)
                """, arguments: filter.arguments) {
                summary.reports = row["reports"]
                summary.policyDomains = row["domains"]
                summary.successes = row.sessionSum("s")
                summary.failures = row.sessionSum("f")
            }
            summary.byOrganization = try Row.fetchAll(db, sql: """
                SELECT p.organization AS name, COUNT(DISTINCT p.report_row) AS reports,
                       TOTAL(p.successes) AS s, TOTAL(p.failures) AS f
                FROM tlsrpt_policy_results p \(filter.whereClause)
                GROUP BY p.organization ORDER BY f DESC, s DESC, name
                """, arguments: filter.arguments).map {
                ReportSummary.Organization(name: $0["name"], reports: $0["reports"], successes: $0.sessionSum("s"), failures: $0.sessionSum("f"))
            }
            summary.groups = try Self.buckets(db, filter: filter)
            summary.byResultType = Self.counts(summary.groups) { $0.resultType }
            summary.byReceivingMX = Self.counts(summary.groups) { $0.receivingMX ?? "(unnamed)" }
            return summary
        }
        if domain == nil { summary.byPolicyDomain = try domainsWithFailures(since: since ?? .distantPast) }
        return summary
    }

    /// Successes and failures per UTC day for the `days` days ending with `last` (oldest first,
    /// zero-filled), by the day each report starts (RFC 8460 §4.1).
    public func reportDays(domain: String, last: UTCDay, days: Int = 30) throws -> [TLSRPTDayCount] {
        let counts = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT start_day, TOTAL(successes) AS s, TOTAL(failures) AS f FROM tlsrpt_policy_results
                WHERE policy_domain = ? AND start_at >= ? AND start_day BETWEEN ? AND ?
                GROUP BY start_day
                """, arguments: [
                    ReportFilter.key(domain), last.adding(-days).start, last.adding(1 - days).number, last.number,
                ]).map { TLSRPTDayCount(day: UTCDay(number: $0["start_day"]), successes: $0.sessionSum("s"), failures: $0.sessionSum("f")) }
        }
        return TLSRPTDayCount.filled(counts, last: last, days: days)
    }

    /// Policy domains with failed sessions in reports ending after `since`, worst first (most
    /// failed sessions, then highest failure rate).
    /// Failed sessions per policy domain since a date (domains without failures left out): one
    /// grouped query, for the domain list's column.
    public func failedSessionsByDomain(since: Date) throws -> [String: Int] {
        try writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT policy_domain AS d, TOTAL(failures) AS f FROM tlsrpt_policy_results
                WHERE end_at > ? GROUP BY policy_domain HAVING TOTAL(failures) > 0
                """, arguments: [since]).map { ($0["d"] as String, $0.sessionSum("f")) })
        }
    }

    public func domainsWithFailures(since: Date) throws -> [DomainReportTotals] {
        try writer.read { db in
            let worst = try Row.fetchAll(db, sql: """
                SELECT p.policy_domain AS d, f.result_type AS t, TOTAL(f.failed_sessions) AS n
                FROM tlsrpt_policy_results p JOIN tlsrpt_failure_details f ON f.policy_result = p.id
                WHERE p.end_at > ? GROUP BY d, t ORDER BY d, n DESC, t
                """, arguments: [since]).reduce(into: [String: String]()) { map, row in
                let domain: String = row["d"]
                if map[domain] == nil { map[domain] = row["t"] }
            }
            return try Row.fetchAll(db, sql: """
                SELECT policy_domain AS d, COUNT(DISTINCT report_row) AS r, TOTAL(successes) AS s, TOTAL(failures) AS f,
                       MAX(CASE WHEN failures > 0 THEN end_at END) AS last
                FROM tlsrpt_policy_results WHERE end_at > ?
                GROUP BY policy_domain HAVING TOTAL(failures) > 0
                """, arguments: [since]).map { row in
                let domain: String = row["d"]
                return DomainReportTotals(
                    domain: domain, reports: row["r"], successes: row.sessionSum("s"), failures: row.sessionSum("f"),
                    worstResultType: worst[domain], lastFailure: row["last"])
            }.sorted { a, b in
                if a.failures != b.failures { return a.failures > b.failures }
                if a.failureRate != b.failureRate { return a.failureRate > b.failureRate }
                return a.domain < b.domain
            }
        }
    }

    /// The failure details behind one bucket (result type × receiving MX × organization) of
    /// `domain`, newest report first.
    public func failureDetails(
        domain: String, resultType: String, receivingMX: String?, organization: String, since: Date? = nil, limit: Int = 500
    ) throws -> [StoredFailureDetail] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.*, p.organization AS org, p.start_at AS start, r.report_id AS rid
                FROM tlsrpt_policy_results p
                JOIN tlsrpt_failure_details f ON f.policy_result = p.id
                JOIN tlsrpt_reports r ON r.id = p.report_row
                WHERE p.policy_domain = ? AND p.end_at > ? AND p.organization = ? AND f.result_type = ?
                  AND f.receiving_mx IS ?
                ORDER BY p.start_at DESC, f.id LIMIT ?
                """, arguments: [
                    ReportFilter.key(domain), since ?? Date.distantPast, organization, resultType, receivingMX, limit,
                ]).map { row in
                StoredFailureDetail(
                    detail: TLSRPTFailureDetail(
                        resultType: TLSRPTResultType(rawValue: row["result_type"]), sendingMTAIP: row["sending_mta_ip"],
                        receivingMXHostname: row["receiving_mx_hostname"], receivingMXHelo: row["receiving_mx_helo"],
                        receivingIP: row["receiving_ip"], failedSessions: row["failed_sessions"],
                        additionalInformation: row["additional_information"], failureReasonCode: row["failure_reason_code"]),
                    organization: row["org"], reportID: row["rid"], reportStart: row["start"])
            }
        }
    }

    /// The stored reports with `reportID` (one per organization that used it).
    public func storedReports(reportID: String) throws -> [StoredReport] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, findings, source, ingested_at, json FROM tlsrpt_reports
                WHERE report_id = ? ORDER BY organization
                """, arguments: [reportID])
        }
        let decoder = JSONCoding.decoder()
        return try rows.map { row in
            let id: Int64 = row["id"]
            do {
                let findings: String = row["findings"]
                let raw: String = row["json"]
                let parsed = try TLSRPTReportParser.parse(Array(raw.utf8)).get()
                return StoredReport(
                    report: parsed.report,
                    findings: try decoder.decode([Finding].self, from: Data(findings.utf8)),
                    source: row["source"], ingestedAt: row["ingested_at"], raw: raw)
            } catch {
                throw WorkspaceError.unreadableRow(table: "tlsrpt_reports", id: id, reason: "\(error)")
            }
        }
    }

    /// What senders reported for `domain` in reports overlapping [`from`, `to`): the enforce
    /// gate's input for the soak window (``SoakReportRule``).
    public func reportTotals(domain: String, from: Date, to: Date) throws -> TLSRPTWindowTotals {
        try writer.read { db in
            let key = ReportFilter.key(domain)
            var totals = TLSRPTWindowTotals(from: from, to: to)
            if let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT report_row) AS r, TOTAL(successes) AS s, TOTAL(failures) AS f
                FROM tlsrpt_policy_results WHERE policy_domain = ? AND start_at < ? AND end_at > ?
                """, arguments: [key, to, from]) {
                totals.reportCount = row["r"]
                totals.successes = row.sessionSum("s")
                totals.failures = row.sessionSum("f")
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT f.result_type AS t, TOTAL(f.failed_sessions) AS n
                FROM tlsrpt_policy_results p JOIN tlsrpt_failure_details f ON f.policy_result = p.id
                WHERE p.policy_domain = ? AND p.start_at < ? AND p.end_at > ? GROUP BY t
                """, arguments: [key, to, from]) {
                totals.failuresByType[row["t"]] = row.sessionSum("n")
            }
            return totals
        }
    }

    static func buckets(_ db: Database, filter: ReportFilter) throws -> [TLSRPTFailureBucket] {
        try Row.fetchAll(db, sql: """
            SELECT f.result_type AS t, f.receiving_mx AS mx, p.organization AS org,
                   TOTAL(f.failed_sessions) AS n, COUNT(*) AS c, MIN(p.start_at) AS first, MAX(p.end_at) AS last
            FROM tlsrpt_policy_results p JOIN tlsrpt_failure_details f ON f.policy_result = p.id
            \(filter.whereClause)
            GROUP BY t, mx, org
            """, arguments: filter.arguments).map { row in
            TLSRPTFailureBucket(
                resultType: row["t"], receivingMX: row["mx"], organization: row["org"], failedSessions: row.sessionSum("n"),
                details: row["c"], firstReported: row["first"], lastReported: row["last"])
        }.sorted(by: TLSRPTFailureBucket.worstFirst)
    }

    static func counts(_ groups: [TLSRPTFailureBucket], by name: (TLSRPTFailureBucket) -> String) -> [ReportSummary.Count] {
        var totals: [String: Int] = [:]
        for group in groups { totals[name(group), default: 0] = totals[name(group), default: 0].addingSaturating(group.failedSessions) }
        return totals.map { ReportSummary.Count(name: $0.key, failedSessions: $0.value) }
            .sorted { $0.failedSessions != $1.failedSessions ? $0.failedSessions > $1.failedSessions : $0.name < $1.name }
    }
}

/// The `WHERE` of summary queries over `tlsrpt_policy_results p`.
struct ReportFilter {
    var domain: String?
    var since: Date?

    init(domain: String?, since: Date?) {
        self.domain = domain.map(Self.key)
        self.since = since
    }

    /// Policy domains are stored lower case without a trailing dot (as the parser normalises).
    static func key(_ domain: String) -> String {
        let lower = domain.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }

    var whereClause: String {
        var parts: [String] = []
        if domain != nil { parts.append("p.policy_domain = ?") }
        if since != nil { parts.append("p.end_at > ?") }
        return parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
    }

    var arguments: StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = []
        if let domain { values.append(domain) }
        if let since { values.append(since) }
        return StatementArguments(values)
    }
}

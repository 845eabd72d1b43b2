import Foundation
import GRDB
import MTASTSCore

/// One report ready for insertion: everything computed (JSON encoded, days counted) before the
/// write transaction starts, so the writer only executes prepared statements.
struct StoredReportRow {
    var report: TLSRPTReport
    var startDay: Int
    var json: String
    var findings: String
    var source: String?

    /// The sender's bytes are kept up to this size (`reports show` parses them again); above it the
    /// normalised report is kept instead, so what one report costs in the workspace is bounded by
    /// the parser's caps, not by what was mailed (20 MiB inflate a 79 KB gzip).
    static let rawLimit = 1 << 20

    init(_ parsed: ParsedTLSRPTReport, source: String?, encoder: JSONEncoder) throws {
        report = parsed.report
        startDay = UTCDay(parsed.report.dateRange.start).number
        var kept = parsed.findings
        if parsed.raw.count > Self.rawLimit {
            json = TLSRPTReportWriter.json(parsed.report)
            kept.append(Finding(
                code: .reportRawNotKept, subject: parsed.report.reportID,
                message: "the report is \(parsed.raw.count) bytes as received; the normalised report (\(json.utf8.count) bytes) is kept instead",
                evidence: "limit \(Self.rawLimit) bytes"))
        } else {
            json = String(decoding: parsed.raw, as: UTF8.self)
        }
        findings = kept.isEmpty ? "[]" : String(decoding: try encoder.encode(kept), as: UTF8.self)
        self.source = source
    }
}

/// The prepared statements of one batch of inserts.
struct ReportInsertStatements {
    let exists: Statement
    let report: Statement
    let policy: Statement
    let detail: Statement

    init(_ db: Database) throws {
        exists = try db.makeStatement(sql: "SELECT 1 FROM tlsrpt_reports WHERE organization = ? AND report_id = ?")
        report = try db.makeStatement(sql: """
            INSERT INTO tlsrpt_reports (organization, report_id, start_at, end_at, start_day, contact, source,
                ingested_at, successes, failures, findings, json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        policy = try db.makeStatement(sql: """
            INSERT INTO tlsrpt_policy_results (report_row, policy_domain, policy_type, mx_patterns, organization,
                start_at, end_at, start_day, successes, failures)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        detail = try db.makeStatement(sql: """
            INSERT INTO tlsrpt_failure_details (policy_result, result_type, receiving_mx, sending_mta_ip,
                receiving_mx_hostname, receiving_mx_helo, receiving_ip, failed_sessions, additional_information,
                failure_reason_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts the report, its policy results and failure details; returns the report's row id.
    /// Dates are converted to database values once per report (GRDB's date text is not free).
    func insert(_ row: StoredReportRow, ingestedAt: DatabaseValue, db: Database) throws -> Int64 {
        let r = row.report
        let start = r.dateRange.start.databaseValue, end = r.dateRange.end.databaseValue
        try report.execute(arguments: [
            r.organizationName, r.reportID, start, end, row.startDay, r.contactInfo, row.source,
            ingestedAt, r.totalSuccessfulSessions, r.totalFailedSessions, row.findings, row.json,
        ])
        let reportRow = db.lastInsertedRowID
        for result in r.policies {
            try policy.execute(arguments: [
                reportRow, result.policy.domain, result.policy.type.rawValue, result.policy.mxHosts.joined(separator: "\n"),
                r.organizationName, start, end, row.startDay,
                result.summary.successfulSessions, result.summary.failedSessions,
            ])
            let policyRow = db.lastInsertedRowID
            for d in result.failureDetails {
                try detail.execute(arguments: [
                    policyRow, d.resultType.rawValue, d.receivingMX, d.sendingMTAIP, d.receivingMXHostname,
                    d.receivingMXHelo, d.receivingIP, d.failedSessions, d.additionalInformation, d.failureReasonCode,
                ])
            }
        }
        return reportRow
    }
}

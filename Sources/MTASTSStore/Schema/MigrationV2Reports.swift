import GRDB

/// TLS-RPT aggregate reports (RFC 8460 §4): one row per report, one per policy result, one per
/// failure detail. Times are GRDB text (`YYYY-MM-DD HH:MM:SS.SSS`, UTC) as in V1, plus the UTC
/// day number (days since 1970-01-01) of `start-datetime` for per-day charts (RFC 8460 §4.1:
/// reports cover a UTC day).
enum MigrationV2Reports {
    static let identifier = "v2-tlsrpt-reports"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- One report as received. (organization, report_id) is the dedupe key (RFC 8460 §4.4:
            -- report-id is unique per sender); json is the sender's JSON as received (re-read by
            -- the parser for `reports show`, so a later parser reads old reports better), findings
            -- the quirks found at ingest ([Finding], JSONCoding).
            CREATE TABLE tlsrpt_reports (
                id INTEGER PRIMARY KEY,
                organization TEXT NOT NULL,
                report_id TEXT NOT NULL,
                start_at TEXT NOT NULL,
                end_at TEXT NOT NULL,
                start_day INTEGER NOT NULL,
                contact TEXT,
                source TEXT,
                ingested_at TEXT NOT NULL,
                successes INTEGER NOT NULL,
                failures INTEGER NOT NULL,
                findings TEXT NOT NULL,
                json TEXT NOT NULL,
                UNIQUE (organization, report_id)
            );
            CREATE INDEX tlsrpt_reports_by_report_id ON tlsrpt_reports(report_id);

            -- One entry of `policies` (RFC 8460 §4.4). The report's organization and dates are
            -- copied here so summaries by domain and date read one table through one index.
            CREATE TABLE tlsrpt_policy_results (
                id INTEGER PRIMARY KEY,
                report_row INTEGER NOT NULL REFERENCES tlsrpt_reports(id) ON DELETE CASCADE,
                policy_domain TEXT NOT NULL,
                policy_type TEXT NOT NULL,
                mx_patterns TEXT NOT NULL,
                organization TEXT NOT NULL,
                start_at TEXT NOT NULL,
                end_at TEXT NOT NULL,
                start_day INTEGER NOT NULL,
                successes INTEGER NOT NULL,
                failures INTEGER NOT NULL
            );
            CREATE INDEX tlsrpt_policy_results_by_domain_date
                ON tlsrpt_policy_results(policy_domain, start_at);
            CREATE INDEX tlsrpt_policy_results_by_end ON tlsrpt_policy_results(end_at);
            CREATE INDEX tlsrpt_policy_results_by_report ON tlsrpt_policy_results(report_row);

            -- One entry of `failure-details` (RFC 8460 §4.3, §4.4). receiving_mx is the side an
            -- operator names: the MX host name, else the HELO name, else the IP address.
            CREATE TABLE tlsrpt_failure_details (
                id INTEGER PRIMARY KEY,
                policy_result INTEGER NOT NULL REFERENCES tlsrpt_policy_results(id) ON DELETE CASCADE,
                result_type TEXT NOT NULL,
                receiving_mx TEXT,
                sending_mta_ip TEXT,
                receiving_mx_hostname TEXT,
                receiving_mx_helo TEXT,
                receiving_ip TEXT,
                failed_sessions INTEGER NOT NULL,
                additional_information TEXT,
                failure_reason_code TEXT
            );
            CREATE INDEX tlsrpt_failure_details_by_policy_result
                ON tlsrpt_failure_details(policy_result);
            """)
    }
}

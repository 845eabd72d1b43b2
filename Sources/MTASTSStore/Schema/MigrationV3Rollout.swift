import GRDB

/// Rollout plans (one per domain) and the audit log.
///
/// The audit log names the domain as text, not by `domains(id)`: the record of what was done
/// outlives the domain's removal from the workspace.
enum MigrationV3Rollout {
    static let identifier = "v3-rollout"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- The operator's intent for a domain: target stage, the policy and TXT id to publish,
            -- settings, and publication/verification state.
            CREATE TABLE rollout_plans (
                domain_id INTEGER PRIMARY KEY REFERENCES domains(id) ON DELETE CASCADE,
                target TEXT NOT NULL,
                policy_text TEXT NOT NULL,
                policy_id TEXT NOT NULL,
                max_age_testing INTEGER NOT NULL,
                max_age_enforce INTEGER NOT NULL,
                max_age_none INTEGER NOT NULL,
                soak_seconds REAL NOT NULL,
                blocker_failure_rate REAL NOT NULL,
                webroot TEXT,
                planned_mx TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                published_at TEXT,
                verified_at TEXT
            );

            -- Every stage change, override, acknowledgement and publication, append-only.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                domain TEXT NOT NULL,
                operator TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX audit_log_by_domain_time ON audit_log(domain, at);
            """)
    }
}

import GRDB

/// The first schema: domains, observations (summary row plus JSON payload), settings.
///
/// Times are stored the GRDB way, `YYYY-MM-DD HH:MM:SS.SSS` in UTC: they sort as text and
/// SQLite's date functions understand them.
enum MigrationV1 {
    static let identifier = "v1-domains-observations-settings"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(WorkspaceFile.applicationID);

            -- The domains under management, normalised (lower case, no trailing dot).
            -- Later tables (plans, audit log) refer to domains(id).
            CREATE TABLE domains (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                added_at TEXT NOT NULL,
                note TEXT
            );

            -- One row per observation: what the list and history views need, computed by the
            -- core's Evaluator at save time (judged at the observation's own time).
            CREATE TABLE observations (
                id INTEGER PRIMARY KEY,
                domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
                observed_at TEXT NOT NULL,
                live_stage TEXT NOT NULL,
                worst_severity TEXT,
                worst_code TEXT,
                error_count INTEGER NOT NULL,
                warning_count INTEGER NOT NULL,
                info_count INTEGER NOT NULL,
                earliest_cert_expiry_days INTEGER,
                mx_count INTEGER,
                mx_hosts TEXT,
                policy_id TEXT,
                policy_sha256 TEXT,
                mode TEXT,
                max_age INTEGER
            );
            -- Newest observation of a domain: read backwards (observed_at DESC, id DESC).
            CREATE INDEX observations_by_domain_time ON observations(domain_id, observed_at);

            -- The raw Observation as compact JSON (JSONCoding), apart from the summary rows so
            -- list queries stay small and old payloads can be pruned later without losing history.
            CREATE TABLE observation_payloads (
                observation_id INTEGER PRIMARY KEY REFERENCES observations(id) ON DELETE CASCADE,
                json TEXT NOT NULL
            );

            -- Workspace-wide settings as strings (resolver, defaults, UI preferences).
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """)
    }
}

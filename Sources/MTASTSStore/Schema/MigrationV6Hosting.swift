import GRDB

/// What `mtasts serve` hosts (``PolicyHosting``): one row per hosted domain, written by `serve`
/// when its hosted set changes and confirmed every minute, read by the rollout advice.
enum MigrationV6Hosting {
    static let identifier = "v6-policy-hosting"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE policy_hosting (
                domain TEXT PRIMARY KEY NOT NULL,
                body TEXT NOT NULL,
                since TEXT NOT NULL,
                confirmed_at TEXT NOT NULL
            );
            """)
    }
}

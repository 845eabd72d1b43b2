import GRDB

/// The schema's history: one named migration per change, applied in order, each in its own
/// transaction, recorded in `grdb_migrations`.
///
/// Rules: a migration that has shipped is never edited; a change is a new migration appended
/// here (`v2-plans`, `v3-audit-log`, `v4-tlsrpt-reports`, …) in a file of its own. New summary
/// columns on `observations` are `ALTER TABLE … ADD COLUMN` plus a backfill computed from
/// `observation_payloads`, so old observations gain them too. A file that lists a migration
/// unknown here was written by a newer `mtasts` and is refused (``WorkspaceError/newerSchema``).
enum WorkspaceMigrator {
    /// Every migration, oldest first.
    static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        (MigrationV1.identifier, MigrationV1.migrate),
        (MigrationV2Reports.identifier, MigrationV2Reports.migrate),
        (MigrationV3Rollout.identifier, MigrationV3Rollout.migrate),
        (MigrationV4Verdicts.identifier, MigrationV4Verdicts.migrate),
        (MigrationV6Hosting.identifier, MigrationV6Hosting.migrate),
    ]

    static var identifiers: Set<String> { Set(migrations.map(\.identifier)) }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }()
}

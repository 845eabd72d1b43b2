import Foundation
import GRDB

/// The operator's workspace: one SQLite file holding the domains, every observation with its
/// summary, and the settings.
///
/// A `Workspace` is safe to share between threads. On disk it is a GRDB `DatabasePool` in WAL
/// mode: any number of readers (the TUI) run alongside one writer (checks), and every write is a
/// single transaction, so a crash or a `kill -9` leaves either the old or the new state, never a
/// damaged file. Methods are synchronous and may block on the disk; call them off the UI thread.
public final class Workspace: Sendable {
    /// The file, or `nil` for an in-memory workspace.
    public let path: String?
    /// Opened read-only: every write fails, nothing on disk changes (no migration either).
    public let isReadOnly: Bool
    let writer: any DatabaseWriter

    init(path: String?, writer: any DatabaseWriter, readOnly: Bool = false) {
        self.path = path
        self.writer = writer
        self.isReadOnly = readOnly
    }

    /// Opens the workspace at `path`, creating the file on first use and migrating the schema
    /// to this version. The parent directories are created only with `createDirectories`
    /// (the default location, ``defaultPath(environment:)``): a mistyped `--workspace` is an
    /// error, not a new directory tree.
    ///
    /// Throws ``WorkspaceError`` with a sentence fit for the operator when the file is not an
    /// SQLite database, belongs to another program, was written by a newer `mtasts`, or is
    /// not a regular file (`/dev/null`).
    public static func open(path: String, createDirectories: Bool = true) throws -> Workspace {
        try WorkspaceFile.prepareLocation(path, createDirectories: createDirectories)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw WorkspaceError.opening(path: path, error)
        }
        let workspace = Workspace(path: path, writer: pool)
        try workspace.prepareSchema()
        return workspace
    }

    /// Opens an existing workspace for reading only (``WorkspaceReadOnly``): `domains list`,
    /// `status`, `history`, the reports queries and `tui --readonly` work on a file or a mount
    /// they cannot write. Nothing is created or migrated.
    public static func openReadOnly(path: String) throws -> Workspace {
        try WorkspaceReadOnly.open(path: path)
    }

    /// A private workspace in memory, for tests and demos. It vanishes with the value.
    public static func inMemory() throws -> Workspace {
        let queue = try DatabaseQueue(configuration: configuration())
        let workspace = Workspace(path: nil, writer: queue)
        try workspace.prepareSchema()
        return workspace
    }

    /// Connection settings: foreign keys on (GRDB's default), `synchronous=NORMAL` (safe with
    /// WAL: a power cut may lose the last commits, never consistency), and a busy timeout so a
    /// second `mtasts` process waits for the writer instead of failing.
    static func configuration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.label = "mtasts.workspace"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return configuration
    }

    /// Refuses foreign or newer files, then applies the pending migrations.
    func prepareSchema() throws {
        let label = path ?? ":memory:"
        do {
            try writer.read { db in try WorkspaceFile.checkIdentity(db, path: label) }
            let migrator = WorkspaceMigrator.migrator
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let unknown = try writer.read { db in try migrator.appliedIdentifiers(db) }
                    .subtracting(WorkspaceMigrator.identifiers)
                throw WorkspaceError.newerSchema(path: label, migrations: unknown.sorted())
            }
            if isReadOnly {
                let done = try writer.read { db in try migrator.hasCompletedMigrations(db) }
                if !done { throw WorkspaceError.needsMigration(path: label) }
                return
            }
            try migrator.migrate(writer)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.opening(path: label, error)
        }
    }

    /// The migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try WorkspaceMigrator.migrator.completedMigrations(db) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise SQLite's list of problems.
    public func integrityCheck() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Copies the WAL back into the main file (also done automatically by SQLite); useful
    /// before copying the file elsewhere.
    public func checkpoint() throws {
        _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }
}

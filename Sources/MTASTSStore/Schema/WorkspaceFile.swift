import Foundation
import GRDB

/// Checks on the file itself, before any migration touches it.
enum WorkspaceFile {
    /// `PRAGMA application_id` of an mtasts workspace: "mtas" in ASCII. SQLite keeps it in the
    /// file header so `file(1)` and this check can tell our files from other databases.
    static let applicationID: Int32 = 0x6D74_6173

    /// Creates the parent directories; refuses a directory or an unusable parent.
    static func prepareLocation(_ path: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw WorkspaceError.unusableLocation(path: path, reason: "it is a directory") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        do {
            try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.unusableLocation(path: path, reason: "cannot create \(parent): \(error.localizedDescription)")
        }
    }

    /// Accepts an empty database (first run) or one marked with our application id; refuses a
    /// database that carries another id or already holds tables of another program.
    static func checkIdentity(_ db: Database, path: String) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return }
        if id != 0 { throw WorkspaceError.foreignDatabase(path: path) }
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
            """)
        if !tables.isEmpty { throw WorkspaceError.foreignDatabase(path: path) }
    }
}

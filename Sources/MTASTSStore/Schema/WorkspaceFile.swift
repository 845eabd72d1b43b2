import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks on the file itself, before any migration touches it.
enum WorkspaceFile {
    /// `PRAGMA application_id` of an mtasts workspace: "mtas" in ASCII. SQLite keeps it in the
    /// file header so `file(1)` and this check can tell our files from other databases.
    static let applicationID: Int32 = 0x6D74_6173

    /// Refuses a directory, a device or anything else that is not a regular file, and a
    /// missing parent directory unless `createDirectories` (then it is made).
    ///
    /// SQLite opens `/dev/null` happily and then writes `/dev/null-journal` beside it; a device
    /// is never a workspace, so it is refused before SQLite sees it.
    static func prepareLocation(_ path: String, createDirectories: Bool = true) throws {
        let fileManager = FileManager.default
        if let problem = notARegularFile(path) {
            throw WorkspaceError.unusableLocation(path: path, reason: problem)
        }
        if fileManager.fileExists(atPath: path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var parentIsDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: parent, isDirectory: &parentIsDirectory) {
            guard parentIsDirectory.boolValue else {
                throw WorkspaceError.unusableLocation(path: path, reason: "\(parent) is not a directory")
            }
            return
        }
        guard createDirectories else {
            throw WorkspaceError.unusableLocation(
                path: path, reason: "the directory \(parent) does not exist (create it first, or leave out --workspace for the default location)")
        }
        do {
            try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.unusableLocation(path: path, reason: "cannot create \(parent): \(error.localizedDescription)")
        }
    }

    /// Why `path`, when it exists, cannot hold a workspace: a directory, a character or block
    /// device, a FIFO or a socket (symbolic links are followed). `nil` for a regular file or
    /// no file at all.
    static func notARegularFile(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a directory"
        case S_IFCHR, S_IFBLK: return "it is a device, not a file"
        case S_IFIFO: return "it is a FIFO, not a file"
        case S_IFSOCK: return "it is a socket, not a file"
        default: return "it is not a regular file"
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

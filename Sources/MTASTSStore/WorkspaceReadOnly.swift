import Foundation
import GRDB

/// Opening a workspace for reading only.
///
/// A workspace is in WAL mode. SQLite reads a WAL database read-only when it can open or
/// create the `-shm` index beside it (SQLite "WAL mode on read-only media"); on a read-only
/// mount, after the last writer closed cleanly, there is neither `-wal` nor `-shm` and none can
/// be made. Then the file is opened `immutable=1` (SQLite URI parameter): no locks, no
/// `-shm`, read as it is on disk. That is exact there, because nothing can write it.
enum WorkspaceReadOnly {
    static func open(path: String) throws -> Workspace {
        if let problem = WorkspaceFile.notARegularFile(path) {
            throw WorkspaceError.unusableLocation(path: path, reason: problem)
        }
        guard FileManager.default.fileExists(atPath: path) else { throw WorkspaceError.missing(path: path) }
        do {
            let pool = try DatabasePool(path: path, configuration: Workspace.configuration(readOnly: true))
            let workspace = Workspace(path: path, writer: pool, readOnly: true)
            try workspace.prepareSchema()
            return workspace
        } catch let error as WorkspaceError {
            guard case .cannotOpen = error, !FileManager.default.isWritableFile(atPath: directory(of: path)) else { throw error }
        } catch {
            guard !FileManager.default.isWritableFile(atPath: directory(of: path)) else {
                throw WorkspaceError.opening(path: path, error)
            }
        }
        // A directory this process cannot write: a read-only mount or file system.
        do {
            let queue = try DatabaseQueue(path: immutableURI(path), configuration: Workspace.configuration(readOnly: true))
            let workspace = Workspace(path: path, writer: queue, readOnly: true)
            try workspace.prepareSchema()
            return workspace
        } catch {
            throw WorkspaceError.opening(path: path, error)
        }
    }

    static func directory(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// `file:<path>?immutable=1`, the path percent-encoded where a URI needs it (RFC 3986 §3.3).
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + encoded + "?immutable=1"
    }
}

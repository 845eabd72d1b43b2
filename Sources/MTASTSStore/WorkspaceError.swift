import Foundation
import GRDB

/// Why the workspace could not do what was asked, in words for the operator.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory for the file could not be made, or the path is a directory.
    case unusableLocation(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database of some other program.
    case foreignDatabase(path: String)
    /// The file was migrated by a newer `mtasts`: these migrations are unknown here.
    case newerSchema(path: String, migrations: [String])
    /// Opened read-only, the file is empty or older than this `mtasts` and cannot be migrated.
    case needsMigration(path: String)
    /// A read-only command was given a workspace that does not exist.
    case missing(path: String)
    /// SQLite refused to open or prepare the file.
    case cannotOpen(path: String, reason: String)
    /// An observation was saved for a domain that is not in the workspace.
    case unknownDomain(String)
    /// A stored row could not be read back (a value this version does not know).
    case unreadableRow(table: String, id: Int64, reason: String)

    public var description: String {
        switch self {
        case .unusableLocation(let path, let reason):
            "cannot use \(path) as the workspace: \(reason)"
        case .notADatabase(let path):
            "\(path) is not an mtasts workspace: it is not an SQLite database"
        case .foreignDatabase(let path):
            "\(path) is not an mtasts workspace: it is an SQLite database of another program"
        case .newerSchema(let path, let migrations):
            "\(path) was written by a newer mtasts (unknown migrations: \(migrations.joined(separator: ", "))); upgrade mtasts"
        case .needsMigration(let path):
            "\(path) is empty or was written by an older mtasts, and it is opened read-only: run a command that writes (such as `mtasts domains add`) on it once to set it up"
        case .missing(let path):
            "there is no workspace at \(path) (this command only reads; add domains with `mtasts domains add` to create one)"
        case .cannotOpen(let path, let reason):
            "cannot open the workspace \(path): \(reason)"
        case .unknownDomain(let name):
            "\(name) is not in the workspace; add it first (mtasts domains add \(name))"
        case .unreadableRow(let table, let id, let reason):
            "cannot read \(table) row \(id): \(reason)"
        }
    }

    /// Maps an error met while opening `path` to a clear case.
    static func opening(path: String, _ error: any Error) -> WorkspaceError {
        if let error = error as? WorkspaceError { return error }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return .notADatabase(path: path) }
            return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        return .cannotOpen(path: path, reason: "\(error)")
    }
}

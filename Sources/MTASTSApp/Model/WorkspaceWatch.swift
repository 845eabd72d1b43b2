import Foundation

/// What the app knows about other processes' changes to the workspace: the last change token
/// (SQLite `PRAGMA data_version`, ``AppServices/workspaceChangeToken()``), when it was asked
/// for, and whether an answer or a reload is awaited (one at a time, so a slow disk never
/// piles up requests).
public struct WorkspaceWatch: Sendable, Equatable {
    public var token: Int?
    public var lastPoll: Date?
    public var inFlight = false

    public init() {}
}

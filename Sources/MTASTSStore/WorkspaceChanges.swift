import GRDB

extension Workspace {
    /// A number that changes when another connection commits to the file: another `mtasts`
    /// process (`domains add`, `check --save`, a cron job) or another `Workspace` handle in this
    /// one. Not when this handle writes: the TUI knows its own changes.
    ///
    /// SQLite `PRAGMA data_version` (sqlite.org/pragma.html#pragma_data_version): "The integer
    /// values returned by two invocations of "PRAGMA data_version" from the same connection
    /// will be different if changes were committed to the database by any other connection in
    /// the interim." It is asked on the connection this handle writes through, so the
    /// handle's own commits do not count. Cheap (no table is read); call it off the UI thread.
    public func changeToken() throws -> Int {
        try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}

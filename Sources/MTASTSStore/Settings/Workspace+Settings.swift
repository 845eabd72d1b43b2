import Foundation
import GRDB

extension Workspace {
    /// The value of setting `key`, or `nil` when unset.
    public func setting(_ key: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key])
        }
    }

    /// Sets `key` to `value`; `nil` removes the setting.
    public func set(_ key: String, value: String?, at time: Date = Date()) throws {
        try writer.write { db in
            if let value {
                try db.execute(sql: """
                    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """, arguments: [key, value, time])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }

    /// Every setting, by key.
    public func settings() throws -> [String: String] {
        try writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM settings").map {
                ($0["key"] as String, $0["value"] as String)
            })
        }
    }
}

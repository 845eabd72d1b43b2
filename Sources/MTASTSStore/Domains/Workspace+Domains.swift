import Foundation
import GRDB

extension Workspace {
    /// Adds the valid names among `names` in one transaction, normalised; names already present
    /// are left as they are (their note and time unchanged).
    @discardableResult
    public func add(domains names: [String], note: String? = nil, at time: Date = Date()) throws -> DomainAddition {
        var result = DomainAddition()
        var candidates: [String] = []
        var seen: Set<String> = []
        for text in names {
            guard let name = DomainName.normalized(text) else {
                result.invalid.append(text)
                continue
            }
            if seen.insert(name).inserted { candidates.append(name) } else { result.existing.append(name) }
        }
        guard !candidates.isEmpty else { return result }
        let (added, existing) = try writer.write { db -> ([String], [String]) in
            let statement = try db.makeStatement(sql: """
                INSERT INTO domains (name, added_at, note) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING
                """)
            var added: [String] = [], existing: [String] = []
            for name in candidates {
                try statement.execute(arguments: [name, time, note])
                if db.changesCount > 0 { added.append(name) } else { existing.append(name) }
            }
            return (added, existing)
        }
        result.added = added
        result.existing = existing + result.existing
        return result
    }

    /// Removes the named domains and, through `ON DELETE CASCADE`, their observations, in one
    /// transaction.
    @discardableResult
    public func remove(domains names: [String]) throws -> DomainRemoval {
        var result = DomainRemoval()
        var candidates: [String] = []
        for text in names {
            if let name = DomainName.normalized(text) { candidates.append(name) } else { result.invalid.append(text) }
        }
        guard !candidates.isEmpty else { return result }
        let (removed, missing) = try writer.write { db -> ([String], [String]) in
            let statement = try db.makeStatement(sql: "DELETE FROM domains WHERE name = ?")
            var removed: [String] = [], missing: [String] = []
            for name in candidates {
                try statement.execute(arguments: [name])
                if db.changesCount > 0 { removed.append(name) } else { missing.append(name) }
            }
            return (removed, missing)
        }
        result.removed = removed
        result.missing = missing
        return result
    }

    /// Removes one domain and its observations; `false` when it was not there.
    @discardableResult
    public func remove(domain name: String) throws -> Bool {
        try !remove(domains: [name]).removed.isEmpty
    }

    /// Every domain, by name.
    public func domains() throws -> [WorkspaceDomain] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, added_at, note FROM domains ORDER BY name").map { row in
                WorkspaceDomain(name: row["name"], addedAt: row["added_at"], note: row["note"])
            }
        }
    }

    /// The domain named `name` (normalised before the look-up), if present.
    public func domain(_ name: String) throws -> WorkspaceDomain? {
        let name = DomainName.key(name)
        return try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT name, added_at, note FROM domains WHERE name = ?", arguments: [name]).map { row in
                WorkspaceDomain(name: row["name"], addedAt: row["added_at"], note: row["note"])
            }
        }
    }

    /// How many domains the workspace holds.
    public func domainCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM domains") ?? 0 }
    }
}

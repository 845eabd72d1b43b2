import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// Records what `serve` hosts now (domain → body), all in one transaction: a domain no
    /// longer hosted is removed, a body that changed starts a new `since`, every row is
    /// confirmed at `now`.
    public func recordHosting(_ bodies: [String: String], at now: Date = Date()) throws {
        try writer.write { db in
            let existing = try Row.fetchAll(db, sql: "SELECT domain, body FROM policy_hosting")
                .reduce(into: [String: String]()) { $0[$1["domain"]] = $1["body"] }
            for domain in existing.keys where bodies[domain] == nil {
                try db.execute(sql: "DELETE FROM policy_hosting WHERE domain = ?", arguments: [domain])
            }
            for (domain, body) in bodies {
                if existing[domain] == body {
                    try db.execute(sql: "UPDATE policy_hosting SET confirmed_at = ? WHERE domain = ?", arguments: [now, domain])
                } else {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO policy_hosting (domain, body, since, confirmed_at) VALUES (?, ?, ?, ?)",
                        arguments: [domain, body, now, now])
                }
            }
        }
    }

    /// What `serve` said it hosts for `domain`, if anything (`nil` as well in a workspace from
    /// before hosting was recorded, opened read-only).
    public func hosting(domain: String) throws -> PolicyHosting? {
        try writer.read { db in
            guard try db.tableExists("policy_hosting") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM policy_hosting WHERE domain = ?", arguments: [DomainName.key(domain)]).map {
                PolicyHosting(domain: $0["domain"], body: $0["body"], since: $0["since"], confirmedAt: $0["confirmed_at"])
            }
        }
    }
}

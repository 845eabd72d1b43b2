import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// Appends `entry` to the audit log; returns its id.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) throws -> Int64 {
        try writer.write { db in
            try Self.insert(entry, db)
            return db.lastInsertedRowID
        }
    }

    /// The audit log of `domain` (every domain when `nil`), oldest first.
    public func auditLog(domain: String? = nil) throws -> [AuditEntry] {
        try writer.read { db in
            let rows: [Row]
            if let domain {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE domain = ? ORDER BY at, id", arguments: [DomainName.key(domain)])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY at, id")
            }
            return try rows.map { row in
                let actionText: String = row["action"]
                guard let action = AuditEntry.Action(rawValue: actionText) else {
                    throw WorkspaceError.unreadableRow(table: "audit_log", id: row["id"], reason: "unknown action \(actionText)")
                }
                return AuditEntry(id: row["id"], at: row["at"], domain: row["domain"], operator: row["operator"], action: action, detail: row["detail"])
            }
        }
    }

    static func insert(_ entry: AuditEntry, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, domain, operator, action, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [entry.at, DomainName.key(entry.domain), entry.operator, entry.action.rawValue, entry.detail])
    }

    /// The history of `domain` as the rollout rules read it (``HistoryPoint``), newest first.
    /// Observations the checker could not judge (live stage `unknown`) are not part of it: they
    /// say nothing about the domain.
    public func rolloutHistory(domain: String, limit: Int? = nil) throws -> [HistoryPoint] {
        try history(domain: domain, limit: limit).filter(\.liveStage.isObserved).map(\.historyPoint)
    }
}

extension ObservationSummary {
    /// What the rollout rules need of this summary.
    public var historyPoint: HistoryPoint {
        HistoryPoint(observedAt: observedAt, liveStage: liveStage, policyID: policyID, policySHA256: policySHA256,
                     mode: mode, maxAge: maxAge, mxHosts: mxHosts)
    }
}

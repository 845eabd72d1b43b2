import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// The plan of `domain`, or `nil` when none was made.
    public func plan(domain: String) throws -> RolloutPlan? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT d.name, p.* FROM rollout_plans p JOIN domains d ON d.id = p.domain_id WHERE d.name = ?
                """, arguments: [DomainName.key(domain)]).map(Self.plan(from:))
        }
    }

    /// Every plan, by domain name.
    public func plans() throws -> [String: RolloutPlan] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT d.name, p.* FROM rollout_plans p JOIN domains d ON d.id = p.domain_id")
            var plans: [String: RolloutPlan] = [:]
            for row in rows {
                let plan = try Self.plan(from: row)
                plans[plan.domain] = plan
            }
            return plans
        }
    }

    /// Stores `plan` (replacing the domain's previous plan) and, when given, an audit entry,
    /// in one transaction.
    public func save(_ plan: RolloutPlan, audit: AuditEntry? = nil) throws {
        try writer.write { db in
            guard let domainID = try Int64.fetchOne(db, sql: "SELECT id FROM domains WHERE name = ?", arguments: [DomainName.key(plan.domain)]) else {
                throw WorkspaceError.unknownDomain(plan.domain)
            }
            let s = plan.settings
            try db.execute(sql: """
                INSERT OR REPLACE INTO rollout_plans (domain_id, target, policy_text, policy_id, max_age_testing, max_age_enforce,
                    max_age_none, soak_seconds, blocker_failure_rate, webroot, planned_mx, created_at, updated_at, published_at, verified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    domainID, plan.target.rawValue, plan.policyText, plan.policyID, s.maxAgeTesting, s.maxAgeEnforce, s.maxAgeNone,
                    s.soakSeconds, s.blockerFailureRate, plan.webroot, plan.plannedMX?.joined(separator: " "), plan.createdAt,
                    plan.updatedAt, plan.publishedAt, plan.verifiedAt,
                ])
            if let audit { try Self.insert(audit, db) }
        }
    }

    /// Deletes the plan of `domain` (the audit log stays).
    public func deletePlan(domain: String) throws {
        try writer.write { db in
            try db.execute(sql: """
                DELETE FROM rollout_plans WHERE domain_id = (SELECT id FROM domains WHERE name = ?)
                """, arguments: [DomainName.key(domain)])
        }
    }

    static func plan(from row: Row) throws -> RolloutPlan {
        let name: String = row["name"]
        let targetText: String = row["target"]
        guard let target = RolloutTarget(rawValue: targetText) else {
            throw WorkspaceError.unreadableRow(table: "rollout_plans", id: row["domain_id"], reason: "unknown target \(targetText)")
        }
        let plannedMX: String? = row["planned_mx"]
        return RolloutPlan(
            domain: name, target: target, policyText: row["policy_text"], policyID: row["policy_id"],
            settings: RolloutSettings(
                maxAgeTesting: row["max_age_testing"], maxAgeEnforce: row["max_age_enforce"], maxAgeNone: row["max_age_none"],
                soakSeconds: row["soak_seconds"], blockerFailureRate: row["blocker_failure_rate"]),
            webroot: row["webroot"], plannedMX: plannedMX.map { $0.split(separator: " ").map(String.init) },
            createdAt: row["created_at"], updatedAt: row["updated_at"], publishedAt: row["published_at"], verifiedAt: row["verified_at"])
    }
}

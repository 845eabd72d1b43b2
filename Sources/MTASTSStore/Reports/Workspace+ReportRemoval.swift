import Foundation
import GRDB
import MTASTSCore

/// Which stored reports `mtasts reports remove` takes out.
public enum ReportSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every report with this `report-id` (RFC 8460 §4.4; one per organization that used it).
    case reportID(String)
    /// Every report of this `organization-name`, as written.
    case organization(String)
    /// Every report whose `date-range` ends before this date.
    case endingBefore(Date)

    public var description: String {
        switch self {
        case .reportID(let id): "report-id \(id)"
        case .organization(let name): "--org \(name)"
        case .endingBefore(let date): "--before \(date.ISO8601Format())"
        }
    }
}

/// One report `reports remove` took out (or would, with `--dry-run`).
public struct RemovedReport: Codable, Sendable, Hashable {
    public var organization: String
    public var reportID: String
    public var start: Date
    public var end: Date
    /// The policy domains the report's policies name (RFC 8460 §4.4), sorted.
    public var policyDomains: [String]
    public var successes: Int
    public var failures: Int

    public init(
        organization: String, reportID: String, start: Date, end: Date, policyDomains: [String], successes: Int, failures: Int
    ) {
        self.organization = organization
        self.reportID = reportID
        self.start = start
        self.end = end
        self.policyDomains = policyDomains
        self.successes = successes
        self.failures = failures
    }
}

extension Workspace {
    /// The audit entries' domain for a report whose policies name no domain.
    public static let noPolicyDomain = "(no policy domain)"

    /// Removes the stored reports `selection` names, with their policy results and failure
    /// details, and writes one `report-remove` audit entry per policy domain they covered, in
    /// the same transaction: the removal and its record go in together or not at all. With
    /// `dryRun`, nothing is written and the reports are only listed. Oldest first.
    public func removeReports(
        _ selection: ReportSelection, operator: String, at now: Date = Date(), dryRun: Bool = false
    ) throws -> [RemovedReport] {
        let (condition, arguments): (String, StatementArguments) = switch selection {
        case .reportID(let id): ("report_id = ?", [id])
        case .organization(let name): ("organization = ?", [name])
        case .endingBefore(let date): ("end_at < ?", [date])
        }
        let find: (Database) throws -> [(Int64, RemovedReport)] = { db in
            let domains = try Row.fetchAll(db, sql: """
                SELECT DISTINCT p.report_row AS r, p.policy_domain AS d FROM tlsrpt_policy_results p
                JOIN tlsrpt_reports t ON t.id = p.report_row WHERE t.\(condition)
                """, arguments: arguments).reduce(into: [Int64: [String]]()) { map, row in
                map[row["r"], default: []].append(row["d"])
            }
            return try Row.fetchAll(db, sql: """
                SELECT id, organization, report_id, start_at, end_at, successes, failures FROM tlsrpt_reports
                WHERE \(condition) ORDER BY start_at, organization, report_id
                """, arguments: arguments).map { row in
                let id: Int64 = row["id"]
                return (id, RemovedReport(
                    organization: row["organization"], reportID: row["report_id"], start: row["start_at"], end: row["end_at"],
                    policyDomains: (domains[id] ?? []).sorted(), successes: row["successes"], failures: row["failures"]))
            }
        }
        if dryRun { return try writer.read { db in try find(db).map(\.1) } }
        return try writer.write { db in
            let found = try find(db)
            for (id, _) in found {
                try db.execute(sql: "DELETE FROM tlsrpt_reports WHERE id = ?", arguments: [id])
            }
            for entry in Self.removalAudit(found.map(\.1), selection: selection, operator: `operator`, at: now) {
                try Self.insert(entry, db)
            }
            return found.map(\.1)
        }
    }

    /// One entry per policy domain: how many reports went, which (the first ten), their sessions.
    static func removalAudit(_ removed: [RemovedReport], selection: ReportSelection, operator: String, at now: Date) -> [AuditEntry] {
        var byDomain: [String: [RemovedReport]] = [:]
        for report in removed {
            let domains = report.policyDomains.filter { !$0.isEmpty }
            for domain in domains.isEmpty ? [noPolicyDomain] : domains { byDomain[domain, default: []].append(report) }
        }
        return byDomain.keys.sorted().map { domain in
            let reports = byDomain[domain]!
            let named = reports.prefix(10).map { "\($0.organization) \($0.reportID) (\($0.successes) ok, \($0.failures) failed)" }
            let more = reports.count > 10 ? ", and \(reports.count - 10) more" : ""
            return AuditEntry(
                at: now, domain: domain, operator: `operator`, action: .reportRemove,
                detail: "removed \(reports.count) TLS-RPT \(reports.count == 1 ? "report" : "reports") selected by \(selection): "
                    + named.joined(separator: ", ") + more)
        }
    }
}

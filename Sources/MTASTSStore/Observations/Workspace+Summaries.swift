import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// Every domain, by name, with the summary of its newest observation: one query.
    ///
    /// For each domain, a correlated sub-query walks `observations_by_domain_time` backwards
    /// and stops at the first entry, so the cost is one index probe per domain whatever the
    /// history length; summary rows are small because payloads live in their own table.
    ///
    /// With `now`, every summary is the verdict at `now`: a cached verdict that no longer holds
    /// (``ObservationSummary/isCurrent(at:)``: a certificate crossed a threshold, the rules
    /// changed) is judged again from its payload by the core, in the same read.
    public func domainSummaries(now: Date? = nil) throws -> [DomainSummary] {
        try writer.read { db in
            var summaries: [DomainSummary] = []
            let rows = try Row.fetchCursor(db, sql: Self.domainSummariesSQL)
            while let row = try rows.next() {
                let checked = !row.hasNull(atIndex: 3)
                var latest = checked ? try ObservationSummary(row: row, offset: 3) : nil
                if let now, let stale = latest, !stale.isCurrent(at: now) {
                    latest = try Self.judge(db, observationID: stale.id, at: now)
                }
                summaries.append(DomainSummary(name: row[0], addedAt: row[1], note: row[2], latest: latest))
            }
            return summaries
        }
    }

    /// The summary of observation `id` judged at `now` from its payload.
    static func judge(_ db: Database, observationID id: Int64, at now: Date) throws -> ObservationSummary {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM observation_payloads WHERE observation_id = ?", arguments: [id]) else {
            throw WorkspaceError.unreadableRow(table: "observation_payloads", id: id, reason: "no payload")
        }
        do {
            let observation = try JSONCoding.decoder().decode(Observation.self, from: Data(json.utf8))
            return ObservationRow.summary(of: observation, id: id, at: max(now, observation.observedAt))
        } catch {
            throw WorkspaceError.unreadableRow(table: "observation_payloads", id: id, reason: "\(error)")
        }
    }

    /// Columns by position: name, added_at, note, then the observation id and the summary
    /// columns read by ``ObservationSummary/init(row:offset:)`` at offset 3.
    static let domainSummariesSQL = """
        SELECT d.name, d.added_at, d.note, o.id AS observation_id, \(ObservationRow.summaryColumns("o"))
        FROM domains d
        LEFT JOIN observations o ON o.id = (
            SELECT id FROM observations WHERE domain_id = d.id ORDER BY observed_at DESC, id DESC LIMIT 1)
        ORDER BY d.name
        """
}

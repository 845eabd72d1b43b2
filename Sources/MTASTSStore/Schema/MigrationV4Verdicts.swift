import Foundation
import GRDB
import MTASTSCore

/// The summary columns become a cache of the core's verdict with its validity (issue: one
/// verdict): the report-level enforce gate, unknown counts, the earliest certificate
/// `notAfter`, when it was judged, until when it holds and under which rules. Every stored
/// observation is judged again from its payload, which also replaces body hashes of policies
/// the core did not accept (a truncated download hashed by an earlier version).
enum MigrationV4Verdicts {
    static let identifier = "v4-verdict-cache"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE observations ADD COLUMN unknown_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE observations ADD COLUMN enforce_state TEXT;
            ALTER TABLE observations ADD COLUMN enforce_blocker_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE observations ADD COLUMN enforce_warning_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE observations ADD COLUMN earliest_cert_not_after TEXT;
            ALTER TABLE observations ADD COLUMN evaluated_at TEXT;
            ALTER TABLE observations ADD COLUMN valid_until TEXT;
            ALTER TABLE observations ADD COLUMN rules_version INTEGER NOT NULL DEFAULT 0;
            """)
        try Workspace.rejudge(db, where: "1")
    }
}

extension Workspace {
    /// Judges the observations selected by `condition` (SQL over `o`) again from their payloads
    /// at their own time and rewrites their summary columns. A payload that cannot be decoded
    /// keeps its old columns (rules_version stays behind, so a read re-reports it as unreadable).
    static func rejudge(_ db: Database, where condition: String) throws {
        let decoder = JSONCoding.decoder()
        let update = try db.makeStatement(sql: """
            UPDATE observations SET \(ObservationRow.summaryColumnNames.map { "\($0) = ?" }.joined(separator: ", "))
            WHERE id = ?
            """)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.id, p.json FROM observations o JOIN observation_payloads p ON p.observation_id = o.id WHERE \(condition)
            """)
        var pending: [(Int64, ObservationSummary)] = []
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let json: String = row[1]
            guard let observation = try? decoder.decode(Observation.self, from: Data(json.utf8)) else { continue }
            pending.append((id, ObservationRow.summary(of: observation, id: id)))
        }
        for (id, summary) in pending {
            try update.execute(arguments: ObservationRow.arguments(summary) + [id])
        }
    }
}

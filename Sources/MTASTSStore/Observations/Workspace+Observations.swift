import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// Stores `observation` with its summary in one transaction; returns its row id. The domain
    /// must be in the workspace (``WorkspaceError/unknownDomain(_:)`` otherwise).
    @discardableResult
    public func save(_ observation: Observation) throws -> Int64 {
        try save([observation])[0]
    }

    /// Stores `observations` in one transaction: all of them or, on any error, none. Returns the
    /// row ids in input order. Evaluation and JSON encoding happen before the transaction.
    @discardableResult
    public func save(_ observations: [Observation]) throws -> [Int64] {
        let encoder = JSONCoding.encoder(pretty: false)
        let rows = try observations.map { try ObservationRow($0, encoder: encoder) }
        guard !rows.isEmpty else { return [] }
        return try writer.write { db in
            let findDomain = try db.makeStatement(sql: "SELECT id FROM domains WHERE name = ?")
            let insertSummary = try db.makeStatement(sql: """
                INSERT INTO observations (domain_id, \(ObservationRow.summaryColumns()))
                VALUES (?\(String(repeating: ", ?", count: ObservationRow.summaryColumnNames.count)))
                """)
            let insertPayload = try db.makeStatement(sql: "INSERT INTO observation_payloads (observation_id, json) VALUES (?, ?)")
            var domainIDs: [String: Int64] = [:]
            var ids: [Int64] = []
            ids.reserveCapacity(rows.count)
            for row in rows {
                let domainID: Int64
                if let known = domainIDs[row.domain] {
                    domainID = known
                } else if let found = try Int64.fetchOne(findDomain, arguments: [row.domain]) {
                    domainID = found
                    domainIDs[row.domain] = found
                } else {
                    throw WorkspaceError.unknownDomain(row.domain)
                }
                try insertSummary.execute(arguments: [domainID] + row.summaryArguments)
                let id = db.lastInsertedRowID
                try insertPayload.execute(arguments: [id, row.json])
                ids.append(id)
            }
            return ids
        }
    }

    /// The newest observation of `domain` (by observation time), or `nil` when never checked.
    public func latestObservation(domain: String) throws -> Observation? {
        try observations(domain: domain, limit: 1).first
    }

    /// The observations of `domain`, newest first, at most `limit` of them (all when `nil`).
    public func observations(domain: String, limit: Int? = nil) throws -> [Observation] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.id, p.json FROM observations o
                JOIN domains d ON d.id = o.domain_id
                JOIN observation_payloads p ON p.observation_id = o.id
                WHERE d.name = ?
                ORDER BY o.observed_at DESC, o.id DESC
                LIMIT ?
                """, arguments: [DomainName.key(domain), limit ?? -1])
        }
        let decoder = JSONCoding.decoder()
        return try rows.map { row in
            let id: Int64 = row["id"]
            let json: String = row["json"]
            do {
                return try decoder.decode(Observation.self, from: Data(json.utf8))
            } catch {
                throw WorkspaceError.unreadableRow(table: "observation_payloads", id: id, reason: "\(error)")
            }
        }
    }

    /// The summaries of `domain`'s observations, newest first: its history without decoding a
    /// single observation (TXT id, policy hash, mode, max_age, MX set, expiry over time).
    public func history(domain: String, limit: Int? = nil) throws -> [ObservationSummary] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.id, \(ObservationRow.summaryColumns("o")) FROM observations o
                JOIN domains d ON d.id = o.domain_id
                WHERE d.name = ?
                ORDER BY o.observed_at DESC, o.id DESC
                LIMIT ?
                """, arguments: [DomainName.key(domain), limit ?? -1])
            .map { try ObservationSummary(row: $0, offset: 0) }
        }
    }

    /// How many observations the workspace holds.
    public func observationCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM observations") ?? 0 }
    }
}

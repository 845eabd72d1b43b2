import GRDB

extension Workspace {
    /// Every domain, by name, with the summary of its newest observation: one query.
    ///
    /// For each domain, a correlated sub-query walks `observations_by_domain_time` backwards
    /// and stops at the first entry, so the cost is one index probe per domain whatever the
    /// history length; summary rows are small because payloads live in their own table.
    public func domainSummaries() throws -> [DomainSummary] {
        try writer.read { db in
            var summaries: [DomainSummary] = []
            let rows = try Row.fetchCursor(db, sql: Self.domainSummariesSQL)
            while let row = try rows.next() {
                let checked = !row.hasNull(atIndex: 3)
                summaries.append(DomainSummary(
                    name: row[0], addedAt: row[1], note: row[2],
                    latest: checked ? try ObservationSummary(row: row, offset: 3) : nil))
            }
            return summaries
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

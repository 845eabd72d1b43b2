import Foundation
import GRDB

extension Workspace {
    /// Reported sessions per policy domain whose report window ends after `since` (RFC 8460
    /// §4.4 summary counts): one grouped query, for `serve`'s `/metrics`.
    public func sessionTotalsByDomain(since: Date) throws -> [String: (successes: Int, failures: Int)] {
        try writer.read { db in
            var totals: [String: (successes: Int, failures: Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT policy_domain AS d, TOTAL(successes) AS s, TOTAL(failures) AS f FROM tlsrpt_policy_results
                WHERE end_at > ? GROUP BY policy_domain
                """, arguments: [since]) {
                totals[row["d"]] = (row.sessionSum("s"), row.sessionSum("f"))
            }
            return totals
        }
    }
}

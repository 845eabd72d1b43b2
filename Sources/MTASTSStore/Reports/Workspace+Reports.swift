import Foundation
import GRDB
import MTASTSCore

extension Workspace {
    /// Stores `reports` (with where each came from, same order) and returns one outcome each.
    ///
    /// Reports are written in batches of `batchSize` per transaction for speed; inside a batch
    /// every report has its own savepoint, so each report is all-or-nothing: a failure rolls
    /// back that report only, a crash loses at most whole reports of the last batch. A report
    /// whose (organization, report-id) is already stored is a ``ReportStoreOutcome/duplicate``
    /// (RFC 8460 §4.4), as is a second copy within `reports`.
    public func store(
        _ reports: [ParsedTLSRPTReport], sources: [String?]? = nil, ingestedAt: Date = Date(), batchSize: Int = 200
    ) throws -> [ReportStoreOutcome] {
        let encoder = JSONCoding.encoder(pretty: false)
        let ingestedAt = ingestedAt.databaseValue
        var outcomes: [ReportStoreOutcome] = []
        outcomes.reserveCapacity(reports.count)
        var start = 0
        while start < reports.count {
            let end = min(reports.count, start + max(1, batchSize))
            var rows: [Result<StoredReportRow, any Error>] = []
            for index in start..<end {
                let source = sources.flatMap { index < $0.count ? $0[index] : nil }
                rows.append(Result { try StoredReportRow(reports[index], source: source, encoder: encoder) })
            }
            let batch = try writer.write { db -> [ReportStoreOutcome] in
                let statements = try ReportInsertStatements(db)
                return try rows.map { prepared -> ReportStoreOutcome in
                    let row: StoredReportRow
                    switch prepared {
                    case .success(let value): row = value
                    case .failure(let error): return .failed("\(error)")
                    }
                    if try Bool.fetchOne(statements.exists, arguments: [row.report.organizationName, row.report.reportID]) == true {
                        return .duplicate
                    }
                    var outcome = ReportStoreOutcome.failed("not written")
                    do {
                        try db.inSavepoint {
                            outcome = .stored(try statements.insert(row, ingestedAt: ingestedAt, db: db))
                            return .commit
                        }
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
                        throw error
                    } catch {
                        outcome = .failed("\(error)")
                    }
                    return outcome
                }
            }
            outcomes.append(contentsOf: batch)
            start = end
        }
        return outcomes
    }

    /// Stores one report in its own transaction.
    public func store(_ report: ParsedTLSRPTReport, source: String? = nil, ingestedAt: Date = Date()) throws -> ReportStoreOutcome {
        try store([report], sources: [source], ingestedAt: ingestedAt)[0]
    }

    /// How many reports the workspace holds.
    public func reportCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tlsrpt_reports") ?? 0 }
    }
}

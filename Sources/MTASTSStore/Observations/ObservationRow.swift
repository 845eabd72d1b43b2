import Foundation
import GRDB
import MTASTSCore

/// An observation ready to insert: its summary columns and its JSON, computed before the write
/// transaction starts so the writer holds the lock only for the inserts.
struct ObservationRow {
    var domain: String
    var observedAt: Date
    var summary: ObservationSummary
    var json: String

    init(_ observation: Observation, encoder: JSONEncoder) throws {
        let report = Evaluator.evaluate(observation)
        domain = report.domain
        observedAt = observation.observedAt
        json = String(decoding: try encoder.encode(observation), as: UTF8.self)
        let mxHosts = Self.mxHosts(observation.mx)
        let fetch = observation.policyFetch
        summary = ObservationSummary(
            id: 0,
            observedAt: observation.observedAt,
            liveStage: report.liveStage,
            worstSeverity: report.findings.worstSeverity,
            worstCode: report.worstFinding?.code,
            errorCount: report.blockers.count,
            warningCount: report.warnings.count,
            infoCount: report.findings.count { $0.severity == .info },
            earliestCertificateExpiryDays: report.earliestCertificateExpiryDays,
            mxCount: mxHosts?.count,
            mxHosts: mxHosts,
            policyID: report.stsRecord?.id,
            policySHA256: fetch?.status == 200 ? fetch?.body.map { SHA256.hex($0) } : nil,
            mode: report.policy?.mode,
            maxAge: report.policy?.maxAge)
    }

    /// Distinct MX hosts, sorted; none for NXDOMAIN, NODATA or a null MX; `nil` when the lookup
    /// failed temporarily (unknown, not empty).
    static func mxHosts(_ lookup: DNSLookup<MXRecord>) -> [String]? {
        guard lookup.status.isDefinite else { return nil }
        return Set(lookup.records.filter { !$0.isNull }.map(\.host)).sorted()
    }

    /// The summary columns of `observations` (all but `id` and `domain_id`), in insert order.
    static let summaryColumnNames = [
        "observed_at", "live_stage", "worst_severity", "worst_code", "error_count", "warning_count", "info_count",
        "earliest_cert_expiry_days", "mx_count", "mx_hosts", "policy_id", "policy_sha256", "mode", "max_age",
    ]

    /// The summary columns as an SQL list, each prefixed with `qualifier.` when given.
    static func summaryColumns(_ qualifier: String? = nil) -> String {
        summaryColumnNames.map { column in qualifier.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
    }

    var summaryArguments: StatementArguments {
        let s = summary
        return [
            observedAt, s.liveStage.rawValue, s.worstSeverity?.rawValue, s.worstCode?.rawValue, s.errorCount,
            s.warningCount, s.infoCount, s.earliestCertificateExpiryDays, s.mxCount,
            s.mxHosts?.joined(separator: " "), s.policyID, s.policySHA256, s.mode?.rawValue, s.maxAge,
        ]
    }
}

extension ObservationSummary {
    /// Reads a summary from `row` by position (fast for 10,000 rows): the observation id at
    /// `offset`, then ``ObservationRow/summaryColumnNames`` in order.
    init(row: Row, offset: Int) throws {
        let id: Int64 = row[offset]
        func text(_ index: Int) -> String? { row[offset + 1 + index] }
        func known<T: RawRepresentable>(_ index: Int) throws -> T? where T.RawValue == String {
            guard let value = text(index) else { return nil }
            guard let known = T(rawValue: value) else {
                let column = ObservationRow.summaryColumnNames[index]
                throw WorkspaceError.unreadableRow(table: "observations", id: id, reason: "unknown \(column) \(value.debugDescription)")
            }
            return known
        }
        guard let stage: LiveStage = try known(1) else {
            throw WorkspaceError.unreadableRow(table: "observations", id: id, reason: "no live_stage")
        }
        self.init(
            id: id,
            observedAt: row[offset + 1],
            liveStage: stage,
            worstSeverity: try known(2),
            worstCode: text(3).map(FindingCode.init(rawValue:)),
            errorCount: row[offset + 5],
            warningCount: row[offset + 6],
            infoCount: row[offset + 7],
            earliestCertificateExpiryDays: row[offset + 8],
            mxCount: row[offset + 9],
            mxHosts: text(9).map { $0.split(separator: " ").map(String.init) },
            policyID: text(10),
            policySHA256: text(11),
            mode: try known(12),
            maxAge: row[offset + 14])
    }
}

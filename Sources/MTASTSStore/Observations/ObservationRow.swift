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
        summary = Self.summary(of: observation, id: 0)
        domain = MXMatcher.normalize(observation.domain)
        observedAt = observation.observedAt
        json = String(decoding: try encoder.encode(observation), as: UTF8.self)
    }

    /// The observation judged at its own time (the cache holds from then until its `validUntil`);
    /// the body hash only of a body the core accepted (complete and valid).
    static func summary(of observation: Observation, id: Int64, at now: Date? = nil) -> ObservationSummary {
        let report = Evaluator.evaluate(observation, at: now)
        return ObservationSummary(id: id, report: report, policySHA256: report.acceptedPolicyBody.map { SHA256.hex($0) })
    }

    /// The summary columns of `observations` (all but `id` and `domain_id`), in insert order.
    static let summaryColumnNames = [
        "observed_at", "live_stage", "worst_severity", "worst_code", "error_count", "warning_count", "info_count",
        "earliest_cert_expiry_days", "mx_count", "mx_hosts", "policy_id", "policy_sha256", "mode", "max_age",
        "unknown_count", "enforce_state", "enforce_blocker_count", "enforce_warning_count", "earliest_cert_not_after",
        "evaluated_at", "valid_until", "rules_version",
    ]

    /// The summary columns as an SQL list, each prefixed with `qualifier.` when given.
    static func summaryColumns(_ qualifier: String? = nil) -> String {
        summaryColumnNames.map { column in qualifier.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
    }

    var summaryArguments: StatementArguments { Self.arguments(summary) }

    static func arguments(_ s: ObservationSummary) -> StatementArguments {
        [
            s.observedAt, s.liveStage.rawValue, s.worstSeverity?.rawValue, s.worstCode?.rawValue, s.errorCount,
            s.warningCount, s.infoCount, s.earliestCertificateExpiryDays, s.mxCount,
            s.mxHosts?.joined(separator: " "), s.policyID, s.policySHA256, s.mode?.rawValue, s.maxAge,
            s.unknownCount, s.enforceState.rawValue, s.enforceBlockerCount, s.enforceWarningCount,
            s.earliestCertificateNotAfter, s.evaluatedAt, s.validUntil, s.rulesVersion,
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
        let observedAt: Date = row[offset + 1]
        self.init(
            id: id,
            observedAt: observedAt,
            liveStage: stage,
            worstSeverity: try known(2),
            worstCode: text(3).map(FindingCode.init(rawValue:)),
            errorCount: row[offset + 5],
            warningCount: row[offset + 6],
            infoCount: row[offset + 7],
            unknownCount: row[offset + 15] ?? 0,
            enforceState: try known(15) ?? .blocked,
            enforceBlockerCount: row[offset + 17] ?? 0,
            enforceWarningCount: row[offset + 18] ?? 0,
            earliestCertificateExpiryDays: row[offset + 8],
            earliestCertificateNotAfter: row[offset + 19],
            mxCount: row[offset + 9],
            mxHosts: text(9).map { $0.split(separator: " ").map(String.init) },
            policyID: text(10),
            policySHA256: text(11),
            mode: try known(12),
            maxAge: row[offset + 14],
            evaluatedAt: row[offset + 20] ?? observedAt,
            validUntil: row[offset + 21],
            rulesVersion: row[offset + 22] ?? 0)
    }
}

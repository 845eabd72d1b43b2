import Foundation
import MTASTSCore
import MTASTSStore

/// Text of `reports summary`: a header line, then tables of failed sessions.
struct ReportSummaryPrinter {
    var style: TextStyle
    /// Rows per table; `nil` for all.
    var limit: Int? = 10

    func lines(_ s: ReportSummary) -> [String] {
        let scope = s.domain ?? "all domains"
        let period = s.since.map { " since \(UTCDay($0).string)" } ?? ""
        let sessions = s.successes.addingSaturating(s.failures)
        let rate = sessions == 0 ? "" : String(format: " (%.2f%%)", Double(s.failures) * 100 / Double(sessions))
        var out = ["\(scope): \(s.reports) \(s.reports == 1 ? "report" : "reports")\(period), "
            + "\(s.policyDomains) policy \(s.policyDomains == 1 ? "domain" : "domains"), \(sessions) sessions: "
            + "\(s.successes) successful, \(s.failures) failed\(rate)"]
        guard s.reports > 0 else {
            if let since = s.since {
                return out + ["no stored report ends after \(UTCDay(since).string); widen --since or leave it out"]
            }
            return out + ["no stored report matches; store some with `mtasts reports ingest PATH`"]
        }
        if !s.byPolicyDomain.isEmpty {
            out.append("")
            out.append("policy domains with failures, worst first")
            out += table([["DOMAIN", "FAILED", "RATE", "REPORTS", "WORST RESULT TYPE"]]
                + capped(s.byPolicyDomain).map {
                    [$0.domain, "\($0.failures)", String(format: "%.2f%%", $0.failureRate * 100), "\($0.reports)",
                     $0.worstResultType ?? "-"]
                }) + more(s.byPolicyDomain)
        }
        if !s.byResultType.isEmpty {
            out.append("")
            out.append("failed sessions by result type (RFC 8460 §4.3)")
            out += table(s.byResultType.map { [$0.name, "\($0.failedSessions)"] })
            out.append("")
            out.append("failed sessions by receiving MX")
            out += table(capped(s.byReceivingMX).map { [$0.name, "\($0.failedSessions)"] }) + more(s.byReceivingMX)
        }
        out.append("")
        out.append("by organization")
        out += table([["ORGANIZATION", "REPORTS", "SUCCESSFUL", "FAILED"]]
            + capped(s.byOrganization).map { [$0.name, "\($0.reports)", "\($0.successes)", "\($0.failures)"] })
            + more(s.byOrganization)
        if !s.groups.isEmpty {
            out.append("")
            out.append("failure groups (result type × receiving MX × organization)")
            out += table([["RESULT TYPE", "RECEIVING MX", "ORGANIZATION", "FAILED", "DETAILS", "LAST"]]
                + capped(s.groups).map {
                    [$0.resultType, $0.receivingMX ?? "-", $0.organization, "\($0.failedSessions)", "\($0.details)",
                     UTCDay($0.lastReported).string]
                }) + more(s.groups)
        }
        return out
    }

    private func capped<T>(_ rows: [T]) -> ArraySlice<T> { rows.prefix(limit ?? rows.count) }

    private func more<T>(_ rows: [T]) -> [String] {
        guard let limit, rows.count > limit else { return [] }
        return ["  … and \(rows.count - limit) more (--limit 0 or --json for all)"]
    }

    private func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}

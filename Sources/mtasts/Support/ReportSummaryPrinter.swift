import Foundation
import MTASTSCore
import MTASTSStore

/// Text of `reports summary`: a header line, then tables of failed sessions.
struct ReportSummaryPrinter {
    var style: TextStyle

    func lines(_ s: ReportSummary) -> [String] {
        let scope = s.domain ?? "all domains"
        let period = s.since.map { " since \(UTCDay($0).string)" } ?? ""
        let sessions = s.successes + s.failures
        let rate = sessions == 0 ? "" : String(format: " (%.2f%%)", Double(s.failures) * 100 / Double(sessions))
        var out = ["\(scope): \(s.reports) \(s.reports == 1 ? "report" : "reports")\(period), "
            + "\(s.policyDomains) policy \(s.policyDomains == 1 ? "domain" : "domains"), \(sessions) sessions: "
            + "\(s.successes) successful, \(s.failures) failed\(rate)"]
        guard s.reports > 0 else { return out + ["no stored reports match; ingest some with `mtasts reports ingest`"] }
        if !s.byResultType.isEmpty {
            out.append("")
            out.append("failed sessions by result type (RFC 8460 §4.3)")
            out += table(s.byResultType.map { [$0.name, "\($0.failedSessions)"] })
            out.append("")
            out.append("failed sessions by receiving MX")
            out += table(s.byReceivingMX.map { [$0.name, "\($0.failedSessions)"] })
        }
        out.append("")
        out.append("by organization")
        out += table([["ORGANIZATION", "REPORTS", "SUCCESSFUL", "FAILED"]]
            + s.byOrganization.map { [$0.name, "\($0.reports)", "\($0.successes)", "\($0.failures)"] })
        if !s.groups.isEmpty {
            out.append("")
            out.append("failure groups (result type × receiving MX × organization)")
            out += table([["RESULT TYPE", "RECEIVING MX", "ORGANIZATION", "FAILED", "DETAILS", "LAST"]]
                + s.groups.map {
                    [$0.resultType, $0.receivingMX ?? "-", $0.organization, "\($0.failedSessions)", "\($0.details)",
                     UTCDay($0.lastReported).string]
                })
        }
        return out
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

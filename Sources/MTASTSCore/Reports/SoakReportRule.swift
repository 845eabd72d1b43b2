import Foundation

/// Gate input from TLS-RPT: what sending MTAs reported while the domain soaked in
/// `mode: testing`.
///
/// In `testing`, senders deliver anyway but report every session that would have failed under
/// `enforce` (RFC 8461 §5, RFC 8460 §4.3). Reported failures during the soak window are
/// therefore mail that `enforce` would bounce: a warning, and a blocker above
/// `blockerFailureRate`. No report at all is only an info: the gate cannot lean on reports then.
public enum SoakReportRule {
    /// Findings for `domain` from the totals of its soak window (`nil` when nothing is stored).
    ///
    /// - `reports.none-during-soak` (info) when no report covers the window;
    /// - `reports.soak-failures` (warning) when any failure was reported, evidence the counts
    ///   by result type (RFC 8460 §4.3);
    /// - `reports.soak-failure-rate` (error) when failures / sessions exceeds the threshold.
    public static func findings(
        domain: String, totals: TLSRPTWindowTotals?, blockerFailureRate: Double = 0.01
    ) -> [Finding] {
        guard let totals, totals.reportCount > 0 else {
            return [Finding(
                code: .reportsNoneDuringSoak, subject: domain,
                message: "No TLS-RPT report covers the soak window; the gate cannot tell what senders saw",
                evidence: totals.map { "window \(window($0)): 0 reports" } ?? "no stored reports")]
        }
        guard totals.failures > 0 else { return [] }
        var findings: [Finding] = []
        let byType = totals.failuresByType.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key < b.key
        }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let counts = "\(totals.failures) failed of \(totals.sessions) sessions in \(totals.reportCount) reports"
            + (byType.isEmpty ? "" : "; \(byType)")
        findings.append(Finding(
            code: .reportsSoakFailures, subject: domain,
            message: "Senders reported \(totals.failures) failed TLS sessions during the soak window; enforce would bounce them",
            evidence: "window \(window(totals)): \(counts)"))
        if totals.failureRate > blockerFailureRate {
            findings.append(Finding(
                code: .reportsSoakFailureRate, subject: domain,
                message: "Reported failure rate \(percent(totals.failureRate)) is above the \(percent(blockerFailureRate)) limit",
                evidence: "window \(window(totals)): \(counts)"))
        }
        return findings
    }

    private static func window(_ t: TLSRPTWindowTotals) -> String {
        "\(UTCDay(t.from).string)..\(UTCDay(t.to).string)"
    }

    private static func percent(_ rate: Double) -> String {
        let value = (rate * 1000).rounded() / 10
        return "\(value)%"
    }
}

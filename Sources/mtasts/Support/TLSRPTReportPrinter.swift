import Foundation
import MTASTSCore
import MTASTSIngest

/// Prints an ingested TLS-RPT item as text: the report's header, per policy the session
/// counts and the failures grouped by result type × receiving MX, then the quirk findings;
/// or the precise reason the item is not a report.
struct TLSRPTReportPrinter {
    var style: TextStyle

    func lines(_ item: IngestItem) -> [String] {
        var out: [String] = []
        if let error = item.error {
            out.append("\(item.source): \(style.paint("INVALID", .error)) - \(headline(error))")
            out.append("  " + detail(error))
            return out
        }
        guard let parsed = item.parsed else { return out }
        let report = parsed.report
        let findings = FindingPrinter(style: style)
        let verdict = findings.verdict(valid: true, findings: parsed.findings)
        out.append("\(item.source): TLS-RPT report from \(style.bold(report.organizationName))  \(verdict)")
        out.append("  report-id  \(report.reportID)")
        out.append("  period     \(period(report.dateRange))")
        out.append("  contact    \(report.contactInfo ?? style.dim("(none given)"))")
        if let message = item.message {
            if let subject = message.subject { out.append("  subject    \(subject)") }
            if let part = message.contentType {
                out.append("  part       \(part)" + (message.filename.map { "  \($0)" } ?? ""))
            }
        }
        if case .duplicate(_, let first) = item.outcome { out.append("  " + style.dim("duplicate of \(first)")) }
        for result in report.policies {
            out.append("")
            out += policyLines(result)
        }
        if !parsed.findings.isEmpty {
            out.append("")
            out.append(style.bold("Findings"))
            for finding in parsed.findings.bySeverity { out += findings.lines(for: finding) }
        }
        return out
    }

    func policyLines(_ result: TLSRPTPolicyResult) -> [String] {
        let policy = result.policy
        var out: [String] = []
        var head = style.bold(policy.domain) + "  " + policy.type.rawValue
        if !policy.mxHosts.isEmpty { head += "  mx: " + policy.mxHosts.joined(separator: ", ") }
        out.append(head)
        let total = result.summary.successfulSessions.addingSaturating(result.summary.failedSessions)
        let share = result.summary.failedSessions == 0 || total == 0 ? ""
            : String(format: " (%.1f %% failed)", Double(result.summary.failedSessions) * 100 / Double(total))
        out.append("  sessions  \(result.summary.successfulSessions) successful, \(result.summary.failedSessions) failed\(share)")
        let groups = result.failureGroups
        guard !groups.isEmpty else {
            if result.summary.failedSessions > 0 { out.append("  " + style.dim("no failure details given")) }
            return out
        }
        let typeWidth = max(11, groups.map(\.resultType.rawValue.count).max() ?? 0) + 2
        let mxWidth = max(12, groups.map { ($0.receivingMX ?? "-").count }.max() ?? 0) + 2
        out.append("  " + style.dim(pad("RESULT TYPE", typeWidth) + pad("RECEIVING MX", mxWidth) + "SESSIONS"))
        for group in groups {
            let marker = group.resultType.category == .unknown ? style.paint(group.resultType.rawValue, .warning) : group.resultType.rawValue
            out.append("  " + marker + String(repeating: " ", count: max(1, typeWidth - group.resultType.rawValue.count))
                + pad(group.receivingMX ?? "-", mxWidth) + "\(group.failedSessions)")
        }
        return out
    }

    func period(_ range: TLSRPTReport.DateRange) -> String {
        // 00:00:00 to 23:59:59 is a day: the span is shown to the nearest minute.
        let minutes = Int((range.end.timeIntervalSince(range.start) / 60).rounded())
        let span = minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(abs(minutes % 60)) min"
        return "\(range.start.formatted(.iso8601)) to \(range.end.formatted(.iso8601)) (\(span))"
    }

    func headline(_ error: IngestError) -> String {
        switch error {
        case .invalidReport: "not a valid TLS-RPT report"
        case .noReport: "no TLS-RPT report in the message"
        case .truncatedGzip, .corruptGzip, .decompressedTooLarge, .tooManyGzipMembers: "unreadable gzip report"
        case .notAFile: "skipped"
        case .messageTooLarge: "too large"
        case .malformedMessage: "unreadable message"
        case .unreadable: "unreadable"
        }
    }

    func detail(_ error: IngestError) -> String {
        if case .invalidReport(let reportError) = error { return reportError.description }
        return error.description
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
}

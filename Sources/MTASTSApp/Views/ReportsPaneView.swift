import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// The Reports pane: sessions per day as two bar charts, then the failure groups (result type
/// × receiving MX × organization) each with the live finding that explains it; Enter shows the
/// group's failure details. Draws `state.tlsrpt`, computes no verdict.
enum ReportsPaneView {
    static func draw(_ state: AppState, domain: String, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        guard let data = state.tlsrpt.panes[domain] else {
            canvas.put("\(theme.glyphs.pending) reading TLS-RPT reports…", x: rect.x + 1, y: rect.y + 1, style: Style(.pending))
            return
        }
        if let drill = state.tlsrpt.drill, drill.domain == domain {
            let lines = drillLines(drill, theme: theme)
            let scroll = min(drill.scroll, max(lines.count - rect.height, 0))
            for (index, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
                line.draw(into: &canvas, x: rect.x + 1, y: rect.y + index, clip: rect)
            }
            return
        }
        var (lines, selectedLine) = paneLines(data, selected: state.tlsrpt.selectedGroup, width: rect.width - 2, theme: theme)
        if lines.count > rect.height, let selectedLine {
            let scroll = min(max(selectedLine + 2 - rect.height, 0), lines.count - rect.height)
            lines = Array(lines.dropFirst(scroll))
        }
        for (index, line) in lines.prefix(rect.height).enumerated() {
            line.draw(into: &canvas, x: rect.x + 1, y: rect.y + index, clip: rect)
        }
    }

    static func paneLines(_ data: ReportsPaneData, selected: Int, width: Int, theme: Theme) -> ([StyledLine], Int?) {
        let s = data.summary
        var out: [StyledLine] = []
        let sessions = s.successes.addingSaturating(s.failures)
        let rate = sessions == 0 ? "" : String(format: " (%.2f%%)", Double(s.failures) * 100 / Double(sessions))
        out.append(StyledLine([
            ("TLS-RPT, last \(ReportsViewState.days) days: ", Style(.header, bold: true)),
            ("\(s.reports) reports from \(s.byOrganization.count) senders, ", .normal),
            ("\(s.successes) ok", Style(.ok)), (", ", .normal),
            ("\(s.failures) failed\(rate)", Style(s.failures > 0 ? .fail : .muted, bold: s.failures > 0)),
        ]))
        guard s.reports > 0 else {
            out.append(StyledLine("no TLS-RPT report stored for this domain; ingest with `mtasts reports ingest`", Style(.muted)))
            return (out, nil)
        }
        let chartRows = 3
        let first = data.days.first?.day.string ?? ""
        let last = data.days.last?.day.string ?? ""
        let axis = first + String(repeating: " ", count: max(data.days.count - first.count - last.count, 1)) + last
        func chart(_ label: String, _ values: [Int], _ role: StyleRole) {
            let label = "\(label) (max \(values.max() ?? 0)/day)"
            out.append(StyledLine(label, Style(.muted)))
            for line in BarChart.lines(values, rows: chartRows, ascii: theme.glyphs.ascii) {
                out.append(StyledLine([(theme.glyphs.ascii ? "|" : "│", Style(.border)), (line, Style(role))]))
            }
        }
        chart("successful sessions per day", data.days.map(\.successes), .ok)
        chart("failed sessions per day", data.days.map(\.failures), .fail)
        out.append(StyledLine(" " + axis, Style(.muted)))
        out.append(StyledLine(""))
        guard !data.groups.isEmpty else {
            out.append(StyledLine("\(theme.glyphs.ok) no failure reported in \(ReportsViewState.days) days", Style(.ok, bold: true)))
            return (out, nil)
        }
        let times = theme.glyphs.ascii ? "x" : "×"
        out.append(StyledLine("Failures by result type \(times) receiving MX \(times) organization   (Enter: details)",
                              Style(.header, bold: true)))
        var selectedLine: Int?
        for (index, group) in data.groups.enumerated() {
            let b = group.bucket
            let isSelected = index == selected
            if isSelected { selectedLine = out.count }
            let marker = isSelected ? theme.glyphs.selected : " "
            out.append(StyledLine([
                (DisplayWidth.pad(marker, to: 2), Style(.selected, bold: true)),
                ("\(theme.glyphs.fail) ", Style(.fail)),
                (DisplayWidth.pad(b.resultType, to: 26), Style(.normal, bold: true, reverse: isSelected)),
                (" " + DisplayWidth.pad(b.receivingMX ?? "(no MX named)", to: 22), Style(.accent)),
                (" " + DisplayWidth.pad(b.organization, to: 16), .normal),
                (String(format: " %6d sessions", b.failedSessions), Style(.fail)),
            ]))
            let reported = "reported since \(UTCDay(b.firstReported).string)"
            if let finding = group.explanation {
                let since = group.explainedSince.map { "live since \(UTCDay($0).string)" } ?? "live now"
                out.append(StyledLine([
                    ("      explained by ", Style(.muted)), (finding.code.rawValue, Style(theme.role(finding.severity), bold: true)),
                    // The MX is on the group line; name the subject only when it is something else.
                    ((finding.subject.lowercased() == b.receivingMX ? "" : " on \(finding.subject)") + " (\(since)); \(reported)",
                     Style(.muted)),
                ]))
            } else {
                let hint = b.type.relatedFindingCodes.isEmpty ? "not checked by mtasts (DANE/DNSSEC or unknown type)"
                    : "no live finding explains it (fixed since, or seen only by this sender)"
                out.append(StyledLine("      \(hint); \(reported)", Style(.muted)))
            }
        }
        return (out, selectedLine)
    }

    static func drillLines(_ drill: FailureDrill, theme: Theme) -> [StyledLine] {
        let b = drill.bucket
        var out = [
            StyledLine([("Failure details: ", Style(.header, bold: true)), (b.resultType, Style(.fail, bold: true)),
                        (" at \(b.receivingMX ?? "(no MX named)") reported by \(b.organization)", Style(.accent))]),
            StyledLine("  \(b.type.meaning)   (Esc: back to the groups)", Style(.muted)),
            StyledLine(""),
        ]
        guard let details = drill.details else {
            out.append(StyledLine("\(theme.glyphs.pending) reading…", Style(.pending)))
            return out
        }
        out.append(StyledLine(
            "  " + DisplayWidth.pad("REPORT DAY", to: 11) + DisplayWidth.pad("SENDING MTA IP", to: 18)
                + DisplayWidth.pad("RECEIVING IP", to: 18) + DisplayWidth.pad("SESSIONS", to: 9) + "REASON CODE / ADDITIONAL INFO",
            Style(.header, bold: true)))
        for stored in details {
            let d = stored.detail
            out.append(StyledLine([
                ("  " + DisplayWidth.pad(UTCDay(stored.reportStart).string, to: 11), Style(.muted)),
                (DisplayWidth.pad(d.sendingMTAIP ?? "-", to: 18), .normal),
                (DisplayWidth.pad(d.receivingIP ?? "-", to: 18), .normal),
                (DisplayWidth.pad(String(d.failedSessions), to: 9), Style(.fail)),
                (d.failureReasonCode ?? "-", .normal),
            ]))
            if let info = d.additionalInformation {
                out.append(StyledLine("    " + info, Style(.muted)))
            }
            if let helo = d.receivingMXHelo {
                out.append(StyledLine("    receiving MX HELO \(helo)   report \(stored.reportID)", Style(.muted)))
            }
        }
        if details.isEmpty { out.append(StyledLine("no detail stored", Style(.muted))) }
        return out
    }
}

import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// `T`: every domain with TLS-RPT failures in the last 30 days, worst first (as loaded);
/// Enter opens the domain's Reports pane.
enum TriageView {
    static func draw(_ state: AppState, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let (titleRect, rest) = rect.splitTop(1)
        let (headerRect, body) = rest.splitTop(1)
        canvas.fill(titleRect, style: Style(.title, reverse: true))
        let count = state.tlsrpt.triage.map { "\($0.count) domains" } ?? "reading…"
        canvas.put(" TLS-RPT triage - failures reported in the last \(ReportsViewState.days) days - \(count), worst first",
                   x: 0, y: titleRect.y, style: Style(.title, bold: true, reverse: true), clip: titleRect)
        guard let rows = state.tlsrpt.triage else { return }
        guard !rows.isEmpty else {
            canvas.put("\(theme.glyphs.ok) no domain has reported TLS failures in \(ReportsViewState.days) days",
                       x: 2, y: body.y + 1, style: Style(.ok, bold: true))
            return
        }
        let header = "  " + DisplayWidth.pad("DOMAIN", to: 26) + DisplayWidth.pad("FAILED", to: 9)
            + DisplayWidth.pad("RATE", to: 8) + DisplayWidth.pad("REPORTS", to: 8) + DisplayWidth.pad("LAST", to: 11) + "WORST RESULT TYPE"
        canvas.put(header, x: 0, y: headerRect.y, style: Style(.header, bold: true), clip: headerRect)
        let list = state.tlsrpt.triageList
        for (offset, row) in rows.dropFirst(list.offset).prefix(body.height).enumerated() {
            let index = list.offset + offset
            let selected = index == list.selected
            let rate = String(format: "%.2f%%", row.failureRate * 100)
            let line = StyledLine([
                (DisplayWidth.pad(selected ? theme.glyphs.selected : " ", to: 2), Style(.selected, bold: true)),
                (DisplayWidth.pad(row.domain, to: 26), Style(.normal, bold: true, reverse: selected)),
                (DisplayWidth.pad("\(theme.glyphs.fail) \(row.failures)", to: 9), Style(.fail)),
                (DisplayWidth.pad(rate, to: 8), Style(row.failureRate > 0.01 ? .fail : .warn)),
                (DisplayWidth.pad(String(row.reports), to: 8), .normal),
                (DisplayWidth.pad(row.lastFailure.map { UTCDay($0).string } ?? "-", to: 11), Style(.muted)),
                (row.worstResultType ?? "-", Style(.accent)),
            ])
            line.draw(into: &canvas, x: body.x, y: body.y + offset, clip: body)
        }
    }
}

import Foundation
import MTASTSCore
import MTASTSStore
import TerminalUI

/// `H`: the audit log (who did what, when, why) and the timeline of observed live stages.
enum HistoryView {
    static func draw(_ state: AppState, domain: String, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let (titleRect, body) = rect.splitTop(1)
        canvas.fill(titleRect, style: Style(.title, reverse: true))
        canvas.put(" \(domain) ", x: 0, y: titleRect.y, style: Style(.title, bold: true, reverse: true))
        canvas.put(" history", x: DisplayWidth.of(" \(domain) "), y: titleRect.y, style: Style(.title, reverse: true))
        guard let panel = state.rollout.panels[domain] else {
            canvas.put("\(theme.glyphs.spinnerFrame(milliseconds: state.clockMilliseconds)) loading…", x: 2, y: body.y + 1, style: Style(.pending))
            return
        }
        let content = lines(panel, width: body.width - 2, theme: theme)
        let maxScroll = max(content.count - body.height, 0)
        let scroll = min(state.rollout.historyScroll, maxScroll)
        for (index, line) in content.dropFirst(scroll).prefix(body.height).enumerated() {
            line.draw(into: &canvas, x: body.x + 1, y: body.y + index, clip: body)
        }
    }

    static func lines(_ panel: RolloutPanelData, width: Int, theme: Theme) -> [StyledLine] {
        var out = [StyledLine("Timeline of observed live stages", Style(.header, bold: true))]
        let spans = panel.assessment.timeline
        if spans.isEmpty { out.append(StyledLine("  never checked", Style(.muted))) }
        for span in spans {
            let range = span.from == span.to ? span.from.rolloutText : "\(span.from.rolloutText) … \(span.to.rolloutText)"
            out.append(StyledLine([
                ("  " + DisplayWidth.pad(span.stage.rawValue, to: 10), theme.stageStyle(span.stage).with(bold: true)),
                (range, .normal), ("  \(span.observations) check\(span.observations == 1 ? "" : "s")", Style(.muted)),
            ]))
        }
        out.append(StyledLine(""))
        out.append(StyledLine("Audit log", Style(.header, bold: true)))
        if panel.audit.isEmpty { out.append(StyledLine("  nothing recorded yet", Style(.muted))) }
        for entry in panel.audit.reversed() {
            let style: Style = switch entry.action {
            case .override: Style(.danger, bold: true)
            case .refused: Style(.fail)
            case .acknowledge: Style(.warn)
            case .verified: Style(.ok)
            default: Style(.accent)
            }
            out.append(StyledLine([
                ("  \(entry.at.rolloutText)  ", Style(.muted)), (DisplayWidth.pad(entry.action.rawValue, to: 13), style),
                (entry.operator, Style(.normal, bold: true)),
            ]))
            for line in TextWrap.wrap(entry.detail, width: max(width - 6, 10)) { out.append(StyledLine("      " + line)) }
        }
        return out
    }
}

import Foundation
import MTASTSCore
import TerminalUI

/// A domain's detail screen: a header with stage and readiness, pane tabs with their worst
/// severity, and the selected pane.
enum DetailView {
    static func draw(_ state: AppState, domain: String, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let (titleRect, rest) = rect.splitTop(1)
        let (tabsRect, paneRect) = rest.splitTop(2)
        canvas.fill(titleRect, style: Style(.title, reverse: true))
        guard let report = state.reports[domain] else {
            canvas.put(" \(domain)", x: 0, y: titleRect.y, style: Style(.title, bold: true, reverse: true))
            let row = state.rows.first { $0.name == domain }
            let text = state.checking.contains(domain)
                ? "\(theme.glyphs.spinnerFrame(milliseconds: state.clockMilliseconds)) checking \(domain)…"
                : (row?.isChecked == true ? "loading…" : "not checked yet: press r to check it")
            if state.pane == .reports {
                drawTabs(state, report: nil, theme, into: &canvas, rect: tabsRect)
                ReportsPaneView.draw(state, domain: domain, theme, into: &canvas, rect: paneRect)
                return
            }
            canvas.put(text, x: 2, y: paneRect.y + 1, style: Style(.pending))
            return
        }
        var title: [(String, Style)] = [(" \(report.domain) ", Style(.title, bold: true, reverse: true))]
        title.append(("  stage ", Style(.title, reverse: true)))
        title.append((report.liveStage.rawValue, Style(.title, bold: true, reverse: true)))
        // The rollout gate when the panel has loaded it (both layers), else the report's own layer:
        // the same words the panel and the list show.
        let (readiness, readinessStyle) = theme.readiness(state.enforceGate(domain) ?? report.enforce)
        title.append(("  " + readiness, readinessStyle))
        let spinner = state.checking.contains(domain) ? "  " + theme.glyphs.spinnerFrame(milliseconds: state.clockMilliseconds) + " checking" : ""
        title.append(("  checked \(Theme.age(report.checkedAt, now: state.now))\(spinner)", Style(.title, reverse: true)))
        StyledLine(title).draw(into: &canvas, x: 0, y: titleRect.y, clip: titleRect)

        drawTabs(state, report: report, theme, into: &canvas, rect: tabsRect)
        if state.pane == .reports {
            ReportsPaneView.draw(state, domain: domain, theme, into: &canvas, rect: paneRect)
            return
        }

        let content = PaneContent.lines(report, pane: state.pane, width: paneRect.width - 2, theme: theme)
        let maxScroll = max(content.count - paneRect.height, 0)
        let scroll = min(state.paneScroll[state.pane] ?? 0, maxScroll)
        for (index, line) in content.dropFirst(scroll).prefix(paneRect.height).enumerated() {
            line.draw(into: &canvas, x: paneRect.x + 1, y: paneRect.y + index, clip: paneRect)
        }
        if maxScroll > 0 {
            let indicator = "\(scroll + 1)-\(min(scroll + paneRect.height, content.count))/\(content.count)"
            canvas.put(indicator, x: paneRect.maxX - DisplayWidth.of(indicator) - 1, y: tabsRect.y + 1, style: Style(.muted))
        }
    }

    /// The pane tabs with each pane's worst severity (Reports: failed sessions in 30 days).
    static func drawTabs(_ state: AppState, report: DomainReport?, _ theme: Theme, into canvas: inout Canvas, rect tabsRect: Rect) {
        var x = tabsRect.x + 1
        for pane in Pane.allCases {
            let worst: Severity?
            let mark: String
            if let group = pane.group {
                let findings = report?.findings(in: group) ?? []
                worst = findings.worstSeverity
                switch worst {
                case .error: mark = " \(theme.glyphs.fail)\(findings.filter { $0.severity == .error }.count)"
                case .warning: mark = " \(theme.glyphs.warn)\(findings.filter { $0.severity == .warning }.count)"
                default: mark = report == nil ? "" : " \(theme.glyphs.ok)"
                }
            } else if let data = state.tlsrpt.panes[report?.domain ?? state.screen.domain ?? ""] {
                worst = data.summary.failures > 0 ? .warning : nil
                mark = data.summary.failures > 0 ? " \(theme.glyphs.warn)\(data.summary.failures)" : " \(theme.glyphs.ok)"
            } else {
                worst = nil
                mark = ""
            }
            let label = " \(pane.rawValue)\(mark) "
            let selected = pane == state.pane
            let style = selected ? Style(theme.role(worst == .info ? nil : worst), bold: true, reverse: true) : Style(theme.role(worst == .info ? nil : worst))
            x += canvas.put(selected ? "[\(label)]" : " \(label) ", x: x, y: tabsRect.y, style: style, clip: tabsRect)
        }
        canvas.put(String(repeating: theme.glyphs.ascii ? "-" : "─", count: tabsRect.width), x: 0, y: tabsRect.y + 1,
                   style: Style(.border))
    }
}

extension Screen {
    /// The domain of a detail screen.
    var domain: String? {
        if case .detail(let domain) = self { return domain }
        return nil
    }
}

import Foundation
import MTASTSCore
import TerminalUI

/// `p`: the rollout panel of a domain: a title bar, then the scrollable panel content.
enum RolloutView {
    static func draw(_ state: AppState, domain: String, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let (titleRect, body) = rect.splitTop(1)
        canvas.fill(titleRect, style: Style(.title, reverse: true))
        var title: [(String, Style)] = [(" \(domain) ", Style(.title, bold: true, reverse: true)), (" rollout", Style(.title, reverse: true))]
        guard let panel = state.rollout.panels[domain] else {
            StyledLine(title).draw(into: &canvas, x: 0, y: titleRect.y, clip: titleRect)
            let spinner = theme.glyphs.spinnerFrame(milliseconds: state.clockMilliseconds)
            canvas.put("\(spinner) \(state.rollout.busy[domain] ?? "loading…")", x: 2, y: body.y + 1, style: Style(.pending))
            return
        }
        let a = panel.assessment
        title.append(("  live \(a.liveStage?.rawValue ?? "unchecked")", Style(.title, bold: true, reverse: true)))
        title.append(("  plan \(a.plan?.target.rawValue ?? "none")", Style(.title, reverse: true)))
        if let report = panel.report { title.append(("  checked \(Theme.age(report.checkedAt, now: state.now))", Style(.title, reverse: true))) }
        StyledLine(title).draw(into: &canvas, x: 0, y: titleRect.y, clip: titleRect)
        let content = RolloutContent.lines(panel, state: state, width: body.width - 2, theme: theme)
        let maxScroll = max(content.count - body.height, 0)
        let scroll = min(state.rollout.scroll, maxScroll)
        for (index, line) in content.dropFirst(scroll).prefix(body.height).enumerated() {
            line.draw(into: &canvas, x: body.x + 1, y: body.y + index, clip: body)
        }
        if maxScroll > 0 {
            let indicator = " \(scroll + 1)-\(min(scroll + body.height, content.count))/\(content.count) "
            canvas.put(indicator, x: titleRect.maxX - DisplayWidth.of(indicator), y: titleRect.y, style: Style(.title, reverse: true))
        }
    }
}

/// The gate modal: what blocks or needs acknowledgement, the typed domain name and (for
/// blockers) the reason. Enter does nothing until the name matches; Esc cancels.
enum GateModalView {
    static func draw(_ modal: GateModal, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let listed = Array((modal.blockers + modal.warnings).prefix(6))
        let height = min(rect.height - 2, 9 + listed.count + (modal.needsReason ? 2 : 0))
        let box = rect.centered(width: min(rect.width - 4, 76), height: height)
        let inner = box.inset(horizontal: 2, vertical: 1)
        canvas.fill(box)
        let title = modal.needsReason ? "Override the gate: \(modal.to.rawValue)" : "Acknowledge warnings: \(modal.to.rawValue)"
        canvas.box(box, title: title, style: Style(modal.needsReason ? .danger : .warn, bold: true), ascii: theme.glyphs.ascii)
        var y = inner.y
        func line(_ text: String, _ style: Style = .normal) {
            guard y < inner.maxY else { return }
            canvas.put(text, x: inner.x, y: y, style: style, clip: inner)
            y += 1
        }
        if modal.needsReason {
            line("\(modal.blockers.count) blocker(s) make \(modal.to.rawValue) unsafe for \(modal.domain):", Style(.fail, bold: true))
        } else {
            line("\(modal.warnings.count) warning(s) to acknowledge for \(modal.domain):", Style(.warn, bold: true))
        }
        for item in listed {
            let (badge, style) = theme.badge(item.kind)
            line("  \(badge)  \(item.code.rawValue)  \(item.subject)", style)
        }
        if modal.blockers.count + modal.warnings.count > listed.count {
            line("  … and \(modal.blockers.count + modal.warnings.count - listed.count) more (listed in the panel)", Style(.muted))
        }
        y += 1
        line("Type the domain name to confirm:", Style(.muted))
        if y < inner.maxY {
            let style = modal.focus == .name ? Style(.input) : Style(.muted)
            modal.name.draw(into: &canvas, x: inner.x, y: y, width: inner.width, prompt: "domain> ", style: style)
            y += 1
        }
        if modal.needsReason {
            line("Reason (written to the audit log):", Style(.muted))
            if y < inner.maxY {
                let style = modal.focus == .reason ? Style(.input) : Style(.muted)
                modal.reason.draw(into: &canvas, x: inner.x, y: y, width: inner.width, prompt: "reason> ", style: style)
                y += 1
            }
        }
        if modal.focus == .name { moveCursor(&canvas, modal.name, x: inner.x + 8, row: modal.needsReason ? y - 3 : y - 1) }
        if let problem = modal.problem { line(problem, Style(.fail, bold: true)) }
        y = max(y, inner.maxY - 1)
        line(modal.needsReason ? "Enter override  Tab next field  Esc cancel" : "Enter acknowledge  Esc cancel", Style(.muted))
    }

    /// The last drawn input sets the canvas cursor; put it back on the focused field.
    static func moveCursor(_ canvas: inout Canvas, _ input: TextInput, x: Int, row: Int) {
        canvas.cursor = (x + DisplayWidth.of(String(input.text.prefix(input.cursor))), row)
    }
}

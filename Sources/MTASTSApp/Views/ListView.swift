import Foundation
import MTASTSCore
import TerminalUI

/// The domain list: one line per domain with live stage, worst finding, earliest certificate
/// expiry, MX hosts (and how widely they are shared), on wide terminals the planned stage and the
/// TLS-RPT failures of the last week, last check.
enum ListView {
    static func draw(_ state: AppState, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let (titleRect, rest) = rect.splitTop(1)
        var title = " mtasts  \(state.rows.count) domain\(state.rows.count == 1 ? "" : "s")"
        let counts = state.stageCounts
        let stages: [(String, LiveStage?)] = [
            ("none", LiveStage.none), ("testing", .testing), ("enforce", .enforce), ("removing", .removing),
            ("broken", .broken), ("unchecked", nil),
        ]
        let parts = stages.compactMap { name, stage in counts[stage].map { "\(name) \($0)" } }
        if !parts.isEmpty { title += "  " + parts.joined(separator: " · ") }
        canvas.fill(titleRect, style: Style(.title, reverse: true))
        canvas.put(title, x: 0, y: titleRect.y, style: Style(.title, bold: true, reverse: true), clip: titleRect)
        if state.options.readOnly || state.options.demo {
            let badge = state.options.demo ? " DEMO " : " READONLY "
            canvas.put(badge, x: titleRect.maxX - DisplayWidth.of(badge), y: titleRect.y, style: Style(.warn, bold: true, reverse: true))
        }
        let tableRect = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height)
        if state.rows.isEmpty {
            canvas.put("No domains yet. Press a to add one (or run `mtasts import FILE`).", x: 2, y: rest.y + 1,
                       style: Style(.muted))
            return
        }
        if state.visible.isEmpty {
            canvas.put("No domain matches the filter. Esc clears it.", x: 2, y: rest.y + 1, style: Style(.muted))
            return
        }
        let wide = rect.width >= 100
        var columns: [Table.Column] = [
            .init("DOMAIN"), .init("STAGE", width: 9), .init("WORST FINDING", width: wide ? 34 : 24),
            .init("CERT", width: 5, alignRight: true), .init("MX", width: wide ? 10 : 6),
        ]
        // Wide terminals also show the rollout plan and the TLS-RPT failures of the last week.
        let rollout = rect.width >= 124
        if rollout { columns += [.init("PLAN", width: 8), .init("TLS-RPT 7d", width: 10, alignRight: true)] }
        if wide || rect.width >= 88 { columns.append(.init("CHECKED", width: 8, alignRight: true)) }
        let table = Table(columns: columns)
        table.draw(into: &canvas, rect: tableRect, count: state.visible.count, state: state.list) { index in
            let row = state.rows[state.visible[index]]
            var items: [Table.Item] = [.init(row.name)]
            if state.checking.contains(row.name) {
                items.append(.init(theme.glyphs.spinnerFrame(milliseconds: state.clockMilliseconds) + " check",
                                   Style(.pending)))
            } else {
                items.append(.init(row.stage?.rawValue ?? "-", theme.stageStyle(row.stage)))
            }
            if let severity = row.worstSeverity, severity != .info, let code = row.worstCode {
                let glyph = severity == .error ? theme.glyphs.fail : severity == .warning ? theme.glyphs.warn : theme.glyphs.info
                let more = row.errorCount + row.warningCount > 1 ? " +\(row.errorCount + row.warningCount - 1)" : ""
                items.append(.init("\(glyph) \(code.rawValue)\(more)", Style(theme.role(severity))))
            } else if row.isChecked {
                items.append(.init("\(theme.glyphs.ok) ok", Style(.ok)))
            } else {
                items.append(.init("not checked", Style(.muted)))
            }
            if let days = row.expiryDays {
                items.append(.init("\(days)d", Style(days < 0 ? .fail : days < 14 ? .warn : .normal)))
            } else {
                items.append(.init("-", Style(.muted)))
            }
            let shared = row.mxHosts.map { state.mxUse[$0] ?? 1 }.max() ?? 1
            let mxText = row.mxHosts.isEmpty ? "-" : "\(row.mxHosts.count)" + (shared > 1 ? (theme.glyphs.ascii ? " <>\(shared)" : " ⇄\(shared)") : "")
            items.append(.init(mxText, Style(shared > 1 ? .accent : .normal)))
            if rollout {
                items.append(.init(row.plannedStage?.rawValue ?? "-", Style(row.plannedStage == nil ? .muted : .normal)))
                if let failures = row.reportedFailures, failures > 0 {
                    items.append(.init("\(theme.glyphs.fail) \(failures)", Style(.fail)))
                } else {
                    items.append(.init("-", Style(.muted)))
                }
            }
            items.append(.init(row.isChecked ? Theme.age(row.checkedAt, now: state.now) : "-", Style(.muted)))
            return items
        }
    }
}

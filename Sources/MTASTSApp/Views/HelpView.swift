import TerminalUI

/// `?`: every key of the screen below, generated from the action table. It scrolls (j/k,
/// PgUp/PgDn, C-d/C-u, g/G) and says which lines are shown.
enum HelpView {
    /// One line of the help text: the key label on an action's first line only.
    struct Line: Equatable {
        var keys: String?
        var text: String
        var note = false
    }

    /// The help box fills the body (the screen above the two status lines).
    static func rect(width: Int, height: Int) -> Rect { Rect(x: 0, y: 0, width: width, height: max(height - 2, 0)) }

    static func inner(width: Int, height: Int) -> Rect { rect(width: width, height: height).inset(horizontal: 2, vertical: 1) }

    static func keyWidth(_ actions: [Action]) -> Int { min((actions.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8) + 2, 14) }

    /// The whole help text of `screen` at this terminal width.
    static func lines(for screen: ScreenKind, readOnly: Bool, width: Int, height: Int) -> [Line] {
        let actions = ActionTable.actions(on: screen, readOnly: readOnly)
        let keyWidth = keyWidth(actions)
        let textWidth = max(inner(width: width, height: height).width - keyWidth, 1)
        var lines: [Line] = []
        for action in actions {
            for (index, text) in TextWrap.wrap(action.help, width: textWidth).enumerated() {
                lines.append(Line(keys: index == 0 ? action.keyLabel : nil, text: text))
            }
        }
        if readOnly {
            lines.append(Line(text: ""))
            lines.append(Line(text: "read-only: adding and removing domains are disabled", note: true))
        }
        return lines
    }

    /// The largest useful scroll offset of the help of `screen`.
    static func maxScroll(for screen: ScreenKind, _ state: AppState) -> Int {
        let count = lines(for: screen, readOnly: state.options.readOnly, width: state.width, height: state.height).count
        return max(count - max(inner(width: state.width, height: state.height).height, 1), 0)
    }

    static func draw(_ state: AppState, for screen: ScreenKind, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        canvas.box(rect, title: "Help: \(screen.helpTitle) keys", ascii: theme.glyphs.ascii)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard inner.height > 0, inner.width > 0 else { return }
        let actions = ActionTable.actions(on: screen, readOnly: state.options.readOnly)
        let keyWidth = keyWidth(actions)
        let all = lines(for: screen, readOnly: state.options.readOnly, width: state.width, height: state.height)
        let scroll = min(max(state.helpScroll, 0), max(all.count - inner.height, 0))
        let shown = all.dropFirst(scroll).prefix(inner.height)
        for (row, line) in shown.enumerated() {
            let y = inner.y + row
            if let keys = line.keys {
                canvas.put(DisplayWidth.pad(keys, to: keyWidth), x: inner.x, y: y, style: Style(.accent, bold: true), clip: inner)
            }
            if line.note {
                canvas.put(line.text, x: inner.x, y: y, style: Style(.warn), clip: inner)
            } else {
                canvas.put(line.text, x: inner.x + keyWidth, y: y, clip: inner)
            }
        }
        // Where we are, on the bottom border (less, tig): "lines 1-18 of 40", and which way
        // there is more.
        let last = scroll + shown.count
        var position = " lines \(all.isEmpty ? 0 : scroll + 1)-\(last) of \(all.count)"
        if scroll > 0 || last < all.count {
            position += last < all.count ? (scroll > 0 ? ", more above and below " : ", more below ") : ", more above "
        } else {
            position += " "
        }
        let width = DisplayWidth.of(position)
        if rect.height >= 2, width + 4 <= rect.width {
            canvas.put(position, x: rect.maxX - width - 2, y: rect.maxY - 1, style: Style(.muted))
        }
    }
}

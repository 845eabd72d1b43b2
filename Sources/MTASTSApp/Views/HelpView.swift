import TerminalUI

/// `?`: every key of the screen below, generated from the action table.
enum HelpView {
    static func draw(_ state: AppState, for screen: ScreenKind, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        canvas.box(rect, title: "Help: \(screen.helpTitle) keys", ascii: theme.glyphs.ascii)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        let actions = ActionTable.actions(on: screen, readOnly: state.options.readOnly)
        let keyWidth = min((actions.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8) + 2, 14)
        var y = inner.y
        for action in actions {
            guard y < inner.maxY else { break }
            canvas.put(DisplayWidth.pad(action.keyLabel, to: keyWidth), x: inner.x, y: y, style: Style(.accent, bold: true),
                       clip: inner)
            let lines = TextWrap.wrap(action.help, width: inner.width - keyWidth)
            for line in lines {
                guard y < inner.maxY else { break }
                canvas.put(line, x: inner.x + keyWidth, y: y, clip: inner)
                y += 1
            }
        }
        if state.options.readOnly, y < inner.maxY {
            canvas.put("read-only: adding and removing domains are disabled", x: inner.x, y: y + 1 < inner.maxY ? y + 1 : y,
                       style: Style(.warn))
        }
    }
}

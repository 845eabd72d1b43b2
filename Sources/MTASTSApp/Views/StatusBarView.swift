import TerminalUI

/// The two bottom lines: a message or progress (or the open prompt), then key hints on the
/// left and position, filter and badges on the right.
enum StatusBarView {
    static func draw(_ state: AppState, _ theme: Theme, into canvas: inout Canvas, rect: Rect) {
        let messageRow = rect.y, footerRow = rect.y + 1
        switch state.prompt {
        case .filter(let input):
            input.draw(into: &canvas, x: 0, y: messageRow, width: rect.width, prompt: "/")
        case .command(let input):
            input.draw(into: &canvas, x: 0, y: messageRow, width: rect.width, prompt: ":")
        case .addDomain(let input):
            input.draw(into: &canvas, x: 0, y: messageRow, width: rect.width, prompt: "add domains: ")
        case .confirmRemove, .gate, nil:
            if let flash = state.flash {
                let style: Style = switch flash.level {
                case .info: Style(.info)
                case .warning: Style(.warn, bold: true)
                case .error: Style(.fail, bold: true)
                }
                let prefix = flash.level == .error ? "\(theme.glyphs.fail) " : flash.level == .warning ? "\(theme.glyphs.warn) " : ""
                canvas.put(" " + prefix + flash.text, x: 0, y: messageRow, style: style)
            } else if !state.checking.isEmpty {
                let spinner = theme.glyphs.spinnerFrame(milliseconds: state.clockMilliseconds)
                canvas.put(" \(spinner) checking \(state.runDone)/\(state.runTotal) domain\(state.runTotal == 1 ? "" : "s")… (x stops)",
                           x: 0, y: messageRow, style: Style(.pending))
            }
        }
        let screen = state.screen.kind
        let actions = ActionTable.actions(on: screen, readOnly: state.options.readOnly).filter { $0.footer != nil }
        var hints = actions.map { "\($0.keyLabel.split(separator: " ").first ?? "") \($0.footer ?? "")" }
        // Keep `? help` and `q quit` when space is short: drop the hints just before them first.
        let kept = Set(actions.enumerated().filter { $0.element.id == .help || $0.element.id == .quit }.map(\.offset))
        var keep = actions.map { _ in true }
        func width() -> Int { DisplayWidth.of(" " + zip(hints, keep).filter(\.1).map(\.0).joined(separator: "  ")) }
        let budget = rect.width - (screen == .list ? 14 : 2)
        while width() > budget, let drop = keep.indices.last(where: { keep[$0] && !kept.contains($0) }) { keep[drop] = false }
        hints = zip(hints, keep).filter(\.1).map(\.0)
        var left = " " + hints.joined(separator: "  ")
        if case .filter = state.prompt, let problem = state.filter.problemText {
            // Said while typing, before Enter refuses it: the whole line, no hints.
            canvas.fill(Rect(x: rect.x, y: footerRow, width: rect.width, height: 1), style: Style(.muted, reverse: true))
            canvas.put(DisplayWidth.truncate(" \(theme.glyphs.warn) " + problem, to: rect.width), x: 0, y: footerRow,
                       style: Style(.warn, bold: true, reverse: true))
            return
        }
        var right: [String] = []
        if screen == .list {
            right.append("\(state.visible.isEmpty ? 0 : state.list.selected + 1)/\(state.visible.count)")
            if !state.filter.isEmpty { right.append("filter: \(state.filter.text)") }
            if state.problemsOnly { right.append("problems only") }
            if state.sort != .name { right.append("sort: \(state.sort.label)") }
        }
        if let reason = advanceDisabledReason(state) { right.append("A \(reason)") }
        if state.options.readOnly { right.append("READONLY") }
        let rightText = right.joined(separator: "  ") + " "
        let room = rect.width - DisplayWidth.of(rightText) - 1
        left = DisplayWidth.truncate(left, to: max(room, 0))
        canvas.fill(Rect(x: rect.x, y: footerRow, width: rect.width, height: 1), style: Style(.muted, reverse: true))
        canvas.put(left, x: 0, y: footerRow, style: Style(.normal, reverse: true))
        canvas.put(rightText, x: rect.maxX - DisplayWidth.of(rightText), y: footerRow, style: Style(.normal, bold: true, reverse: true))
    }

    /// Why `A` cannot simply go ahead, before it is pressed (lazygit's `GetDisabledReason`): the
    /// headline of the panel's gate for the next move, as the core decided it
    /// ("blocked: mx-cert.expiring"); `A` still opens the refusal and `o` the override.
    static func advanceDisabledReason(_ state: AppState) -> String? {
        guard case .rollout(let domain) = state.screen, let gate = state.rollout.panels[domain]?.assessment.gate,
            !gate.isPassable
        else { return nil }
        return gate.headline
    }

}

/// The remove confirmation: a modal with the answer defaulting to No.
enum ConfirmView {
    static func draw(domain: String, into canvas: inout Canvas, rect: Rect) {
        let box = rect.centered(width: min(max(DisplayWidth.of(domain) + 24, 44), rect.width - 2), height: 6)
        canvas.fill(box)
        canvas.box(box, title: "Remove domain", style: Style(.danger, bold: true))
        canvas.put("Remove \(domain) and its history?", x: box.x + 2, y: box.y + 2, clip: box.inset(1))
        canvas.put("y remove    any other key keeps it", x: box.x + 2, y: box.y + 3, style: Style(.muted), clip: box.inset(1))
    }
}
